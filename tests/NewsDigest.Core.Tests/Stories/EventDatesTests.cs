using System.Globalization;
using System.Text.RegularExpressions;
using NewsDigest.Stories;

namespace NewsDigest.Tests.Stories;

public sealed class EventDatesTests
{
    private static readonly string[] Paragraphs =
    [
        "On 1 May the talks began; by May 3 they had failed.",
        "The vote on Sept. 21st and the rally on 4th Sept were both delayed until Jan. 5.",
        "Sales rose on 12 Sep, and rose again Sept 30, then fell 2 percent in Dec 4 percent terms.",
        "Prices on Mar 31 and Mar 32, 0 June and 00 July, 05 August, and 31st December.",
        "May 5 billion is not a day, nor is June 7 million, nor June 8%, but July 9 is.",
        "Days in other digits: 1\u0663 May and May \u0664, and Ma y 3 and may 3 and MAY 3.",
        "Twice: 3 June, June 3, 3rd June again, then February 29th and Feb. 2nd.",
        "On 21 January 2024 and January 21, 2024 the court ruled; see also 22nd\u00a0January.",
        "No days here at all: 2024, 5 apples and the Mayor of Junee.",
    ];

    public static TheoryData<string> Phrasings => new(Paragraphs);

    [Theory]
    [MemberData(nameof(Phrasings))]
    public void Mentioned_VariedPhrasings_GivesTheDaysThePatternGroupsName(string paragraph)
    {
        var expected = DaysFromGroups([paragraph]);

        var days = EventDates.Mentioned([paragraph]);

        Assert.Equal(expected, days);
    }

    [Fact]
    public void Mentioned_SeveralParagraphs_GivesEachDayOnceInTheOrderFirstNamed()
    {
        var days = EventDates.Mentioned(Paragraphs);

        Assert.NotEmpty(days);
        Assert.Equal(DaysFromGroups(Paragraphs), days);
        Assert.Equal(days.Length, days.Distinct().Count());
    }

    [Fact]
    public void Mentioned_ListReusedAcrossDocuments_GivesEachDocumentOnlyItsOwnDays()
    {
        var days = new List<int>();

        var first = EventDates.Mentioned([Paragraphs[0]], days);
        var second = EventDates.Mentioned([Paragraphs[^1]], days);
        var third = EventDates.Mentioned([Paragraphs[1]], days);

        Assert.Equal(DaysFromGroups([Paragraphs[0]]), first);
        Assert.Empty(second);
        Assert.Equal(DaysFromGroups([Paragraphs[1]]), third);
    }

    /// <summary>The days as the patterns' named groups give them: what the span reading must reproduce.</summary>
    private static int[] DaysFromGroups(IEnumerable<string> paragraphs)
    {
        string[] months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
        var days = new HashSet<int>();
        foreach (var paragraph in paragraphs)
        {
            foreach (var pattern in new[] { EventDates.DayMonth(), EventDates.MonthDay() })
            {
                foreach (Match match in pattern.Matches(paragraph))
                {
                    var month = Array.IndexOf(months, match.Groups["month"].Value[..3].ToLowerInvariant());
                    if (month >= 0 && int.TryParse(match.Groups["day"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var day) && day is >= 1 and <= 31)
                    {
                        days.Add(((month + 1) * 31) + day);
                    }
                }
            }
        }

        return [.. days];
    }
}
