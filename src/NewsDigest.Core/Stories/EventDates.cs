using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsDigest.Stories;

/// <summary>
/// Calendar days a document is about: the day it was published and the days its text names ("On 1 May",
/// "May 1, 2024"). A report that names the day another was published on, or the same day another names, is likely
/// about the same development. Publication days alone prove nothing: most of a day's documents share them.
/// </summary>
internal static partial class EventDates
{
    private static readonly string[] Months =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>How every month name the patterns know begins (they match case-sensitively).</summary>
    private static readonly SearchValues<string> MonthStarts = SearchValues.Create(
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], StringComparison.Ordinal);

    /// <summary>The publication day as a day number (month * 31 + day), or none.</summary>
    public static int[] Published(DateTimeOffset? published) =>
        published is { } date ? [Day(date.UtcDateTime.Month, date.UtcDateTime.Day)] : [];

    /// <summary>Days the text names, as day numbers (month * 31 + day), without the year, which texts often leave out.</summary>
    public static int[] Mentioned(IReadOnlyList<string> paragraphs) => Mentioned(paragraphs, []);

    /// <summary>As <see cref="Mentioned(IReadOnlyList{string})"/>, collecting the days in <paramref name="days"/> (cleared first) before they are copied out.</summary>
    public static int[] Mentioned(IReadOnlyList<string> paragraphs, List<int> days)
    {
        // Enumerated matches read from their text: a MatchCollection per paragraph, with group strings per match, ran
        // over every document.
        days.Clear();
        for (var p = 0; p < paragraphs.Count; p++)
        {
            var paragraph = paragraphs[p].AsSpan();
            if (!paragraph.ContainsAny(MonthStarts))
            {
                // No match is possible. Skipping also spares the regex runner, which a second thread would otherwise have to make anew.
                continue;
            }

            foreach (var match in DayMonth().EnumerateMatches(paragraph))
            {
                // "1st May": the day is the leading digits, the month the trailing letters.
                var text = paragraph.Slice(match.Index, match.Length);
                var monthStart = text.Length;
                while (monthStart > 0 && char.IsAsciiLetter(text[monthStart - 1]))
                {
                    monthStart--;
                }

                Add(days, text[monthStart..], text[..LeadingDigits(text)]);
            }

            foreach (var match in MonthDay().EnumerateMatches(paragraph))
            {
                // "Sept. 1st": the month is the leading letters, the day the first digits.
                var text = paragraph.Slice(match.Index, match.Length);
                var dayStart = 0;
                while (!char.IsDigit(text[dayStart]))
                {
                    dayStart++;
                }

                var day = text[dayStart..];
                Add(days, text, day[..LeadingDigits(day)]);
            }
        }

        return days.Count == 0 ? [] : [.. days];
    }

    /// <summary>The years from 1950 to 2099 that the title or text names ("in 2008", "the 2004 tsunami").</summary>
    public static int[] Years(string title, IReadOnlyList<string> paragraphs)
    {
        List<int>? years = null;
        AddYears(title, ref years);
        for (var p = 0; p < paragraphs.Count; p++)
        {
            AddYears(paragraphs[p], ref years);
        }

        return years is null ? [] : [.. years];
    }

    /// <summary>
    /// Adds the four-digit numbers from 1950 to 2099 that are not part of a longer number or an amount ("$2010",
    /// "1,2008", "3.2010"). A plain scan rather than a regular expression: it runs over every document's text.
    /// </summary>
    private static void AddYears(string text, ref List<int>? years)
    {
        var span = text.AsSpan();
        var i = 0;
        while (i < span.Length)
        {
            if (!char.IsAsciiDigit(span[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < span.Length && char.IsAsciiDigit(span[i]))
            {
                i++;
            }

            if (i - start != 4 || (start > 0 && span[start - 1] is '$' or ',' or '.'))
            {
                continue;
            }

            var year = ((span[start] - '0') * 1000) + ((span[start + 1] - '0') * 100) + ((span[start + 2] - '0') * 10) + (span[start + 3] - '0');
            if (year is >= 1950 and <= 2099)
            {
                years ??= [];
                if (!years.Contains(year))
                {
                    years.Add(year);
                }
            }
        }
    }

    /// <summary>Adds the day of a month name (only its first three letters count) and a day number, once.</summary>
    private static void Add(List<int> days, ReadOnlySpan<char> month, ReadOnlySpan<char> day)
    {
        var index = MonthIndex(month[..3]);
        if (index >= 0 && int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 31)
        {
            var dayNumber = Day(index + 1, number);
            if (!days.Contains(dayNumber))
            {
                days.Add(dayNumber);
            }
        }
    }

    private static int MonthIndex(ReadOnlySpan<char> abbreviation)
    {
        for (var i = 0; i < Months.Length; i++)
        {
            if (abbreviation.Equals(Months[i], StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>How many characters at the start of <paramref name="text"/> are digits, as the pattern's \d sees them.</summary>
    private static int LeadingDigits(ReadOnlySpan<char> text)
    {
        var count = 0;
        while (count < text.Length && char.IsDigit(text[count]))
        {
            count++;
        }

        return count;
    }

    private static int Day(int month, int day) => (month * 31) + day;

    // Internal for the tests that check the days read from a match's text against its groups.
    [GeneratedRegex(@"\b(?<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b")]
    internal static partial Regex DayMonth();

    [GeneratedRegex(@"\b(?<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)\s+(?<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?!\s*(?:percent|%|billion|million))")]
    internal static partial Regex MonthDay();
}
