using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsDigest.Normalization.Html;

/// <summary>Reads the date formats pages use in metadata (ISO 8601 and its relatives, RFC 1123, Unix time) with their offset.</summary>
internal static partial class PublicationDateParser
{
    private static readonly Dictionary<string, string> ZoneOffsets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UTC"] = "+00:00", ["GMT"] = "+00:00", ["Z"] = "+00:00",
        ["EST"] = "-05:00", ["EDT"] = "-04:00", ["CST"] = "-06:00", ["CDT"] = "-05:00",
        ["MST"] = "-07:00", ["MDT"] = "-06:00", ["PST"] = "-08:00", ["PDT"] = "-07:00",
        ["BST"] = "+01:00", ["CET"] = "+01:00", ["CEST"] = "+02:00", ["IST"] = "+05:30", ["JST"] = "+09:00",
        ["AEST"] = "+10:00", ["AEDT"] = "+11:00",
    };

    /// <summary>The instant a date string names; a date without offset is taken as UTC.</summary>
    public static DateTimeOffset? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (text.Length > 64)
        {
            return null;
        }

        if (text.Length is 10 or 13 && text.All(char.IsAsciiDigit) && long.TryParse(text, CultureInfo.InvariantCulture, out var epoch))
        {
            return text.Length == 10 ? DateTimeOffset.FromUnixTimeSeconds(epoch) : DateTimeOffset.FromUnixTimeMilliseconds(epoch);
        }

        text = CompactOffset().Replace(text, "$1$2:$3");
        var zone = TrailingZone().Match(text);
        if (zone.Success && ZoneOffsets.TryGetValue(zone.Groups[1].Value, out var offset))
        {
            text = text[..zone.Index] + " " + offset;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed)
            && parsed.Year is > 1990 and < 2200
            ? parsed
            : null;
    }

    /// <summary>A date in the address (/2024/05/01/ or /2024-05-01/), the last resort for pages without metadata.</summary>
    public static DateTimeOffset? FromUrl(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return null;
        }

        var match = UrlDate().Match(url);
        if (!match.Success)
        {
            return null;
        }

        var year = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        var day = match.Groups[3].Success ? int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture) : 1;
        return year is > 1990 and < 2200 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero)
            : null;
    }

    [GeneratedRegex(@"([T\d:.\s])([+-]\d{2})(\d{2})$")]
    private static partial Regex CompactOffset();

    [GeneratedRegex(@"\s*\b([A-Z]{1,4}T|UTC|GMT|Z)$")]
    private static partial Regex TrailingZone();

    [GeneratedRegex(@"/((?:19|20)\d{2})[/-](\d{1,2})(?:[/-](\d{1,2}))?(?:/|$|-)")]
    private static partial Regex UrlDate();
}
