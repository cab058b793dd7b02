using NewsDigest.Stories;

namespace NewsDigest.Tests.Stories;

public sealed class StoryClustererTests
{
    private const string Rates = """
        The European Central Bank raised its main interest rate by a quarter point on Thursday, the tenth increase in a row, as inflation in the euro area stayed well above its two percent target.
        ECB President Christine Lagarde told reporters in Frankfurt that the governing council had not decided whether the increase would be the last, and that future decisions would depend on incoming data.
        Markets had expected the move after inflation figures published last week showed core prices rising faster than forecast in Germany, France and Italy.
        Economists at several banks said the decision raised the risk of a recession in the euro area next year, with manufacturing output already shrinking for six months.
        """;

    private const string RatesRewrite = """
        The European Central Bank increased its key interest rate by a quarter of a point on Thursday, its tenth consecutive rise, as euro area inflation remained far above the two percent target.
        Christine Lagarde, the ECB president, told journalists in Frankfurt that the governing council had not decided whether this increase would be the final one, and that future decisions would depend on the data.
        Markets had expected the move after inflation figures published last week showed core prices rising faster than forecast in Germany, France and Italy.
        """;

    private const string RatesOtherOutlet = """
        Frankfurt policymakers pushed borrowing costs to a record high on Thursday, 14 September, with the ECB lifting its deposit rate to four percent in a decision that split the governing council.
        Lagarde said a majority of governors backed the hike because price growth in the euro zone is still running at more than twice the bank's target.
        Some governors argued for a pause, warning that the economy of the euro zone was already weakening and that earlier increases had yet to take full effect.
        """;

    private const string FedRates = """
        The Federal Reserve left its benchmark interest rate unchanged on Wednesday, pausing after more than a year of increases as inflation in the United States slowed.
        Fed Chair Jerome Powell told reporters in Washington that officials were prepared to raise rates again if price growth did not keep easing toward the two percent target.
        Treasury yields fell after the announcement, and stocks on Wall Street rose as investors bet the tightening cycle was ending.
        """;

    private static readonly DateTimeOffset EcbDay = new(2023, 9, 14, 12, 15, 0, TimeSpan.Zero);

    [Fact]
    public void Group_SyndicatedCopyWithBoilerplate_JoinsTheOriginal()
    {
        var original = StoryTestDocuments.Make("a", "ECB raises rates for the tenth time", Rates, outlet: "Daily Ledger");
        var copy = StoryTestDocuments.Make(
            "b",
            "Euro central bank lifts rates again",
            Rates + "\nSubscribe to our newsletter for more business news.\nCopyright 2026 Wire Service. All rights reserved.",
            outlet: "Evening Courier");

        var grouping = StoryClusterer.Group([original, copy], []);

        var group = Assert.Single(grouping.Groups);
        Assert.Single(group.Articles);
    }

    [Fact]
    public void Group_ExcerptOfTheFirstParagraphs_JoinsTheOriginal()
    {
        var original = StoryTestDocuments.Make("a", "ECB raises rates for the tenth time", Rates);
        var excerpt = StoryTestDocuments.Make("b", "ECB moves again", string.Join("\n", Rates.Split('\n').Take(2)) + "\nRead the full story with a subscription.");

        var grouping = StoryClusterer.Group([original, excerpt], []);

        Assert.Single(grouping.Groups);
    }

    [Fact]
    public void Group_LightRewriteAndOtherOutletsReport_OneStoryTwoArticlesOrMore()
    {
        var original = StoryTestDocuments.Make("a", "ECB raises rates for the tenth time", Rates, published: EcbDay, outlet: "Daily Ledger");
        var rewrite = StoryTestDocuments.Make("b", "ECB lifts rates a tenth time", RatesRewrite, outlet: "Evening Courier");
        var other = StoryTestDocuments.Make("c", "ECB pushes rates to record high in split decision", RatesOtherOutlet, outlet: "Market Wire");

        var grouping = StoryClusterer.Group([original, rewrite, other], []);

        var group = Assert.Single(grouping.Groups);
        Assert.Equal(3, group.Documents.Count);
    }

