using NewsDigest.Cli.CommandLine;

namespace NewsDigest.Tests.Cli;

public sealed class ProgressReporterTests
{
    [Fact]
    public void Advance_OnATerminal_DrawsCountTotalAndRateThenErasesTheLine()
    {
        using var terminal = new StringWriter();
        var progress = new ProgressReporter("eval", 10, "pages", terminal);

        progress.Restart(10);
        progress.Advance(4);
        var drawn = terminal.ToString();
        progress.Dispose();

        Assert.Contains("eval [", drawn, StringComparison.Ordinal);
        Assert.Contains("/10 pages", drawn, StringComparison.Ordinal);
        Assert.Contains("/s", drawn, StringComparison.Ordinal);
        Assert.EndsWith("\r", terminal.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchHostile_StandardErrorRedirected_PrintsNoProgress()
    {
        var result = await CliProcess.RunAsync(["bench", "hostile", "--runs", "1", "--shape", "deep article"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Error);
        Assert.Contains("slowest page:", result.Output, StringComparison.Ordinal);
    }
}
