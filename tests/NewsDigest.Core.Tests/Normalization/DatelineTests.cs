using System.Globalization;
using NewsDigest.Normalization;

namespace NewsDigest.Tests.Normalization;

public sealed class DatelineTests
{
    [Theory]
    [InlineData("December 15th, 2008, 7:35 am", "2008-12-15T07:35:00Z", false)]
    [InlineData("Tue Jan 13, 2009 7:50pm EST", "2009-01-14T00:50:00Z", true)]
    [InlineData("26 September 2013, 10:00 (GMT+05:00)", "2013-09-26T05:00:00Z", true)]
    [InlineData("Published on Friday, 27 September 2013", "2013-09-27T00:00:00Z", false)]
    [InlineData("on Tuesday, 16 December 2008 13:45.", "2008-12-16T13:45:00Z", false)]
    [InlineData("Posted Oct 26, 2011 8:57 AM CDT", "2011-10-26T13:57:00Z", true)]
    [InlineData("Updated: July 2, 2013 15:01 IST", "2013-07-02T09:31:00Z", true)]
    [InlineData("Mar 1 2012, 2:35am +0900", "2012-02-29T17:35:00Z", true)]
    [InlineData("Sun., Aug. 4, 2013 11:29 AM PDT", "2013-08-04T18:29:00Z", true)]
    [InlineData("May 3, 2013 at 7:31 AM ET", "2013-05-03T11:31:00Z", true)]
    [InlineData("Posted 2/3/2009 11:11 PM", "2009-02-03T23:11:00Z", false)]
    [InlineData("Last updated 13:26 14/09/2013", "2013-09-14T13:26:00Z", false)]
    [InlineData("Published: 2012. 08. 08 09:01 AM", "2012-08-08T09:01:00Z", false)]
    [InlineData("7:15 a. m. Dec. 7, 2009", "2009-12-07T07:15:00Z", false)]
    [InlineData("on Dec 23 2012, 5: 03p", "2012-12-23T17:03:00Z", false)]
    [InlineData("Reuters Sep 18, 2013, 02. 16PM IST", "2013-09-18T08:46:00Z", true)]
    [InlineData("WASHINGTON, DC, April 28, 2009", "2009-04-28T00:00:00Z", false)]
    [InlineData("First Posted: 10/25/11 06:44 PM ET Updated: 12/25/11 05:12 AM ET", "2011-10-25T22:44:00Z", true)]
    [InlineData("PUBLISHED: 22:07 GMT, 7 July 2012", "2012-07-07T22:07:00Z", true)]
    [InlineData("2 A. M. FEB. 4, 2009", "2009-02-04T02:00:00Z", false)]
    public void Parse_DatelineAsSitesWriteIt_ReadsUtcTime(string line, string expected, bool zoneKnown)
    {
        var parsed = DatelineParser.Parse(line);

        Assert.NotNull(parsed);
        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), parsed.Value.Utc);
        Assert.Equal(zoneKnown, parsed.Value.ZoneKnown);
    }

    [Theory]
    [InlineData("on Monday")]
    [InlineData("last year")]
    [InlineData("The council met on Monday, May 4, 2009, to vote on the budget.")]
    [InlineData("Flynn's body was found in a car near Spiro on April 9.")]
    [InlineData("Dec. 24 4:33 AM EST")]
    [InlineData("Interior and Commerce Secretaries Must Act by May 9, 2009")]
    [InlineData("February 30, 2012")]
    public void Parse_TextThatIsNotADateline_ReturnsNull(string line)
    {
        Assert.Null(DatelineParser.Parse(line));
    }

    [Fact]
    public void Normalize_PlainTextWithZonedDateline_SetsPublishedInUtc()
    {
        var document = TestNormalizer.Normalize(
            "Quake strikes Aceh province\n\nhttp://example.com/quake\n\nTue Jul 2, 2013 1:28PM GMT\n\n"
            + "A powerful earthquake struck the Indonesian province of Aceh on Tuesday, officials said.\n\n"
            + "Dozens of people were injured and several buildings collapsed in the highland district.").Documents.Single();

        Assert.Equal(new DateTimeOffset(2013, 7, 2, 13, 28, 0, TimeSpan.Zero), document.Published);
        Assert.Equal("Quake strikes Aceh province", document.Title);
        Assert.DoesNotContain(document.Warnings, w => w.Contains("time zone", StringComparison.Ordinal));
        Assert.DoesNotContain(document.Paragraphs, p => p.Contains("1:28PM", StringComparison.Ordinal));
    }

    [Fact]
    public void Normalize_DatelineWithoutZone_ReadsUtcWithWarning()
    {
        var document = TestNormalizer.Normalize(
            "Quake strikes Aceh province\n\nJuly 2, 2013 15:01\n\n"
            + "A powerful earthquake struck the Indonesian province of Aceh on Tuesday, officials said.\n\n"
            + "Dozens of people were injured and several buildings collapsed in the highland district.").Documents.Single();

        Assert.Equal(new DateTimeOffset(2013, 7, 2, 15, 1, 0, TimeSpan.Zero), document.Published);
        Assert.Contains("publication time zone unknown; read as UTC", document.Warnings);
    }

    [Fact]
    public void Normalize_BodyNamesOnlyWeekday_LeavesDateUnknown()
    {
        var document = TestNormalizer.Normalize(
            "Quake strikes Aceh province\n\nOn Monday\n\n"
            + "A powerful earthquake struck the Indonesian province of Aceh on Monday, officials said last year.\n\n"
            + "Dozens of people were injured and several buildings collapsed in the highland district.").Documents.Single();

        Assert.Null(document.Published);
    }

    [Fact]
    public void Normalize_DatelineOnFirstLine_IsNotTakenAsHeadline()
    {
        var document = TestNormalizer.Normalize(
            "September 18th, 2013, 05:31 GMT\n\n"
            + "Microsoft has released an emergency fix for a flaw in every version of Internet Explorer.\n\n"
            + "Attacks so far have been limited to two versions of the browser, the company said.").Documents.Single();

        Assert.Equal(new DateTimeOffset(2013, 9, 18, 5, 31, 0, TimeSpan.Zero), document.Published);
        Assert.DoesNotContain("2013", document.Title, StringComparison.Ordinal);
    }
}
