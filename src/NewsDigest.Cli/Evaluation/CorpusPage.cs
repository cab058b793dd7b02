using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

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
    string? Language)
{
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
                PageDecoder.Decode(bytes),
                bytes.Length,
                expectedText,
                Read(metadata, "title"),
                Read(metadata, "byline"),
                Read(metadata, "excerpt"),
                Read(metadata, "siteName"),
                Read(metadata, "publishedTime"),
                Read(metadata, "lang")));
        }

        return pages;
    }

    private static string? Read(JsonDocument? metadata, string property) =>
        metadata is not null
        && metadata.RootElement.TryGetProperty(property, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}

/// <summary>Bytes to string for the evaluation: strict UTF-8 when the bytes are valid UTF-8, else the declared charset.</summary>
internal static partial class PageDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static PageDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(byte[] bytes)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }

        try
        {
            return StrictUtf8.GetString(span);
        }
        catch (DecoderFallbackException)
        {
            var head = Encoding.Latin1.GetString(span[..Math.Min(span.Length, 4096)]);
            var match = CharsetPattern().Match(head);
            var encoding = Encoding.Latin1;
            if (match.Success)
            {
                try
                {
                    encoding = Encoding.GetEncoding(match.Groups[1].Value);
                }
                catch (ArgumentException)
                {
                    // Unknown charset name: Latin-1 keeps every byte.
                }
            }

            return encoding.GetString(span);
        }
    }

    [GeneratedRegex("""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetPattern();
}
