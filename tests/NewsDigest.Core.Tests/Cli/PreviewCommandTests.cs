using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using NewsDigest.Cli.Commands;

namespace NewsDigest.Tests.Cli;

public sealed class PreviewCommandTests : IDisposable
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 1, 15, 7, 0, 0, TimeSpan.Zero));

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "newsdigest-preview-" + Guid.NewGuid().ToString("N"));

    public PreviewCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Run_Seeds_ThreeEntriesGroupedAsTheDigestWould()
    {
        var (exit, json, error) = Preview([TestPaths.Seeds], "json");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Equal(["000,001", "002", "003,004"], EntryFiles(json));
    }

    [Fact]
    public void Run_JsonFormat_EverySourceCarriesTheFileAsGiven()
    {
        var (_, json, _) = Preview([TestPaths.Seed("003"), TestPaths.Seed("004")], "json");

        using var document = JsonDocument.Parse(json);
        var files = document.RootElement.GetProperty("entries").EnumerateArray()
            .SelectMany(e => e.GetProperty("sources").EnumerateArray())
            .Select(s => s.GetProperty("file").GetString())
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal([TestPaths.Seed("003"), TestPaths.Seed("004")], files);
        Assert.Equal(2, document.RootElement.GetProperty("documentCount").GetInt32());
    }

    [Fact]
    public void Run_BadFileAmongSeeds_ReportsItAndPreviewsTheRest()
    {
        var bad = Path.Combine(_folder, "broken.png");
        File.WriteAllBytes(bad, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]);

        var (exit, json, error) = Preview([TestPaths.Seeds, bad], "json");

        Assert.Equal(PreviewCommand.ExitRejected, exit);
        Assert.Contains(bad, error, StringComparison.Ordinal);
        Assert.Contains("rejected (binary)", error, StringComparison.Ordinal);
        Assert.Equal(["000,001", "002", "003,004"], EntryFiles(json));
    }

    [Theory]
    [InlineData("markdown", "# ")]
    [InlineData("html", "<html")]
    [InlineData("text", "3 stories from 5 documents")]
    public void Run_OtherFormats_RenderTheSameDigest(string format, string expected)
    {
        var output = Path.Combine(_folder, "digest." + format);

        var (exit, written, _) = Preview([TestPaths.Seeds], format, output);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, written);
        Assert.Contains(expected, File.ReadAllText(output), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Run_MissingPath_UsageError()
    {
        var (exit, _, error) = Preview([Path.Combine(_folder, "absent.txt")], "text");

        Assert.Equal(PreviewCommand.ExitUsage, exit);
        Assert.Contains("no such file or folder", error, StringComparison.Ordinal);
    }

    private static (int Exit, string Output, string Error) Preview(string[] paths, string format, string? outputPath = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = PreviewCommand.Run(paths, format, outputPath, output, error, Clock, TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Each entry as the sorted seed numbers of its sources' files, entries sorted.</summary>
    private static List<string> EntryFiles(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.GetProperty("entries").EnumerateArray()
            .Select(e => string.Join(",", e.GetProperty("sources").EnumerateArray()
                .Select(s => Path.GetFileName(s.GetProperty("file").GetString()!)[..3])
                .Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal)];
    }
}
