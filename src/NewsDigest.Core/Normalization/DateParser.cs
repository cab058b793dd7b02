using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsDigest.Normalization;

/// <summary>A parsed timestamp in UTC, and whether the source said which time zone it was in.</summary>
internal readonly record struct ParsedDate(DateTimeOffset Utc, bool ZoneKnown);

/// <summary>ISO 8601 (WordPress, Atom, JSON-LD) and RFC 822 (RSS) timestamps, converted to UTC.</summary>
internal static partial class DateParser
{
    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mmK", "yyyy-MM-dd",
    ];

    private static readonly Dictionary<string, int> ZoneOffsetsInMinutes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GMT"] = 0, ["UT"] = 0, ["UTC"] = 0, ["Z"] = 0, ["WET"] = 0, ["WEST"] = 60, ["EST"] = -300, ["EDT"] = -240,
        ["CST"] = -360, ["CDT"] = -300, ["MST"] = -420, ["MDT"] = -360, ["PST"] = -480, ["PDT"] = -420, ["AKST"] = -540,
        ["AKDT"] = -480, ["HST"] = -600, ["KST"] = 540, ["JST"] = 540, ["CET"] = 60, ["CEST"] = 120, ["EET"] = 120,
        ["EEST"] = 180, ["BST"] = 60, ["IST"] = 330, ["AEST"] = 600, ["AEDT"] = 660, ["HKT"] = 480, ["SGT"] = 480,
    };

    /// <summary>The UTC offset a zone abbreviation stands for (India's IST is +05:30), or null for an unknown one.</summary>
    public static TimeSpan? ZoneOffset(string zone) =>
        ZoneOffsetsInMinutes.TryGetValue(zone, out var minutes) ? TimeSpan.FromMinutes(minutes) : null;

    public static ParsedDate? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        return ParseIso(text) ?? ParseRfc822(text);
    }

    private static ParsedDate? ParseIso(string text)
    {
        if (text.Length < 10 || !char.IsAsciiDigit(text[0]))
        {
            return null;
        }

        if (!DateTimeOffset.TryParseExact(text, IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return null;
        }

        var zoneKnown = text.Length > 10 && (text.EndsWith('Z') || text.EndsWith('z') || IsoOffsetPattern().IsMatch(text));
        return Plausible(parsed) ? new ParsedDate(parsed.ToUniversalTime(), zoneKnown) : null;
    }

    private static ParsedDate? ParseRfc822(string text)
    {
        var match = Rfc822Pattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var month = Array.FindIndex(
            CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames,
            m => m.Length > 0 && match.Groups["month"].Value.StartsWith(m, StringComparison.OrdinalIgnoreCase)) + 1;
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (match.Groups["year"].Length == 2)
        {
            year += year < 70 ? 2000 : 1900;
        }

        var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        var hour = int.Parse(match.Groups["hour"].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(match.Groups["minute"].Value, CultureInfo.InvariantCulture);
        var second = match.Groups["second"].Success ? int.Parse(match.Groups["second"].Value, CultureInfo.InvariantCulture) : 0;
        if (month == 0 || year is < 1800 or > 2200 || day is < 1 or > 31 || hour > 23 || minute > 59 || second > 60 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        var zone = match.Groups["zone"].Value;
        TimeSpan offset;
        bool zoneKnown;
        if (zone.Length == 5 && zone[0] is '+' or '-')
        {
            var minutes = (int.Parse(zone.AsSpan(1, 2), CultureInfo.InvariantCulture) * 60) + int.Parse(zone.AsSpan(3, 2), CultureInfo.InvariantCulture);
            offset = TimeSpan.FromMinutes(zone[0] == '-' ? -minutes : minutes);
            zoneKnown = minutes <= 14 * 60;
        }
        else if (ZoneOffsetsInMinutes.TryGetValue(zone, out var minutesEast))
        {
            offset = TimeSpan.FromMinutes(minutesEast);
            zoneKnown = true;
        }
        else
        {
            offset = TimeSpan.Zero;
            zoneKnown = false;
        }

        if (!zoneKnown)
        {
            offset = TimeSpan.Zero;
        }

        var local = new DateTimeOffset(year, month, day, hour, minute, Math.Min(second, 59), offset);
        return Plausible(local) ? new ParsedDate(local.ToUniversalTime(), zoneKnown) : null;
    }

    private static bool Plausible(DateTimeOffset value) => value.Year is >= 1800 and <= 2200;

    [GeneratedRegex(@"[+-]\d{2}:?\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoOffsetPattern();

    [GeneratedRegex(
        @"^(?:[A-Za-z]{3,9},?\s+)?(?<day>\d{1,2})\s+(?<month>[A-Za-z]{3,9})\.?\s+(?<year>\d{2,4})\s+(?<hour>\d{1,2}):(?<minute>\d{2})(?::(?<second>\d{2}))?\s*(?<zone>[+-]\d{4}|[A-Za-z]{1,5})?",
        RegexOptions.CultureInvariant)]
    private static partial Regex Rfc822Pattern();
}
