using NewsDigest.Stories;

namespace NewsDigest.Tests.Stories;

public sealed class StoryGroupingSignalsTests
{
    private const string Rehab = """
        Actress Tara Reid checked herself into the Promises treatment center in Malibu on Friday, her publicist Jack Ketsoyan said.
        Reid, who starred in American Pie, asked for privacy for herself and her family while she receives treatment at the facility.
        """;

    private const string RehabRewrite = """
        Tara Reid has entered a rehab program at Promises in Malibu, her representative Jack Ketsoyan confirmed on Friday.
        The American Pie actress asked fans to respect the privacy of her family during her treatment.
        """;

    private const string OtherRehab = """
        Actress Lindsay Lohan checked into the Betty Ford treatment center in Rancho Mirage on Thursday, her lawyer Shawn Holley said.
        Lohan must stay at the facility for ninety days under a plea deal in her reckless driving case.
        """;

    [Fact]
    public void Group_UndatedReportsInAnyUploadOrder_SameStories()
    {
        var texts = new[] { ("a", "Tara Reid enters rehab", Rehab), ("b", "Tara Reid checks into rehab", RehabRewrite), ("c", "Lindsay Lohan enters rehab", OtherRehab) };
        var partitions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var order in new[] { new[] { 0, 1, 2 }, [2, 1, 0], [1, 2, 0] })
        {
            var documents = order.Select((index, position) => StoryTestDocuments.Make(
                texts[index].Item1, texts[index].Item2, texts[index].Item3, ingestedAt: StoryTestDocuments.IngestedAt.AddMinutes(position))).ToList();

            var grouping = StoryClusterer.Group(documents, []);

            partitions.Add(string.Join("|", grouping.Groups.Select(g => string.Concat(g.Documents.Select(d => d.Id).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal)));
        }

        Assert.Single(partitions);
    }

    [Fact]
    public void Group_SameKindOfEventOtherPerson_StaysApart()
    {
        var day = new DateTimeOffset(2013, 5, 3, 12, 0, 0, TimeSpan.Zero);
        var documents = new[]
        {
            StoryTestDocuments.Make("a", "Tara Reid enters rehab", Rehab, published: day),
            StoryTestDocuments.Make("b", "Tara Reid checks into rehab", RehabRewrite, published: day.AddHours(2)),
            StoryTestDocuments.Make("c", "Lindsay Lohan enters rehab", OtherRehab, published: day.AddHours(4)),
        };

        var grouping = StoryClusterer.Group(documents, []);

        Assert.Equal(["ab", "c"], grouping.Groups.Select(g => string.Concat(g.Documents.Select(d => d.Id).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Compare_UndatedReportNamingOtherDays_ScoresLowerThanOneNamingNone()
    {
        var day = new DateTimeOffset(2013, 5, 3, 12, 0, 0, TimeSpan.Zero);
        var dated = StoryTestDocuments.Make("a", "Tara Reid enters rehab", Rehab, published: day);
        var noDay = StoryTestDocuments.Make("b", "Tara Reid checks into rehab", RehabRewrite.Replace("on Friday", "on Sunday", StringComparison.Ordinal));
        var otherDay = StoryTestDocuments.Make("c", "Tara Reid checks into rehab", RehabRewrite.Replace("on Friday", "on December 16", StringComparison.Ordinal));
        var corpus = new[] { dated, noDay, otherDay };

        var namingNone = StoryClusterer.Compare(noDay, dated, corpus).Combined;
        var namingAnother = StoryClusterer.Compare(otherDay, dated, corpus).Combined;

        Assert.True(namingAnother < namingNone * 0.75, $"{namingAnother} vs {namingNone}");
    }

    [Fact]
    public void DateDamping_LongerGaps_WeighLess()
    {
        var gaps = new[] { 0, 7, 30, 200, 800 }.Select(days => StoryCluster.DateDamping(TimeSpan.FromDays(days))).ToList();

        Assert.Equal(1.0, gaps[0]);
        Assert.Equal(gaps.OrderByDescending(g => g), gaps);
        Assert.True(gaps[^1] < gaps[2]);
    }

    [Fact]
    public void ThresholdFor_LargerWindow_AsksLessEvidence()
    {
        var small = StoryClusterer.ThresholdFor(5);
        var large = StoryClusterer.ThresholdFor(5000);

        Assert.Equal(StoryClusterer.SmallWindowThreshold, small, 6);
        Assert.True(large < small);
        Assert.True(large >= StoryClusterer.SameStoryThreshold);
    }
}
