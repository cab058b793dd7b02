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

    /// <summary>The publication day as a day number (month * 31 + day), or none.</summary>
    public static int[] Published(DateTimeOffset? published) =>
        published is { } date ? [Day(date.UtcDateTime.Month, date.UtcDateTime.Day)] : [];

    /// <summary>Days the text names, as day numbers (month * 31 + day), without the year, which texts often leave out.</summary>
    public static int[] Mentioned(IEnumerable<string> paragraphs)
    {
        var days = new HashSet<int>();
        foreach (var paragraph in paragraphs)
        {
            foreach (Match match in DayMonth().Matches(paragraph))
            {
                Add(days, match.Groups["month"].Value, match.Groups["day"].Value);
            }

            foreach (Match match in MonthDay().Matches(paragraph))
            {
                Add(days, match.Groups["month"].Value, match.Groups["day"].Value);
            }
        }

        return [.. days];
    }

    /// <summary>The years from 1950 to 2099 that the title or text names ("in 2008", "the 2004 tsunami").</summary>
    public static int[] Years(string title, IEnumerable<string> paragraphs)
    {
        List<int>? years = null;
        AddYears(title, ref years);
        foreach (var paragraph in paragraphs)
        {
            AddYears(paragraph, ref years);
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

    /// <summary>Whether any day of one set is within a day of any day of the other.</summary>
    public static bool Overlap(IReadOnlyCollection<int> a, IReadOnlyCollection<int> b)
    {
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (Math.Abs(x - y) <= 1)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether any day of <paramref name="a"/> is within a day of one of <paramref name="b"/>, without enumerating the set.</summary>
    public static bool Overlap(int[] a, HashSet<int> b)
    {
        if (b.Count == 0)
        {
            return false;
        }

        foreach (var x in a)
        {
            if (b.Contains(x) || b.Contains(x - 1) || b.Contains(x + 1))
            {
                return true;
            }
        }

        return false;
    }

    private static void Add(HashSet<int> days, string month, string day)
    {
        var index = Array.IndexOf(Months, month[..3].ToLowerInvariant());
        if (index >= 0 && int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 31)
        {
            days.Add(Day(index + 1, number));
        }
    }

    private static int Day(int month, int day) => (month * 31) + day;

    [GeneratedRegex(@"\b(?<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b")]
    private static partial Regex DayMonth();

    [GeneratedRegex(@"\b(?<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)\s+(?<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?!\s*(?:percent|%|billion|million))")]
    private static partial Regex MonthDay();
}
