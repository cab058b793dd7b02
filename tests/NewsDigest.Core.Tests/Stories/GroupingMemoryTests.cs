using NewsDigest.Stories;

namespace NewsDigest.Tests.Stories;

/// <summary>What a grouping lets go between its phases: the reports' term vectors, and the garbage of a large window.</summary>
public sealed class GroupingMemoryTests
{
    [Fact]
    public void Group_AfterTheStoriesAreBuilt_ReportsTermVectorsLetGo()
    {
        var vocabulary = new StoryVocabulary();
        var features = DocumentFeatures.BuildAll(DocumentFeaturesParallelTests.Documents(12), vocabulary);
        Assert.All(features, f => Assert.NotEmpty(f.TermIds));

        var grouping = StoryClusterer.Group(features, vocabulary, [], seeded: false);

        Assert.Equal(features.Length, grouping.Groups.Sum(g => g.Documents.Count));
        Assert.All(features, f =>
        {
            Assert.Throws<InvalidOperationException>(() => f.TermIds);
            Assert.Throws<InvalidOperationException>(() => f.TermWeights);
            Assert.Throws<InvalidOperationException>(() => f.LeadIds);
            Assert.Throws<InvalidOperationException>(() => f.LeadWeights);
        });
    }

    [Fact]
    public void ForgetVectors_EverythingElse_StillRead()
    {
        var vocabulary = new StoryVocabulary();
        var features = DocumentFeatures.BuildAll(DocumentFeaturesParallelTests.Documents(3), vocabulary);
        var (entities, days) = (features[0].EntityIds.ToArray(), features[0].PublishedDays.ToArray());

        features[0].ForgetVectors();

        Assert.Equal(entities, features[0].EntityIds);
        Assert.Equal(days, features[0].PublishedDays);
        Assert.NotEmpty(features[1].TermIds);
    }

    [Fact]
    public void BetweenPhases_WindowBelowTheBound_DoesNotCollect()
    {
        Assert.False(PhaseCollector.BetweenPhases(PhaseCollector.MinDocuments - 1));
    }

    [Fact]
    public void BetweenPhases_LargeWindow_CollectsTheOldestGeneration()
    {
        var before = GC.CollectionCount(GC.MaxGeneration);

        Assert.True(PhaseCollector.BetweenPhases(PhaseCollector.MinDocuments));

        Assert.True(GC.CollectionCount(GC.MaxGeneration) > before);
    }
}
