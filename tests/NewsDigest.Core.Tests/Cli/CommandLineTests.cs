namespace NewsDigest.Tests.Cli;

/// <summary>Every failure the outside test found gives one line on standard error and the documented exit code.</summary>
public sealed class CommandLineTests
{
    private static readonly Dictionary<string, string> StorageDown = new() { ["Storage__ConnectionString"] = CliProcess.DeadStorage };

    [Fact]
    public async Task Run_UnknownCommand_OneUsageLineExitOne()
    {
        var result = await CliProcess.RunAsync(["frobnicate"]);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains("frobnicate", line, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task Normalize_UnknownOption_UsageErrorNotAMissingFile()
    {
        var result = await CliProcess.RunAsync(["normalize", "--bogus", "seeds"]);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains("--bogus", line, StringComparison.Ordinal);
        Assert.DoesNotContain("no such file", line, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task Normalize_OneMissingPath_ReportsItProcessesTheRestExitTwo()
    {
        var seed = Path.GetRelativePath(TestPaths.RepositoryRoot, TestPaths.Seed("000"));

        var result = await CliProcess.RunAsync(["normalize", "seeds/none", seed]);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains("seeds/none", line, StringComparison.Ordinal);
        Assert.Single(result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("\"title\"", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Digest_StorageDown_OneLineExitTwo()
    {
        var result = await CliProcess.RunAsync(["digest"], StorageDown);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains("storage is not reachable", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_StorageDown_OneLineWithoutTheRetryText()
    {
        var result = await CliProcess.RunAsync(["summary"], StorageDown);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.DoesNotContain("Retry failed", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Documents_StorageDown_NoWarningsOrStackTraces()
    {
        var result = await CliProcess.RunAsync(["documents"], StorageDown);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Documents_StorageDownVerbose_ShowsTheException()
    {
        var result = await CliProcess.RunAsync(["documents", "--verbose"], StorageDown);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("   at ", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/proc/nope")]
    [InlineData("README.md")]
    public async Task DigestPreview_FolderThatCannotBeWritten_OneLine(string folder)
    {
        var result = await CliProcess.RunAsync(["digest", "--preview", folder], StorageDown);

        Assert.InRange(result.ExitCode, 1, 2);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains(Path.GetFileName(folder), line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DigestSend_PortThatIsNotANumber_InvalidConfigurationExitTwo()
    {
        var result = await CliProcess.RunAsync(
            ["digest", "--send"],
            new Dictionary<string, string>(StorageDown) { ["Email__Port"] = "abc", ["Email__Enabled"] = "true" });

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains("invalid configuration", line, StringComparison.Ordinal);
        Assert.Contains("Email:Port", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Digest_UnknownTimeZone_OneLineNamingIt()
    {
        var result = await CliProcess.RunAsync(["digest"], new Dictionary<string, string>(StorageDown) { ["Digest__TimeZone"] = "Mars/Base" });

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains("Mars/Base", line, StringComparison.Ordinal);
    }
}