    [Fact]
    public void Group_UnrelatedArticlesSharingVocabulary_StayApart()
    {
        var ecb = StoryTestDocuments.Make("a", "ECB raises rates for the tenth time", Rates);
        var fed = StoryTestDocuments.Make("b", "Fed holds rates steady and pauses increases", FedRates);

        var grouping = StoryClusterer.Group([ecb, fed], []);

        Assert.Equal(2, grouping.Groups.Count);
    }

    [Fact]
    public void Group_SameSubjectAYearApart_StaysApart()
    {
        var earlier = StoryTestDocuments.Make("a", "ECB raises rates for the tenth time", Rates, published: new DateTimeOffset(2023, 9, 14, 12, 0, 0, TimeSpan.Zero));
        var later = StoryTestDocuments.Make("b", "ECB pushes rates to record high", RatesOtherOutlet, published: new DateTimeOffset(2024, 9, 14, 12, 0, 0, TimeSpan.Zero));

        var grouping = StoryClusterer.Group([earlier, later], []);

        Assert.Equal(2, grouping.Groups.Count);
    }

    [Fact]
    public void Group_NewDocumentAboutAnEarlierStory_UpdatesThatStory()
    {
        var first = StoryClusterer.Group([StoryTestDocuments.Make("a", "ECB raises rates for the tenth time", Rates, published: EcbDay)], []);
        var remembered = first.Groups.Single().Profile;
        var fed = StoryTestDocuments.Make("c", "Fed holds rates steady and pauses increases", FedRates, ingestedAt: StoryTestDocuments.IngestedAt.AddDays(1));
        var follow = StoryTestDocuments.Make("b", "ECB pushes rates to record high in split decision", RatesOtherOutlet, ingestedAt: StoryTestDocuments.IngestedAt.AddDays(1));

        var second = StoryClusterer.Group([follow, fed], [remembered]);

        var update = second.Groups.Single(g => g.Documents.Any(d => d.Id == "b"));
        Assert.Same(remembered, update.Existing);
        Assert.Equal(remembered.Id, update.Profile.Id);
        Assert.Equal(2, update.Profile.DocumentCount);
        Assert.Null(second.Groups.Single(g => g.Documents.Any(d => d.Id == "c")).Existing);
    }

    [Fact]
    public void Group_ManyDocumentsOfFewStories_GroupsByStory()
    {
        var documents = new List<StoryDocument>();
        for (var i = 0; i < 30; i++)
        {
            documents.Add(StoryTestDocuments.Make($"ecb{i}", "ECB raises rates for the tenth time", i % 2 == 0 ? Rates : RatesRewrite, outlet: $"Outlet {i}"));
            documents.Add(StoryTestDocuments.Make($"fed{i}", "Fed holds rates steady", FedRates, outlet: $"Outlet {i}"));
        }

        var grouping = StoryClusterer.Group(documents, []);

        Assert.Equal(2, grouping.Groups.Count);
        Assert.All(grouping.Groups, g => Assert.Equal(30, g.Documents.Count));
    }

    [Fact]
    public void Group_MoreDocumentsThanTwoBlocksOfKeys_SameStoriesInAnyUploadOrder()
    {
        // Keys and people are worked out a block of 4,096 documents ahead, on another thread, while the pass reads the
        // block before: three blocks, in two upload orders, must give the same stories with their headline people.
        var documents = DocumentFeaturesParallelTests.Documents(9000);

        var forward = StoryClusterer.Group(documents, []);
        var backward = StoryClusterer.Group([.. Enumerable.Reverse(documents)], []);

        Assert.Equal(documents.Count, forward.Groups.Sum(g => g.Documents.Count));
        Assert.Equal(Stories(forward), Stories(backward));
        Assert.Contains(forward.Groups, g => g.Profile.HeadlinePeople.Count > 0);
        Assert.Equal(
            forward.Groups.Select(g => string.Join(',', g.Profile.HeadlinePeople.OrderBy(p => p.Key, StringComparer.Ordinal))).Order(StringComparer.Ordinal),
            backward.Groups.Select(g => string.Join(',', g.Profile.HeadlinePeople.OrderBy(p => p.Key, StringComparer.Ordinal))).Order(StringComparer.Ordinal));

        static IEnumerable<string> Stories(StoryGrouping grouping) =>
            grouping.Groups.Select(g => string.Join(',', g.Documents.Select(d => d.Id).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal);
    }
}
