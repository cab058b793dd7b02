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
    public async Task Wait_HelperNeverComes_PassMakesTheAdditionsItself()
    {
        var (features, idf) = Features();
        var story = new StoryCluster(null);

        // Without the pass claiming an addition the helper has not started, this would wait for ever (and so would
        // disposing the appender: it is disposed in the pass, so that a failure here ends the test).
        var pass = Task.Run(() =>
        {
            using var appender = new StoryAppender(startHelper: false);
            foreach (var report in features)
            {
                appender.Post(story, report, idf);
            }

            appender.Wait();
        }, TestContext.Current.CancellationToken);

        var finished = await Task.WhenAny(pass, Task.Delay(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        Assert.True(finished == pass, "the pass waited for a helper that never came");
        Assert.Equal(features, story.NewDocuments);
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
