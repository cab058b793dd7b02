namespace NewsDigest.Tests.Cli;

/// <summary><c>bench digest</c> as a user runs it: each size a few times, medians, and the same stories in every run.</summary>
public sealed class DigestBenchmarkTests
{
    [Fact]
    public async Task BenchDigest_TwoRunsOfTwoSizes_PrintsEachRunTheirMediansAndTheSameFingerprints()
    {
        var result = await CliProcess.RunAsync(["bench", "digest", "--documents", "600,300", "--runs", "2"]);

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n');
        // Smallest size first, each size's runs together.
        var rows = lines.Where(l => l.StartsWith("      300  ", StringComparison.Ordinal) || l.StartsWith("      600  ", StringComparison.Ordinal)).Take(4).Select(l => l.Trim()[..3]).ToList();
        Assert.Equal(["300", "300", "600", "600"], rows);
        Assert.Contains("Median of 2 runs, time per document:", result.Output, StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("Growth: time per document x", StringComparison.Ordinal) && l.Contains("medians of 2 runs", StringComparison.Ordinal));
        Assert.Equal(4, lines.Count(l => l.Contains("fingerprint", StringComparison.Ordinal) && l.Contains(", in all 2 runs", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task BenchDigest_NoRuns_FailsWithOneLine()
    {
        var result = await CliProcess.RunAsync(["bench", "digest", "--runs", "0"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("bench digest: '0' is not a number of runs.", result.Error.Trim());
    }
}
