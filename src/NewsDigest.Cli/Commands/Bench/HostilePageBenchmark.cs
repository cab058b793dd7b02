using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsDigest.Cli.CommandLine;
using NewsDigest.Normalization;

namespace NewsDigest.Cli.Commands.Bench;

/// <summary>
/// <c>bench hostile</c>: normalizes each <see cref="HostilePages"/> shape (warm-up, then the best of a few runs) and
/// prints its time, whether the article text survived, and the slowest shape: the figure that must stay under 1 s.
/// </summary>
internal static class HostilePageBenchmark
{
    public static Command Create()
    {
        var runs = new Option<int>("--runs")
        {
            Description = "Timed runs per shape after one warm-up; the best is reported.",
            DefaultValueFactory = _ => 3,
        };
        var command = new Command("hostile", "Normalization time of hostile pages under 1 MB (deep nesting, huge flat pages, ...): the slowest shape.");
        var shape = new Option<string?>("--shape")
        {
            Description = "Only the shapes whose name contains this text.",
        };
        command.Options.Add(runs);
        command.Options.Add(shape);
        command.SetAction((parseResult, cancellationToken) =>
            Task.FromResult(Run(parseResult.GetValue(runs), parseResult.GetValue(shape), Console.Out, cancellationToken)));
        return command;
    }

    private static int Run(int runs, string? only, TextWriter output, CancellationToken cancellationToken)
    {
        if (runs < 1)
        {
            throw new CommandLineUsageException("--runs must be at least 1.");
        }

        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        using var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System).AddNormalization(configuration).BuildServiceProvider();
        var normalizer = services.GetRequiredService<DocumentNormalizer>();
        var pages = HostilePages.All().Where(p => only is null || p.Shape.Contains(only, StringComparison.OrdinalIgnoreCase)).ToList();
        using var progress = new ProgressReporter("bench hostile", pages.Count, "pages");
        var slowest = (Shape: string.Empty, Elapsed: TimeSpan.Zero);
        output.WriteLine($"{"shape",-32} {"bytes",9} {"best ms",8}  result");
        foreach (var (shape, content) in pages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var input = new NormalizationInput(content, shape.Contains("wordpress", StringComparison.Ordinal) ? "post.json" : "page.html");
            var result = normalizer.Normalize(input);
            var best = TimeSpan.MaxValue;
            for (var run = 0; run < runs; run++)
            {
                var stopwatch = Stopwatch.StartNew();
                result = normalizer.Normalize(input);
                best = stopwatch.Elapsed < best ? stopwatch.Elapsed : best;
            }

            if (best > slowest.Elapsed)
            {
                slowest = (shape, best);
            }

            var outcome = result.Rejection is { } rejection
                ? $"rejected: {rejection.Reason}: {rejection.Message}"
                : result.Documents.Any(d => d.Paragraphs.Any(p => p.Contains(HostilePages.Marker, StringComparison.Ordinal))) ? "article kept" : "article LOST";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{shape,-32} {content.Length,9:N0} {best.TotalMilliseconds,8:F0}  {outcome}"));
            progress.Advance();
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"slowest page: {slowest.Elapsed.TotalMilliseconds:F0} ms ({slowest.Shape}); load average {LoadAverage()}"));
        return 0;
    }

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
