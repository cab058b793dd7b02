using NewsDigest.Stories;

namespace NewsDigest.Tests.Stories;

/// <summary>
/// The candidate search stops measuring a story once it cannot score above the best so far
/// (<see cref="StoryCluster.ScoreAbove"/>): it must give the full score whenever that score is above the bar, and never
/// more than the bar otherwise, or the search would pick another story.
/// </summary>
public sealed class StoryScoreBoundTests
{
    private static readonly double[] Bars = [double.NegativeInfinity, 0, 0.05, 0.11, 0.2, 0.35, 0.6, 0.9, 1.0, 1.2, 1.6];

    [Fact]
    public void ScoreAbove_EveryStoryAndBar_FullScoreAboveTheBarAndNeverMoreBelowIt()
    {
        var (stories, documents, idf) = SingleDocumentStories();
        var terms = new WeightedTerms();
        var lead = new WeightedTerms();
        var pruned = 0;
        foreach (var story in stories)
        {
            foreach (var document in documents)
            {
                terms.Load(document.TermIds, document.TermWeights, idf);
                lead.Load(document.LeadIds, document.LeadWeights, idf);
                var full = story.Score(document, idf, terms, lead);
                // Bars just under the score are where a bound that is too low would show.
                foreach (var bar in Bars.Concat([full - 1e-9, full - 1e-3, full - 0.05, full - 0.2, full, full + 1e-3]))
                {
                    var bounded = story.ScoreAbove(document, idf, terms, lead, bar);
                    if (full > bar)
                    {
                        Assert.Equal(full, bounded);
                    }
                    else
                    {
                        Assert.True(bounded <= bar, $"{bounded} is above the bar {bar} that the full score {full} does not pass");
                        pruned += bounded == full ? 0 : 1;
                    }
                }
            }
        }

        // The bound must actually cut some measures short, or it saves nothing.
        Assert.True(pruned > 0);
    }

    [Fact]
    public void ScoreAbove_ReportsOfOneDealDaysToAYearApart_FullScoreAboveTheBarAndNeverMoreBelowIt()
    {
        // Rewrites of one development (alike, never copies) weeks to a year apart (the date damping), undated ones
        // naming other days, and headlines naming a person the story's other reports never name: every factor the
        // bound multiplies in, on scores high enough for the factors to decide whether a story can win.
        var day = new DateTimeOffset(2012, 3, 1, 9, 0, 0, TimeSpan.Zero);
        string[] bodies =
        [
            "AMD said on Wednesday it will buy SeaMicro, a maker of low-power microservers, for $334 million in cash and stock.",
            "Chipmaker AMD agreed to acquire SeaMicro for about $334 million, buying its way into microservers for data centers.",
            "SeaMicro, the microserver startup, is being bought by AMD in a $334 million deal announced on Wednesday.",
            "AMD is paying $334 million for SeaMicro to sell energy-efficient microservers to web companies and data centers.",
            "The $334 million purchase of SeaMicro gives AMD low-power server designs for the data centers of web companies.",
            "Analysts said AMD's deal for SeaMicro, worth $334 million, puts the chipmaker into the microserver market.",
        ];
        int[] daysLater = [0, 12, 60, 200, 400, 0];
        var corpus = new List<StoryDocument>();
        for (var i = 0; i < bodies.Length; i++)
        {
            var title = i % 2 == 0 ? "AMD to acquire SeaMicro" : $"Lisa Su{i} says AMD will acquire SeaMicro";
            corpus.Add(StoryTestDocuments.Make($"dated-{i}", title, bodies[i], published: day.AddDays(daysLater[i])));
            corpus.Add(StoryTestDocuments.Make($"undated-{i}", title, $"On March {1 + (i * 5)}, {bodies[(i + 1) % bodies.Length]}"));
        }

        var vocabulary = new StoryVocabulary();
        var features = corpus.Select(d => DocumentFeatures.Build(d, vocabulary)).ToList();
        var idf = vocabulary.InverseDocumentFrequencies();
        var stories = new List<StoryCluster>();
        for (var i = 0; i < features.Count; i++)
        {
            var story = new StoryCluster(null);
            story.Add(features[i], idf);
            story.Add(features[(i + 3) % features.Count], idf);
            stories.Add(story);
        }

        var terms = new WeightedTerms();
        var lead = new WeightedTerms();
        var (scored, damped) = (0, 0);
        foreach (var story in stories)
        {
            foreach (var document in features)
            {
                terms.Load(document.TermIds, document.TermWeights, idf);
                lead.Load(document.LeadIds, document.LeadWeights, idf);
                var similarity = story.Similarity(document, idf);
                var full = story.Score(document, idf, terms, lead);
                var undamped = (0.35 * similarity.Cosine) + (0.25 * similarity.LeadCosine) + (0.25 * similarity.Names) + (similarity.SameDay ? 0.15 : 0);
                damped += !similarity.IsCopy && full < undamped * 0.9 && full > 0.2 ? 1 : 0;
                foreach (var bar in Bars.Concat([full - 1e-9, full - 1e-3, full - 0.02, full, full + 1e-3]))
                {
                    var bounded = story.ScoreAbove(document, idf, terms, lead, bar);
                    scored++;
                    if (full > bar)
                    {
                        Assert.Equal(full, bounded);
                    }
                    else
                    {
                        Assert.True(bounded <= bar, $"{bounded} is above the bar {bar} that the full score {full} does not pass");
                    }
                }
            }
        }

        // Scores the factors cut by a tenth or more, high enough to win: where a bound without them would differ.
        Assert.True(damped > 10, $"{damped} damped scores above 0.2 among {scored} scored");
    }

