using System.Text.Json;
using NewsDigest.Normalization;

namespace NewsDigest.Cli.Evaluation;

/// <summary>One case of the readability test corpus: the decoded page, the expected text and metadata.</summary>
internal sealed record CorpusPage(
    string Name,
    string Html,
    int ByteCount,
    string? ExpectedText,
    string? Title,
    string? Byline,
    string? Excerpt,
    string? SiteName,
    string? PublishedTime,
    string? Language,
    IReadOnlySet<string> RecordedFields)
{
    private static readonly TextDecoder Decoder = new();

    public static IReadOnlyList<CorpusPage> LoadAll(string corpusDirectory)
    {
        var pages = new List<CorpusPage>();
        foreach (var directory in Directory.EnumerateDirectories(corpusDirectory).Order(StringComparer.Ordinal))
        {
            var source = Path.Combine(directory, "source.html");
            if (!File.Exists(source))
            {
                continue;
            }

            var bytes = File.ReadAllBytes(source);
            var expectedPath = Path.Combine(directory, "expected.html");
            var expectedText = File.Exists(expectedPath) ? HtmlToText.Convert(File.ReadAllText(expectedPath)) : null;
            var metadataPath = Path.Combine(directory, "expected-metadata.json");
            using var metadata = File.Exists(metadataPath) ? JsonDocument.Parse(File.ReadAllBytes(metadataPath)) : null;
            pages.Add(new CorpusPage(
                Path.GetFileName(directory),
                Decoder.Decode(bytes, "text/html").Text,
                bytes.Length,
                expectedText,
                Read(metadata, "title"),
                Read(metadata, "byline"),
                Read(metadata, "excerpt"),
                Read(metadata, "siteName"),
                Read(metadata, "publishedTime"),
                Read(metadata, "lang"),
                Recorded(metadata)));
        }

        return pages;
    }

    /// <summary>
    /// The metadata fields the reference states, as a value or as null ("this page has none"). A field it leaves out
    /// was not recorded for that page and is not scored there.
    /// </summary>
    private static HashSet<string> Recorded(JsonDocument? metadata)
    {
        var recorded = new HashSet<string>(StringComparer.Ordinal);
        if (metadata?.RootElement.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in metadata.RootElement.EnumerateObject())
            {
                recorded.Add(property.Name);
            }
        }

        return recorded;
    }

    private static string? Read(JsonDocument? metadata, string property) =>
        metadata is not null
        && metadata.RootElement.TryGetProperty(property, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
