using NewsDigest.Stories;

namespace NewsDigest.Tests.Stories;

public sealed class StoryAppenderTests
{
    [Fact]
    public void Post_ReportsInTurn_StoryHoldsThemInOrderOnceWaited()
    {
        var (features, idf) = Features();
        var story = new StoryCluster(null);
        using var appender = new StoryAppender();

        foreach (var report in features)
        {
            appender.Post(story, report, idf);
        }

        appender.Wait();

        Assert.Equal(features, story.NewDocuments);
        var alone = new StoryCluster(null);
        foreach (var report in features)
        {
            alone.Add(report, idf);
        }

        // The story the helper built scores a report exactly as the one built on this thread.
        Assert.Equal(alone.Score(features[0], idf), story.Score(features[0], idf));
    }

    [Fact]
    public void Wait_AdditionFailed_ThrowsOnThePassThreadAndKeepsWorking()
    {
        var (features, idf) = Features();
        var report = features.First(f => f.EntityIds.Length > 0);
        using var appender = new StoryAppender();

        // No weights at all: adding the report's names reads past the end.
        appender.Post(new StoryCluster(null), report, []);

        var failure = Assert.Throws<InvalidOperationException>(appender.Wait);
        Assert.IsType<IndexOutOfRangeException>(failure.InnerException);
        var story = new StoryCluster(null);
        appender.Post(story, report, idf);
        appender.Wait();
        Assert.Single(story.NewDocuments);
    }

    private static (List<DocumentFeatures> Features, float[] Idf) Features()
    {
        var vocabulary = new StoryVocabulary();
        var features = StoryTestDocuments.Seeds().Values.Select(d => DocumentFeatures.Build(d, vocabulary)).ToList();
        return (features, vocabulary.InverseDocumentFrequencies());
    }
}