    [Fact]
    public void ScoreAbove_ACopyIsTheBest_OnlyAnotherCopyCanBeatIt()
    {
        var (stories, documents, idf) = SingleDocumentStories();
        var terms = new WeightedTerms();
        var lead = new WeightedTerms();
        // A copy scores 1 plus its shingle similarity; nothing else scores above the weights' sum, 1.
        const double bar = 1.0 + 2e-6;
        var copies = 0;
        foreach (var story in stories)
        {
            foreach (var document in documents)
            {
                terms.Load(document.TermIds, document.TermWeights, idf);
                lead.Load(document.LeadIds, document.LeadWeights, idf);
                var isCopy = story.Similarity(document, idf).IsCopy;
                Assert.Equal(isCopy, story.ScoreAbove(document, idf, terms, lead, bar) > bar);
                copies += isCopy ? 1 : 0;
            }
        }

        // Each document is a copy of itself; "deal" and "copy" are copies of each other.
        Assert.True(copies > stories.Count);
    }

    [Fact]
    public void AverageLink_OneReportAndAMeanNeeded_ExactWhenItReachesItBelowItOtherwise()
    {
        var (stories, documents, idf) = SingleDocumentStories();
        var vectors = new ReportVectors();
        foreach (var story in stories)
        {
            foreach (var document in documents)
            {
                var full = UndatedStoryMerger.AverageLink([document], story, idf, vectors);
                foreach (var needed in Bars.Concat([full, full + 1e-12, full - 1e-12, full + 0.1]))
                {
                    var bounded = UndatedStoryMerger.AverageLink([document], story, idf, vectors, needed);
                    if (full >= needed)
                    {
                        Assert.Equal(full, bounded);
                    }
                    else
                    {
                        Assert.True(bounded < needed, $"{bounded} reaches {needed}, which the full mean {full} does not");
                    }
                }
            }
        }
    }

    [Fact]
    public void AverageLink_SeveralReportsAndAMeanNeeded_ExactWhenItReachesItBelowItOtherwise()
    {
        var (stories, documents, idf) = SingleDocumentStories();
        var vectors = new ReportVectors();
        var stopped = 0;
        // Every run of two to five consecutive documents, as the reports of one story weighed against each story.
        for (var size = 2; size <= 5; size++)
        {
            for (var first = 0; first + size <= documents.Count; first++)
            {
                var members = documents.GetRange(first, size);
                foreach (var story in stories)
                {
                    vectors.Forget();
                    var full = UndatedStoryMerger.AverageLink(members, story, idf, vectors);
                    foreach (var needed in Bars.Concat([full, full + 1e-12, full - 1e-12, full + 0.1, full + 0.5]))
                    {
                        var bounded = UndatedStoryMerger.AverageLink(members, story, idf, vectors, needed);
                        if (full >= needed)
                        {
                            Assert.Equal(full, bounded);
                        }
                        else
                        {
                            Assert.True(bounded < needed, $"{bounded} reaches {needed}, which the full mean {full} of {size} reports does not");
                            stopped += bounded == full ? 0 : 1;
                        }
                    }
                }
            }
        }

        // The bound must cut some means short, or it saves nothing.
        Assert.True(stopped > 0);
    }

    /// <summary>The seeds and a few built documents (rewrites, a copy, unrelated news), each a story of its own.</summary>
    private static (List<StoryCluster> Stories, List<DocumentFeatures> Documents, float[] Idf) SingleDocumentStories()
    {
        var day = new DateTimeOffset(2012, 3, 1, 9, 0, 0, TimeSpan.Zero);
        const string deal = "AMD said on Wednesday it will buy SeaMicro, a maker of low-power microservers, for $334 million in cash and stock.\n"
            + "The chipmaker wants the startup's fabric technology to sell energy-efficient servers to data centers run by web companies.";
        List<StoryDocument> corpus =
        [
            .. StoryTestDocuments.Seeds().Values,
            StoryTestDocuments.Make("deal", "AMD buys SeaMicro", deal, published: day),
            StoryTestDocuments.Make("copy", "AMD buys SeaMicro", deal + "\nCopyright Wire. All rights reserved.", published: day),
            StoryTestDocuments.Make(
                "rewrite",
                "AMD to acquire SeaMicro",
                "Chipmaker AMD agreed to acquire SeaMicro for about $334 million, buying its way into microservers for large data centers.",
                published: day.AddHours(3)),
            StoryTestDocuments.Make(
                "follow-up",
                "AMD buys SeaMicro",
                "AMD bought SeaMicro, the microserver maker, on Wednesday for $334 million.\n"
                    + "Analysts at several banks expect AMD to ship SeaMicro systems to web companies within a year.",
                published: day.AddHours(5)),
            StoryTestDocuments.Make(
                "council",
                "Council approves road budget",
                "The city council approved a new budget for road repairs on Wednesday after a long debate about potholes.",
                published: day.AddDays(200)),
        ];
        var vocabulary = new StoryVocabulary();
        var documents = corpus.Select(d => DocumentFeatures.Build(d, vocabulary)).ToList();
        var idf = vocabulary.InverseDocumentFrequencies();
        var stories = new List<StoryCluster>();
        foreach (var document in documents)
        {
            var story = new StoryCluster(null);
            story.Add(document, idf);
            stories.Add(story);
        }

        return (stories, documents, idf);
    }
}
