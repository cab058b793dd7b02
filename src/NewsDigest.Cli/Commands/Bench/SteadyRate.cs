using System.Diagnostics;

namespace NewsDigest.Cli.Commands.Bench;

/// <summary>
/// Warm-up that lasts until the code is steady rather than for a fixed count: one pass alone leaves tiered
/// compilation half done, and its timed rounds then measure the compiler instead of the code.
/// </summary>
internal static class SteadyRate
{
    /// <summary>How close the last passes must be to each other (relative spread of their times).</summary>
    public const double Tolerance = 0.05;

    private const int SteadyPasses = 3;

    /// <summary>
    /// Runs <paramref name="pass"/> until its last three times are within <see cref="Tolerance"/> of each other, or
    /// <paramref name="maxPasses"/> / <paramref name="budget"/> is reached. Returns the passes run and whether they settled.
    /// </summary>
    public static (int Passes, bool Steady) WarmUp(Action pass, int maxPasses, TimeSpan budget, CancellationToken cancellationToken)
    {
        var times = new List<double>();
        var started = Stopwatch.StartNew();
        while (times.Count < maxPasses && (times.Count < SteadyPasses || started.Elapsed < budget))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            pass();
            times.Add(clock.Elapsed.TotalMilliseconds);
            if (times.Count >= SteadyPasses && IsSteady(times.TakeLast(SteadyPasses).ToList()))
            {
                return (times.Count, true);
            }
        }

        return (times.Count, false);
    }

    private static bool IsSteady(List<double> last)
    {
        var (lowest, highest) = (last.Min(), last.Max());
        return highest > 0 && (highest - lowest) / highest <= Tolerance;
    }

    public static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0
            : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
            : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
