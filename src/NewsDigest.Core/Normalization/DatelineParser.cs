using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsDigest.Normalization;

/// <summary>
/// Reads a line that is nothing but a dateline, as sites write them above an article: "December 15th, 2008, 7:35 am",
/// "Tue Jan 13, 2009 7:50pm EST", "26 September 2013, 10:00 (GMT+05:00)", "Published on Friday, 27 September 2013",
/// "Posted: 2/3/2009 11:11 PM", "WASHINGTON, DC, April 28, 2009". The whole line must be date, time, zone, a label
/// or separators (one other word at most, such as an outlet's name), and it must name day, month and year; so a
/// sentence that mentions a day ("on Monday", "on June 8") is never read as one.
/// </summary>
internal static partial class DatelineParser
{
    private const int MaxLineLength = 120;

    private static readonly string[] Months =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>Zones that change with daylight saving time, by the region whose rules apply.</summary>
    private static readonly Dictionary<string, (string Zone, int StandardHours)> RegionalZones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ET"] = ("America/New_York", -5), ["CT"] = ("America/Chicago", -6), ["MT"] = ("America/Denver", -7),
        ["PT"] = ("America/Los_Angeles", -8),
    };

    private enum Kind
    {
        NumericDate,
        Time,
        Month,
        Weekday,
        Ordinal,
        Number,
        Zone,
        Offset,
        Filler,
        Word,
    }

    /// <summary>The date and time the line states, converted to UTC, or null when the line is not a complete dateline.</summary>
    public static ParsedDate? Parse(string line)
    {
        if (string.IsNullOrWhiteSpace(line) || line.Length > MaxLineLength)
        {
            return null;
        }

        var text = Prepare(line);
        int? year = null, month = null, day = null, hour = null, minute = null, second = null;
        string? meridiem = null;
        TimeSpan? offset = null;
        string? regional = null;
        var unknownWords = 0;
        var position = 0;
        while (position < text.Length)
        {
            var match = Token().Match(text, position);
            if (!match.Success || match.Length == 0)
            {
                return null;
            }

            position += match.Length;
            switch (KindOf(match))
            {
                case Kind.NumericDate:
                    if (year is not null || !ReadNumericDate(match, out var y, out var m, out var d))
                    {
                        return null;
                    }

                    (year, month, day) = (y, m, d);
                    break;
                case Kind.Time:
                    if (hour is not null)
                    {
                        // A second time (an update, a conversion) adds nothing: the first one is the dateline's.
                        break;
                    }

                    hour = Int(match.Groups["hour"]);
                    minute = match.Groups["minute"].Success ? Int(match.Groups["minute"]) : 0;
                    second = match.Groups["second"].Success ? Int(match.Groups["second"]) : 0;
                    meridiem = match.Groups["meridiem"].Success ? match.Groups["meridiem"].Value.ToLowerInvariant() : null;
                    break;
                case Kind.Month:
                    if (month is not null && year is not null)
                    {
                        return null;
                    }

                    month = Array.IndexOf(Months, match.Groups["mon"].Value[..3].ToLowerInvariant()) + 1;
                    break;
                case Kind.Ordinal:
                case Kind.Number:
                    var value = Int(match.Groups[KindOf(match) == Kind.Ordinal ? "ord" : "num"]);
                    var digits = match.Groups[KindOf(match) == Kind.Ordinal ? "ord" : "num"].Length;
                    if (digits == 4 && year is null && value is >= 1900 and <= 2200)
                    {
                        year = value;
                    }
                    else if (digits <= 2 && day is null && value is >= 1 and <= 31)
                    {
                        day = value;
                    }
                    else
                    {
                        return null;
                    }

                    break;
                case Kind.Zone:
                    var zone = match.Groups["zn"].Value;
                    if (offset is null && regional is null)
                    {
                        if (RegionalZones.ContainsKey(zone))
                        {
                            regional = zone;
                        }
                        else if (DateParser.ZoneOffset(zone) is { } known)
                        {
                            offset = known;
                        }
                    }

                    break;
                case Kind.Offset:
                    var sign = match.Groups["sign"].Value == "-" ? -1 : 1;
                    var offsetMinutes = (Int(match.Groups["oh"]) * 60) + (match.Groups["om"].Success ? Int(match.Groups["om"]) : 0);
                    if (offsetMinutes > 14 * 60)
                    {
                        return null;
                    }

                    offset ??= TimeSpan.FromMinutes(sign * offsetMinutes);
                    break;
                case Kind.Word:
                    // An outlet's, a city's or a zone's name may stand beside the date ("Reuters", "UK"); more is a sentence.
                    if (++unknownWords > 2)
                    {
                        return null;
                    }

                    break;
                default:
                    break;
            }
        }

        if (year is null || month is null or 0 || day is null || day > DateTime.DaysInMonth(year.Value, month.Value))
        {
            return null;
        }

        var h = hour ?? 0;
        if (meridiem is not null)
        {
            if (h is 0 or > 12)
            {
                return null;
            }

            h = (h % 12) + (meridiem[0] == 'p' ? 12 : 0);
        }

        if (h > 23 || minute > 59 || second > 59)
        {
            return null;
        }

        var local = new DateTime(year.Value, month.Value, day.Value, h, minute ?? 0, second ?? 0, DateTimeKind.Unspecified);
        if (regional is not null)
        {
            offset = RegionalOffset(regional, local);
        }

        // A date without a time names a day, not a moment: it is read as that day at midnight UTC.
        var zoneKnown = offset is not null && hour is not null;
        var stamped = new DateTimeOffset(local, hour is null ? TimeSpan.Zero : offset ?? TimeSpan.Zero);
        return new ParsedDate(stamped.ToUniversalTime(), zoneKnown);
    }

    private static TimeSpan RegionalOffset(string zone, DateTime local)
    {
        var (id, standard) = RegionalZones[zone];
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id).GetUtcOffset(local);
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeSpan.FromHours(standard);
        }
    }

    /// <summary>Labels, line ends and spacing that scraping leaves ("11: 41am", "a. m.", "(23:58 PST)") are set aside first.</summary>
    private static string Prepare(string line)
    {
        var text = line.Trim().TrimEnd('.');
        text = LabelPrefix().Replace(text, string.Empty);
        // "First Posted: ... Updated: ...", "... | Updated on ...": the first stamp is the publication.
        var updated = UpdatedTail().Match(text);
        if (updated.Success && updated.Index > 0)
        {
            text = text[..updated.Index];
        }

        text = Meridiem().Replace(text, m => char.ToLowerInvariant(m.Value[0]) + "m");
        text = SpacedTime().Replace(text, "${h}:${m}");
        // A second time in brackets converts the first to another zone; an offset in brackets is the first's zone.
        text = BracketedTime().Replace(text, " ");
        return text;
    }

    private static bool ReadNumericDate(Match match, out int year, out int month, out int day)
    {
        var first = Int(match.Groups["a"]);
        var second = Int(match.Groups["b"]);
        var third = Int(match.Groups["c"]);
        (year, month, day) = (0, 0, 0);
        if (match.Groups["a"].Length == 4)
        {
            (year, month, day) = (first, second, third);
        }
        else
        {
            year = match.Groups["c"].Length == 4 ? third : match.Groups["c"].Length == 2 ? 2000 + third - (third >= 70 ? 100 : 0) : 0;
            // Day first only when the first number cannot be a month; otherwise month first, as US sites write it.
            (month, day) = first > 12 ? (second, first) : (first, second);
        }

        return year is >= 1900 and <= 2200 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
    }

    private static Kind KindOf(Match match)
    {
        foreach (var kind in Enum.GetValues<Kind>())
        {
            if (match.Groups[kind.ToString()].Success)
            {
                return kind;
            }
        }

        return Kind.Filler;
    }

    private static int Int(Group group) => int.Parse(group.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(
        @"^(?:(?:(?:first|last)\s+)?(?:published\s+time|story\s+created|published|posted|updated|created|released?|found|date|dateline)\b\s*(?:on|at)?\s*[:：]?\s*|on\s+)+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LabelPrefix();

    [GeneratedRegex(@"\s*(?:\|\s*)?\bupdated\b.*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UpdatedTail();

    [GeneratedRegex(@"(?<=\d\s?)[ap]\.\s?m\.?(?!\w)|(?<=\d)[ap](?![a-z])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Meridiem();

    [GeneratedRegex(@"(?<!\d\s?[./]\s?)\b(?<h>[0-2]?\d)[:.]\s(?<m>[0-5]\d)(?!\d)(?!\s*[./-]\s*\d)", RegexOptions.CultureInvariant)]
    private static partial Regex SpacedTime();

    [GeneratedRegex(@"\(\s*\d{1,2}:\d{2}[^()]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex BracketedTime();

    [GeneratedRegex(
        @"\G(?:(?<Filler>[\s,|/()\-–—@]+|\b(?:at|on|of|the|hrs|h)\b\.?)"
        + @"|(?<NumericDate>(?<a>\d{1,4})\s?(?<sep>[./-])\s?(?<b>\d{1,2})\s?\k<sep>\s?(?<c>\d{2}(?:\d{2})?))(?!\d|:)"
        + @"|(?<Time>(?<hour>[0-2]?\d)(?:[:.](?<minute>[0-5]\d)(?:[:.](?<second>[0-5]\d))?(?:\s?(?<meridiem>am|pm))?|\s?(?<meridiem>am|pm)))(?![\d\w])"
        + @"|(?<Offset>(?:GMT|UTC|UT)?\s?(?<sign>[+-])(?<oh>\d{1,2})(?::?(?<om>\d{2}))?)(?!\d)"
        + @"|(?<Month>(?<mon>january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec))\b\.?"
        + @"|(?<Weekday>(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thu|fri|sat|sun))\b\.?"
        + @"|(?<Ordinal>(?<ord>\d{1,2})(?:st|nd|rd|th))\b"
        + @"|(?<Number>(?<num>\d{1,4}))(?![\d:])"
        + @"|(?<Zone>(?-i:(?<zn>[A-Z]{1,2}[DS]?T|GMT|UTC|BST|IST|CEST|CET|EET|EEST|WET|WEST|KST|JST|HKT|SGT|AKDT|AKST|HST|Z)))\b"
        + @"|(?<Word>(?-i:\p{Lu})[\p{L}.']*)(?=[\s,—–-])[,.]?)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
