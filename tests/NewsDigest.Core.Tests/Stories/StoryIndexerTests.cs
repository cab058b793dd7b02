using NewsDigest.Stories;

namespace NewsDigest.Tests.Stories;

public sealed class StoryIndexerTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Candidates_ReportsPostedInTurn_AreThoseOfCountingAfterEveryEarlierReport(bool helper)
    {
        var (reports, idf, keyIdf) = Reports(count: 400, seed: 5);
        var random = new Random(9);
        var (shared, dropped) = (0, 0);
        var reference = new StoryKeyIndex();

        // On a task of its own, so that a pass waiting for ever fails the test instead of hanging the run.
        var pass = Task.Run(() =>
        {
            using var indexer = new StoryIndexer(new StoryKeyIndex(), reports, idf, keyIdf, startHelper: helper);
            for (var position = 0; position < reports.Count; position++)
            {
                var expected = new StoryCandidates();
                StoryIndexer.Count(reports[position], reference, idf, keyIdf, expected);
                var actual = indexer.Candidates(position);
                Assert.Equal(Hits(expected), Hits(actual));
                Assert.Equal(expected.Terms.NormSquared, actual.Terms.NormSquared);
                Assert.Equal(expected.Lead.Ids, actual.Lead.Ids);

                // More stories than a key keeps: full lists push their oldest story out.
                var story = random.Next(3 * StoryClusterer.ClustersPerKey);
                var keys = reports[position].Keys(idf, keyIdf);
                var next = position + 1 < reports.Count ? reports[position + 1].Keys(idf, keyIdf).ToArray() : [];
                foreach (var key in keys)
                {
                    if (next.Contains(key) && reference.Change(story, key) != OwnerLists.AlreadyListed)
                    {
                        shared++;
                        dropped += reference.Change(story, key) >= 0 ? 1 : 0;
                    }
                }

                reference.Add(story, keys);
                indexer.Post(position, story);
            }

            indexer.Finish();
        }, TestContext.Current.CancellationToken);

        var finished = await Task.WhenAny(pass, Task.Delay(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken));
        Assert.True(finished == pass, "the pass waited for ever");
        await pass;
        // The corrections were tried: the next report shared keys whose stories changed, full lists among them.
        Assert.True(shared > 100, $"{shared} keys shared with the next report changed stories");
        Assert.True(dropped > 10, $"{dropped} of them pushed a story out");
    }

    [Fact]
    public async Task Finish_HelperNeverComes_PassDoesTheWorkItself()
    {
        var (reports, idf, keyIdf) = Reports(count: 40, seed: 3);

        // Without the pass claiming work the helper has not started, this would wait for ever (and so would disposing
        // the indexer: it is disposed in the pass, so that a failure here ends the test).
        var index = new StoryKeyIndex();
        var pass = Task.Run(() =>
        {
            using var indexer = new StoryIndexer(index, reports, idf, keyIdf, startHelper: false);
            for (var position = 0; position < reports.Count; position++)
            {
                indexer.Post(position, position % 7);
            }

            indexer.Finish();
        }, TestContext.Current.CancellationToken);

        var finished = await Task.WhenAny(pass, Task.Delay(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        Assert.True(finished == pass, "the pass waited for a helper that never came");
        await pass;
        var reference = new StoryKeyIndex();
        for (var position = 0; position < reports.Count; position++)
        {
            reference.Add(position % 7, reports[position].Keys(idf, keyIdf));
        }

        // Every report's keys went into the index.
        Assert.All(reports, r => Assert.Equal(Hits(Counted(r, reference, idf, keyIdf)), Hits(Counted(r, index, idf, keyIdf))));
    }

    [Fact]
    public void Finish_CountFailed_ThrowsOnThePassThread()
    {
        var (reports, idf, keyIdf) = Reports(count: 6, seed: 4);
        // The report after next cannot be counted: the helper fails on it, and the pass hears of it.
        reports[2] = null!;
        using var indexer = new StoryIndexer(new StoryKeyIndex(), reports, idf, keyIdf);

        indexer.Post(0, 0);

        var failure = Assert.Throws<InvalidOperationException>(indexer.Finish);
        Assert.IsType<NullReferenceException>(failure.InnerException);
    }

    private static StoryCandidates Counted(DocumentFeatures report, StoryKeyIndex index, float[] idf, float keyIdf)
    {
        var candidates = new StoryCandidates();
        StoryIndexer.Count(report, index, idf, keyIdf, candidates);
        return candidates;
    }

    /// <summary>The stories with hits, and their hits, in story order.</summary>
    private static List<(int Story, int Hits)> Hits(StoryCandidates candidates) =>
        [.. candidates.Touched.ToArray().Where(s => candidates.HitsOf(s) > 0).Order().Select(s => (s, candidates.HitsOf(s)))];

    /// <summary>Reports written from a small vocabulary, so that many share keys (bands, terms and names).</summary>
    private static (List<DocumentFeatures> Reports, float[] Idf, float KeyIdf) Reports(int count, int seed)
    {
        string[] words =
        [
            "council", "budget", "harbour", "strike", "ferry", "bridge", "election", "vote", "court", "ruling",
            "storm", "flood", "school", "hospital", "rail", "tunnel", "mayor", "union", "wages", "contract",
            "Lisbon", "Porto", "Braga", "Coimbra", "Faro", "Silva", "Costa", "Santos", "Pereira", "Ferreira",
        ];
        var random = new Random(seed);
        var vocabulary = new StoryVocabulary();
        var reports = new List<DocumentFeatures>();
        for (var i = 0; i < count; i++)
        {
            var sentences = Enumerable.Range(0, 6).Select(_ =>
                string.Join(' ', Enumerable.Range(0, 9).Select(_ => words[random.Next(random.Next(2) == 0 ? 12 : words.Length)])) + ".");
            var document = StoryTestDocuments.Make($"r{i:D4}", $"{words[random.Next(20, 25)]} {words[random.Next(10)]}", string.Join('\n', sentences));
            reports.Add(DocumentFeatures.Build(document, vocabulary));
        }

        return (reports, vocabulary.InverseDocumentFrequencies(), vocabulary.SharedTermIdf());
    }
}
