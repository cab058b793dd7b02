using System.Text.RegularExpressions;

namespace NewsDigest.Normalization;

/// <summary>What decoded text looks like, judged from the content (a file name is only a tie-breaker).</summary>
internal enum TextKind
{
    PlainText,
    Json,
    Feed,
    Html,
    OtherXml,
}

/// <summary>Recognises binary files by their signatures and text formats by their first characters and markup.</summary>
internal static partial class ContentSniffer
{
    private const int SampleBytes = 8192;

    private static readonly (string Name, byte[] Signature, int Offset)[] Signatures =
    [
        ("png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], 0),
        ("jpeg", [0xFF, 0xD8, 0xFF], 0),
        ("gif", "GIF87a"u8.ToArray(), 0),
        ("gif", "GIF89a"u8.ToArray(), 0),
        ("pdf", "%PDF-"u8.ToArray(), 0),
        ("zip", [0x50, 0x4B, 0x03, 0x04], 0),
        ("zip", [0x50, 0x4B, 0x05, 0x06], 0),
        ("gzip", [0x1F, 0x8B], 0),
        ("riff", "RIFF"u8.ToArray(), 0),
        ("tiff", [0x49, 0x49, 0x2A, 0x00], 0),
        ("tiff", [0x4D, 0x4D, 0x00, 0x2A], 0),
        ("7z", [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], 0),
        ("rar", "Rar!\u001A\u0007"u8.ToArray(), 0),
        ("ms-office", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], 0),
        ("mp4", "ftyp"u8.ToArray(), 4),
        ("mp3", [0x49, 0x44, 0x33, 0x03], 0),
        ("mp3", [0x49, 0x44, 0x33, 0x04], 0),
        ("elf", [0x7F, 0x45, 0x4C, 0x46], 0),
        ("wasm", [0x00, 0x61, 0x73, 0x6D], 0),
        ("sqlite", "SQLite format 3\0"u8.ToArray(), 0),
        ("woff", "wOFF"u8.ToArray(), 0),
        ("woff2", "wOF2"u8.ToArray(), 0),
        ("xz", [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], 0),
        ("zstd", [0x28, 0xB5, 0x2F, 0xFD], 0),
        ("ico", [0x00, 0x00, 0x01, 0x00], 0),
    ];

    /// <summary>The kind of binary content (<c>png</c>, <c>pdf</c>, ...), or null when the bytes may be text.</summary>
    public static string? DetectBinary(ReadOnlySpan<byte> bytes)
    {
        foreach (var (name, signature, offset) in Signatures)
        {
            if (bytes.Length >= offset + signature.Length && bytes.Slice(offset, signature.Length).SequenceEqual(signature))
            {
                return name;
            }
        }

        if (TextDecoder.HasByteOrderMark(bytes) || TextDecoder.LooksLikeUtf16WithoutByteOrderMark(bytes, out _))
        {
            return null;
        }

        var sample = bytes[..Math.Min(bytes.Length, SampleBytes)];
        int nulls = 0, controls = 0;
        foreach (var b in sample)
        {
            if (b == 0)
            {
                nulls++;
            }
            else if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C or 0x1B))
            {
                controls++;
            }
        }

        // Text never has more than the odd stray NUL or control byte; binary formats are full of them.
        return nulls * 100 > sample.Length || (nulls + controls) * 10 > sample.Length ? "binary data" : null;
    }

    public static TextKind DetectText(string text, string? fileName) => DetectText(text.AsSpan(), fileName);

    /// <summary><see cref="DetectText(string, string)"/> of text held outside the heap.</summary>
    public static TextKind DetectText(ReadOnlySpan<char> text, string? fileName)
    {
        var start = text.TrimStart();
        if (JsonStartPattern().IsMatch(start))
        {
            return TextKind.Json;
        }

        if (start.Length > 0 && start[0] == '<')
        {
            if (FeedReader.LooksLikeFeed(text))
            {
                return TextKind.Feed;
            }

            if (HtmlStartPattern().IsMatch(start))
            {
                return TextKind.Html;
            }

            if (start.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase))
            {
                return TextKind.OtherXml;
            }

            if (CountHtmlTags(text, 3) >= 3)
            {
                return TextKind.Html;
            }
        }

        // An HTML fragment without a document wrapper: markup throughout, not a few stray tags in prose.
        var htmlName = fileName is not null && (fileName.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".htm", StringComparison.OrdinalIgnoreCase));
        return CountHtmlTags(text, 20) >= (htmlName ? 3 : 20) && HtmlBlockTagPattern().IsMatch(text) ? TextKind.Html : TextKind.PlainText;
    }

    private static int CountHtmlTags(ReadOnlySpan<char> text, int enough)
    {
        var count = 0;
        foreach (var _ in HtmlTagPattern().EnumerateMatches(text))
        {
            if (++count >= enough)
            {
                break;
            }
        }

        return count;
    }

    [GeneratedRegex(@"^(?:\{\s*(?:""|\}|$)|\[\s*(?:[""{\[\]\-0-9]|true\b|false\b|null\b|$))", RegexOptions.CultureInvariant)]
    private static partial Regex JsonStartPattern();

    [GeneratedRegex(@"^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html\b|head\b|body\b|meta\b|title\b|article\b|div\b|p\b|h[1-6]\b)", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlStartPattern();

    [GeneratedRegex(@"</?(?:p|div|br|span|a|h[1-6]|ul|ol|li|table|tr|td|img|strong|em|b|i|article|section|script|style|meta|link|body|head|html|title)\b[^<>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlTagPattern();

    [GeneratedRegex(@"<(?:p|div|br|h[1-6]|li|article|section|body)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlBlockTagPattern();
}
