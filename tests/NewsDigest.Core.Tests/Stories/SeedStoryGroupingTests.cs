using NewsDigest.Stories;

namespace NewsDigest.Tests.Stories;

public sealed class SeedStoryGroupingTests
{
    [Fact]
    public void Group_FiveSeeds_OneStoryPerDevelopment()
    {
        var seeds = StoryTestDocuments.Seeds();

        var grouping = StoryClusterer.Group([.. seeds.Values], []);

        var groups = grouping.Groups
            .Select(g => string.Join(",", g.Documents.Select(d => seeds.Single(s => s.Value.Id == d.Id).Key).Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(["000,001", "002", "003,004"], groups);
    }

    [Fact]
    public void Group_SeedCopies_AreOneArticle()
    {
        var seeds = StoryTestDocuments.Seeds();

        var grouping = StoryClusterer.Group([seeds["000"], seeds["001"], seeds["003"], seeds["004"]], []);

        var copies = grouping.Groups.Single(g => g.Documents.Any(d => d.Id == seeds["000"].Id));
        Assert.Single(copies.Articles);
        var meeting = grouping.Groups.Single(g => g.Documents.Any(d => d.Id == seeds["003"].Id));
        Assert.Equal(2, meeting.Articles.Count);
    }

    [Fact]
    public void Compare_SeedPairs_SameDevelopmentScoresAboveOthers()
    {
        var seeds = StoryTestDocuments.Seeds();
        var corpus = seeds.Values.ToList();
        var lines = new List<string>();
        foreach (var a in seeds)
        {
            foreach (var b in seeds.Where(b => string.CompareOrdinal(b.Key, a.Key) > 0))
            {
                var s = StoryClusterer.Compare(a.Value, b.Value, corpus);
                lines.Add($"{a.Key}-{b.Key}: cos={s.Cosine:0.000} lead={s.LeadCosine:0.000} day={s.SameDay} names={s.Names:0.000} jac={s.Jaccard:0.000} copy={s.IsCopy} combined={s.Combined:0.000}");
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine(string.Join("\n", lines));
        var threshold = StoryClusterer.ThresholdFor(corpus.Count);
        var meeting = StoryClusterer.Compare(seeds["004"], seeds["003"], corpus).Combined;
        Assert.True(meeting >= Math.Max(threshold, StoryClusterer.UndatedThreshold), string.Join("\n", lines));
        Assert.True(StoryClusterer.Compare(seeds["002"], seeds["003"], corpus).Combined < threshold, string.Join("\n", lines));
        Assert.True(StoryClusterer.Compare(seeds["001"], seeds["000"], corpus).IsCopy, string.Join("\n", lines));
    }
}
