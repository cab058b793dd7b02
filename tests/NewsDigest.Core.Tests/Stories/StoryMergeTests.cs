using NewsDigest.Stories;

namespace NewsDigest.Tests.Stories;

public sealed class StoryMergeTests
{
    private static readonly DateTimeOffset Day = new(2012, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private const string Deal = """
        AMD said on Wednesday it will buy SeaMicro, a maker of low-power microservers, for $334 million in cash and stock.
        The chipmaker wants the startup's fabric technology to sell energy-efficient servers to data centers run by web companies.
        """;

    private const string DealRewrite = """
        Chipmaker AMD agreed to acquire SeaMicro for about $334 million, buying its way into microservers for large data centers.
        SeaMicro's fabric links hundreds of low-power processors, which AMD says cuts the energy web companies spend on servers.
        """;

    private const string DealThird = """
        AMD is paying $334 million for SeaMicro, whose microservers pack low-power chips on a fabric for data centers.
        Analysts said the deal gives AMD an energy-efficient server line that web companies are asking for.
        """;

    private const string Unrelated = """
        The city council approved a new budget for road repairs on Wednesday after a long debate about potholes.
        Council members said the repairs will start in spring and take two years.
        """;

    private const string ArrestWilliams = """
        San Diego Chargers defensive tackle Jamal Williams was arrested on suspicion of drunken driving early Sunday, the California Highway Patrol said.
        Williams was booked into county jail and released on bail; the team said it was aware of the arrest of Williams.
        """;

    private const string ArrestWilliamsRewrite = """
        Chargers nose tackle Jamal Williams was pulled over for speeding on a freeway and arrested on suspicion of driving under the influence.
        Williams gave a blood sample, the highway patrol said; the Chargers said they were gathering information about Williams.
        """;

    private const string ArrestJackson = """
        Chargers wide receiver Vincent Jackson was arrested by the California Highway Patrol early Tuesday on suspicion of drunken driving.
        Jackson was on probation for a previous arrest, officer Brad Baehr said, and Jackson will still play on Sunday.
        """;

    [Fact]
    public void Merge_LoneReportCloseToALargerStory_JoinsIt()
    {
        var (clusters, neighbours, idf, sameStory) = Clusters(
            [["a", "b", "c"], ["d"], ["e"]],
            [("a", "AMD buys SeaMicro", Deal), ("b", "AMD to acquire SeaMicro", DealRewrite), ("c", "AMD pays $334 million for SeaMicro", DealThird),
             ("d", "AMD buys Sea Micro for $334M", DealRewrite + "\nThe deal closes in the second quarter."), ("e", "Council approves road budget", Unrelated)]);

        StoryMerger.Merge(clusters, neighbours, idf, sameStory);

        Assert.Equal(["abcd", "e"], Partition(clusters));
    }

    [Fact]
    public void Merge_CloseStoryNeverWeighedAgainstIt_StaysApart()
    {
        var (clusters, _, idf, sameStory) = Clusters(
            [["a", "b", "c"], ["d"]],
            [("a", "AMD buys SeaMicro", Deal), ("b", "AMD to acquire SeaMicro", DealRewrite), ("c", "AMD pays $334 million for SeaMicro", DealThird),
             ("d", "AMD buys Sea Micro for $334M", DealRewrite + "\nThe deal closes in the second quarter.")]);

        StoryMerger.Merge(clusters, new StoryNeighbours(), idf, sameStory);

        Assert.Equal(["abc", "d"], Partition(clusters));
    }

    [Fact]
    public void Closest_AfterAMerge_ResolvesToTheStoryItJoined()
    {
        var neighbours = new StoryNeighbours();
        neighbours.Record(0, [1, 2]);
        neighbours.Record(3, [1]);
        var met = new Dictionary<int, int>();
        var closest = new List<(int Times, int Story)>();

        neighbours.Merge(1, 2);
        neighbours.Closest(0, met, closest);

        Assert.Equal([(2, 2)], closest);
        neighbours.Closest(2, met, closest);
        Assert.Equal([(2, 0), (1, 3)], closest);
    }

    [Fact]
    public void Group_ReportOfTwoKnownStoriesAlike_UpdatesOneAndLeavesTheOther()
    {
        var first = Profile("s1", "AMD buys SeaMicro", Deal);
        var second = Profile("s2", "AMD to acquire SeaMicro", DealRewrite);
        var documents = new[] { StoryTestDocuments.Make("x", "AMD pays $334 million for SeaMicro", DealThird, published: Day) };

        var grouping = StoryClusterer.Group(documents, [first, second]);

        // Each known story was told on its own: the new report updates one, and the two are never made one.
        var group = Assert.Single(grouping.Groups);
        Assert.NotNull(group.Existing);
        Assert.Equal("x", Assert.Single(group.Documents).Id);
        Assert.Equal(2, group.Profile.DocumentCount);
    }

    [Fact]
    public void Central_PersonNamedByMostReports_IsCentralBySurname()
    {
        var features = Features(
            ("a", "Chargers' Jamal Williams arrested", ArrestWilliams),
            ("b", "Williams arrested on DUI suspicion", ArrestWilliamsRewrite),
            ("c", "Chargers' Jackson arrested on suspicion of DUI", ArrestJackson));

        Assert.Contains("williams", StoryPeople.Central([features[0], features[1]], null));
        Assert.DoesNotContain("jackson", StoryPeople.Central([features[0], features[1]], null));
        Assert.Empty(StoryPeople.Central([features[2]], null));
    }

    [Theory]
    [InlineData("Chargers' Jamal Williams arrested", "Williams arrested on DUI suspicion")]
    // No headline of the story names anyone: the people its reports name (Williams, in both) stand in.
    [InlineData("Chargers lineman arrested", "DUI arrest for Chargers tackle")]
    public void HeadlinesAnother_HeadlineNamingSomeoneElse_True(string firstHeadline, string secondHeadline)
    {
        var features = Features(
            ("a", firstHeadline, ArrestWilliams),
            ("b", secondHeadline, ArrestWilliamsRewrite),
            ("c", "Chargers' Jackson arrested on suspicion of DUI", ArrestJackson),
            ("d", "Jamal Williams held after traffic stop", ArrestWilliamsRewrite));
        var story = new StoryCluster(null);
        story.Add(features[0], Idf);
        story.Add(features[1], Idf);

        Assert.True(StoryPeople.HeadlinesAnother(features[2], story));
        Assert.False(StoryPeople.HeadlinesAnother(features[3], story));
    }

    [Fact]
    public void HeadlineCounts_StoryFromAnEarlierDigest_AddsItsHeadlines()
    {
        var features = Features(("a", "Chargers' Jamal Williams arrested", ArrestWilliams));
        var earlier = Profile("s1", "Williams arrested", ArrestWilliams) with
        {
            HeadlinePeople = new Dictionary<string, int>(StringComparer.Ordinal) { ["williams"] = 3 },
        };

        var counts = StoryPeople.HeadlineCounts([features[0]], earlier);

        Assert.Equal(4, counts["williams"]);
    }

    [Fact]
    public void HeadlineCounts_NoHeadlineNamesAnyone_TheSharedEmptyTable()
    {
        var features = Features(("a", "Storm closes coastal roads", "Heavy rain closed the coastal roads on Monday."));

        var counts = StoryPeople.HeadlineCounts([features[0]], earlier: null);

        Assert.Same(StoryProfile.NoPeople, counts);
        Assert.Empty(counts);
    }

    [Fact]
    public void HeadlineCounts_OnlyTheEarlierDigestNamedSomeone_ItsCountsInATableOfTheirOwn()
    {
        var features = Features(("a", "Storm closes coastal roads", "Heavy rain closed the coastal roads on Monday."));
        var people = new Dictionary<string, int>(StringComparer.Ordinal) { ["williams"] = 3 };
        var earlier = Profile("s1", "Williams arrested", ArrestWilliams) with { HeadlinePeople = people };

        var counts = StoryPeople.HeadlineCounts([features[0]], earlier);

        Assert.Equal(3, counts["williams"]);
        Assert.Single(counts);
        Assert.NotSame(people, counts);
    }

    private static float[] Idf { get; set; } = [];

    private static DocumentFeatures[] Features(params (string Id, string Title, string Body)[] texts)
    {
        var vocabulary = new StoryVocabulary();
        var features = texts.Select(t => DocumentFeatures.Build(StoryTestDocuments.Make(t.Id, t.Title, t.Body, published: Day), vocabulary)).ToArray();
        Idf = vocabulary.InverseDocumentFrequencies();
        return features;
    }

    /// <summary>Stories as the single pass would leave them, each the neighbour of every other (all were weighed).</summary>
    private static (List<StoryCluster> Clusters, StoryNeighbours Neighbours, float[] Idf, double SameStory) Clusters(
        string[][] partition, (string Id, string Title, string Body)[] texts)
    {
        var vocabulary = new StoryVocabulary();
        var features = texts.ToDictionary(t => t.Id, t => DocumentFeatures.Build(StoryTestDocuments.Make(t.Id, t.Title, t.Body, published: Day), vocabulary), StringComparer.Ordinal);
        var idf = vocabulary.InverseDocumentFrequencies();
        var clusters = new List<StoryCluster>();
        var neighbours = new StoryNeighbours();
        foreach (var ids in partition)
        {
            var cluster = new StoryCluster(null);
            clusters.Add(cluster);
            foreach (var id in ids)
            {
                cluster.Add(features[id], idf);
            }

            neighbours.Record(clusters.Count - 1, [.. Enumerable.Range(0, partition.Length)]);
        }

        return (clusters, neighbours, idf, StoryClusterer.ThresholdFor(vocabulary.WordFloor));
    }

    private static StoryProfile Profile(string id, string title, string body) =>
        StoryClusterer.Group([StoryTestDocuments.Make(id, title, body, published: Day.AddDays(-1))], []).Groups[0].Profile with { Id = id };

    private static List<string> Partition(List<StoryCluster> clusters) =>
        [.. clusters.Where(c => c.NewDocuments.Count > 0)
            .Select(c => string.Concat(c.NewDocuments.Select(d => d.Document.Id).Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal)];
}
