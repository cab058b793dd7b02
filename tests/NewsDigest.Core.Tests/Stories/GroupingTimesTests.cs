using System.Diagnostics;
using NewsDigest.Stories;

namespace NewsDigest.Tests.Stories;

public sealed class GroupingTimesTests
{
    [Fact]
    public void Group_AWindowOfDocuments_TimesThePassTheMergesAndTheGroups()
    {
        var vocabulary = new StoryVocabulary();
        var features = DocumentFeatures.BuildAll(DocumentFeaturesParallelTests.Documents(40), vocabulary);
        var clock = Stopwatch.StartNew();

        var times = StoryClusterer.Group(features, vocabulary, [], seeded: false).Times;

        var took = clock.Elapsed;
        GroupingPart[] parts = [times.Collections, times.Pass, times.Merges, times.Groups];
        Assert.True(times.Pass.Elapsed > TimeSpan.Zero);
        Assert.True(times.Groups.Elapsed > TimeSpan.Zero);
        Assert.All(parts, p => Assert.InRange(p.Paused, TimeSpan.Zero, p.Elapsed));
        Assert.InRange(parts.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Elapsed), TimeSpan.Zero, took);
    }

    [Fact]
    public void Group_ThroughAWindowOfStoryDocuments_CarriesItsTimes()
    {
        var grouping = StoryClusterer.Group(DocumentFeaturesParallelTests.Documents(10), []);

        Assert.NotEqual(GroupingTimes.None, grouping.Times);
        Assert.True(grouping.Times.Pass.Elapsed > TimeSpan.Zero);
    }

    [Fact]
    public void Add_TwoParts_SumsTheirTimesAndPauses()
    {
        var sum = new GroupingPart(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(0.5)) + new GroupingPart(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(0.25));

        Assert.Equal(new GroupingPart(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(0.75)), sum);
    }
}
