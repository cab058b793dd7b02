using System.Text.RegularExpressions;

namespace NewsDigest.Normalization.Html;

/// <summary>Bylines as a reader would write them: no "By", no date or "Updated ..." tail, no profile address.</summary>
internal static partial class BylineCleaner
{
    public static string? Clean(string? byline)
    {
        var text = HtmlText.Clean(byline);
        if (text.Length == 0 || Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return null;
        }

        text = Prefix().Replace(text, string.Empty);
        var separator = Separator().Match(text);
        if (separator.Success && separator.Index > 0)
        {
            text = text[..separator.Index];
        }

        var dated = DateTail().Match(text);
        if (dated.Success && dated.Index > 0)
        {
            text = text[..dated.Index];
        }

        text = text.Trim(' ', ',', '|', '-', '–', '—', '·', '•', ':');
        return text.Length == 0 ? null : text;
    }

    /// <summary>Author names in a byline: "A, B and C" gives three.</summary>
    public static IReadOnlyList<string> Authors(string? byline)
    {
        if (string.IsNullOrWhiteSpace(byline))
        {
            return [];
        }

        return [.. NameSeparator().Split(byline)
            .Select(name => name.Trim())
            .Where(name => name.Length is > 1 and <= 80)
            .Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    [GeneratedRegex(@"^(?:(?:written|posted|reported|text|words|story)\s+by|by|par|por|von|door|av)\b\s*[:\-–—]?\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Prefix();

    [GeneratedRegex(@"\s*(?:[|,•·—–-]\s*)?(?:(?:last\s+)?updated|published|posted|on)?\s*:?\s*(?:\d{1,2}(?:st|nd|rd|th)?\s+\p{L}{3,}\.?,?\s+\d{4}\d*|\p{L}{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\d*|\d+\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|months?|y|years?)\s+ago|\d{1,2}\s+(?:de\s+)?\p{L}{3,}\.?\s+(?:de\s+)?\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{1,2}:\d{2}\s*(?:am|pm)?)\b.*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateTail();

    /// <summary>" • 8h", " | Updated": what follows a bullet or bar is not the name.</summary>
    [GeneratedRegex(@"\s+[•|·]\s+")]
    private static partial Regex Separator();

    [GeneratedRegex(@"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NameSeparator();
}
