using System.Globalization;
using System.Net;
using System.Text;

namespace NewsDigest.Digest;

/// <summary>Links from documents are kept only when they are absolute http(s) URLs; everything else is dropped.</summary>
internal static class SafeLinks
{
    public static string? HttpUrlOrNull(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            return null;
        }

        // AbsoluteUri percent-encodes spaces, quotes and angle brackets, so the result is safe inside attributes and Markdown.
        return uri.Scheme is "http" or "https" && !string.IsNullOrEmpty(uri.Host) ? uri.AbsoluteUri : null;
    }
}

/// <summary>
/// Escaping of text that came from documents, one method per target syntax. Every method also bounds the text
/// (so one hostile field cannot make the email huge), drops bidirectional overrides and embeddings, and isolates
/// right-to-left text (U+2068 … U+2069), so a title can never reverse the template text that follows it.
/// </summary>
internal static class SafeText
{
    /// <summary>The most a single field shows; far beyond any real headline, sentence or list of names.</summary>
    public const int MaxFieldChars = 1_200;

    private const char FirstStrongIsolate = '\u2068';
    private const char PopDirectionalIsolate = '\u2069';

    public static string Html(string text) =>
        IsHttpUrl(text) ? WebUtility.HtmlEncode(text) : WebUtility.HtmlEncode(Isolate(text));

    /// <summary>
    /// Document text made safe to place among other text: bounded to <see cref="MaxFieldChars"/> on a text-element
    /// boundary, overrides, embeddings and isolates removed, and wrapped in an isolate when it holds right-to-left letters.
    /// </summary>
    public static string Isolate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bounded = Normalization.TextCleaner.Cut(text, MaxFieldChars);
        var hasRightToLeft = false;
        var builder = new StringBuilder(bounded.Length + 2);
        for (var i = 0; i < bounded.Length; i++)
        {
            var c = bounded[i];
            if (Normalization.TextCleaner.IsDirectionalFormatting(c))
            {
                continue;
            }

            hasRightToLeft |= IsRightToLeft(c, i + 1 < bounded.Length ? bounded[i + 1] : '\0');
            builder.Append(c);
        }

        return hasRightToLeft ? FirstStrongIsolate + builder.ToString() + PopDirectionalIsolate : builder.ToString();
    }

    // Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic and their presentation forms; in the supplementary
    // planes the right-to-left blocks 10800–10FFF and 1E800–1EFFF (high surrogates D802–D803, D83A–D83B).
    private static bool IsRightToLeft(char c, char next) =>
        c is >= '\u0590' and <= '\u08FF' or >= '\uFB1D' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFE'
        || (char.IsLowSurrogate(next) && c is >= '\uD802' and <= '\uD803' or >= '\uD83A' and <= '\uD83B');

    // Links are already absolute http(s) URLs (SafeLinks) and go into attributes: never cut or wrapped.
    private static bool IsHttpUrl(string text) =>
        !text.Contains(' ', StringComparison.Ordinal)
        && Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    /// <summary>
    /// Markdown (and the Markdown subset of Adaptive Card text blocks): backslash-escapes every character that
    /// could start a link, an image, emphasis, code, a heading, a list or raw HTML, so document text stays text.
    /// </summary>
    public static string Markdown(string text)
    {
        text = Isolate(text);
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\' or '`' or '*' or '_' or '{' or '}' or '[' or ']' or '(' or ')' or '#' or '|' or '~':
                    builder.Append('\\').Append(c);
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '\r' or '\n' or '\t':
                    builder.Append(' ');
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Plain text: control characters removed so a document cannot forge lines or terminal escapes.</summary>
    public static string Plain(string text)
    {
        text = Isolate(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString();
    }

    /// <summary>A Markdown link target: http(s) only, with the characters that would end the target encoded.</summary>
    public static string MarkdownUrl(string safeUrl) =>
        safeUrl.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal)
            .Replace(" ", "%20", StringComparison.Ordinal);

    public static string Date(DateTimeOffset value, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(value, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string LongDate(DateOnly date) => date.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);
}
