using NewsDigest.Stories;

namespace NewsDigest.Tests.Stories;

public sealed class UndatedStoryTests
{
    private static readonly DateTimeOffset Day2013 = new(2013, 9, 18, 12, 0, 0, TimeSpan.Zero);

    private const string Patch2013 = """
        Microsoft released an emergency security update for Internet Explorer on Wednesday to fix a zero-day flaw that attackers were exploiting.
        The company urged all users of the browser to install the patch as soon as possible, since every version of Internet Explorer is affected.
        """;

    private const string Patch2013Rewrite = """
        Microsoft issued an out-of-band emergency patch for Internet Explorer, closing a zero-day hole that hackers had exploited in attacks.
        All versions of the browser are affected, and the company asked users to install the update at once.
        """;

    private const string Patch2008 = """
        Microsoft rushed out a fix for Internet Explorer after criminals used a flaw to take over computers and steal passwords from gaming sites.
        Users should install the update at once; the attacks, which began earlier this month, are the worst of {0}, security firms said.
        """;

    private const string Patch2008Rewrite = """
        Microsoft rushed out an update for Internet Explorer, closing a hole that criminals had used to steal passwords from gaming sites.
        Security firms said users should install the fix at once.
        """;

    [Fact]
    public void Years_TextNamingYearsAndNumbers_ReadsOnlyTheYears()
    {
        var years = EventDates.Years("Quake in 2004", ["The $2010 fine, 12,2009 votes and 20081 fans of 2008", "From 1949 to 2099."]);

        Assert.Equal([2004, 2008, 2099], years.Order());
    }

    [Fact]
    public void Group_UndatedReportsNamingOnlyAnOlderYear_StayApartFromTheDatedStory()
    {
        var grouping = StoryClusterer.Group(Documents("2008"), []);

        Assert.Equal(["ab", "xy"], Partition(grouping));
    }

    [Fact]
    public void Group_UndatedReportsNamingNoYear_JoinTheDatedStory()
    {
        var grouping = StoryClusterer.Group(Documents("the year"), []);

        Assert.Equal(["abxy"], Partition(grouping));
    }

    [Fact]
    public void Group_DatedStoryNamingTheSameYear_UndatedReportsStillJoin()
    {
        var documents = Documents("2008");
        documents[1] = StoryTestDocuments.Make("b", "Microsoft patches IE zero-day flaw", Patch2013Rewrite + "\nIt is the worst browser flaw since 2008.", published: Day2013.AddHours(3));

        var grouping = StoryClusterer.Group(documents, []);

        Assert.Equal(["abxy"], Partition(grouping));
    }

    private static List<StoryDocument> Documents(string year) =>
    [
        StoryTestDocuments.Make("a", "Microsoft releases emergency patch for Internet Explorer", Patch2013, published: Day2013),
        StoryTestDocuments.Make("b", "Microsoft patches IE zero-day flaw", Patch2013Rewrite, published: Day2013.AddHours(3)),
        StoryTestDocuments.Make("x", "Microsoft releases emergency patch for IE", string.Format(System.Globalization.CultureInfo.InvariantCulture, Patch2008, year)),
        StoryTestDocuments.Make("y", "Microsoft issues emergency IE update", Patch2008Rewrite),
    ];

    private static string[] Partition(StoryGrouping grouping) =>
        [.. grouping.Groups.Select(g => string.Concat(g.Documents.Select(d => d.Id).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal)];
}
