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

/// <summary>Escaping of text that came from documents, one method per target syntax.</summary>
internal static class SafeText
{
    public static string Html(string text) => WebUtility.HtmlEncode(text);

    /// <summary>
    /// Markdown (and the Markdown subset of Adaptive Card text blocks): backslash-escapes every character that
    /// could start a link, an image, emphasis, code, a heading, a list or raw HTML, so document text stays text.
    /// </summary>
    public static string Markdown(string text)
    {
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
