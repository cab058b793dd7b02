using NewsDigest.Stories;

namespace NewsDigest.Cli.Evaluation;

/// <summary>One grouping of a set of labelled articles: the story each article ended in.</summary>
internal sealed record GroupingRun(IReadOnlyList<LabelledArticle> Articles, IReadOnlyList<int> Stories, GroupingScore Score);

/// <summary>
/// Groups labelled articles as the digest would and scores the result. An upload order is simulated by giving each
/// article an arrival time in that order (articles without a date are grouped by arrival); with several batches the
/// articles arrive over several digests, each grouped with the stories the earlier ones left.
/// </summary>
internal static class StoryGroupingEvaluation
{
    private static readonly DateTimeOffset FirstArrival = new(2026, 1, 15, 6, 0, 0, TimeSpan.Zero);

    /// <param name="regroup">
    /// Whether each digest groups the open stories' documents again with its own, as the digest does while they are
    /// few (<see cref="StoryRegrouping"/>); without, it only adds its documents to them, as past that size.
    /// </param>
    public static GroupingRun Run(IReadOnlyList<LabelledArticle> articles, int shuffleSeed, int batches, TermStatistics? earlier = null, bool regroup = true)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var order = Enumerable.Range(0, articles.Count).ToArray();
        if (shuffleSeed != 0)
        {
            new Random(shuffleSeed).Shuffle(order);
        }

        var documents = new StoryDocument[articles.Count];
        for (var position = 0; position < order.Length; position++)
        {
            var index = order[position];
            documents[index] = StoryDocument.From(articles[index].Document, FirstArrival.AddSeconds(position));
        }

        var storyOf = new Dictionary<StoryDocument, string>(ReferenceEqualityComparer.Instance);
        // Identical articles share an id.
        var byId = documents.ToLookup(d => d.Id, StringComparer.Ordinal);
        var known = new Dictionary<string, StoryProfile>(StringComparer.Ordinal);
        var statistics = earlier;
        var batchSize = (order.Length + batches - 1) / Math.Max(1, batches);
        for (var start = 0; start < order.Length; start += Math.Max(1, batchSize))
        {
            var batch = order.Skip(start).Take(batchSize).Select(i => documents[i]).ToList();
            // As the digest does: while the statistics are young, the open stories' documents are grouped again.
            var filed = storyOf.Select(f => new FiledDocument(f.Key, f.Value)).ToList();
            var grouping = regroup
                ? StoryRegrouping.GroupAsync(batch, [.. known.Values], statistics, _ => Task.FromResult<IReadOnlyList<FiledDocument>>(filed), StoryRegrouping.DefaultMaxDocuments, CancellationToken.None)
                    .GetAwaiter().GetResult()
                : StoryClusterer.Group(batch, [.. known.Values], statistics);
            statistics = grouping.Statistics;
            foreach (var group in grouping.Groups)
            {
                known[group.Profile.Id] = group.Profile;
                foreach (var document in group.Documents)
                {
                    storyOf[document] = group.Profile.Id;
                }
            }

            foreach (var change in grouping.Changes)
            {
                if (change.Retired)
                {
                    known.Remove(change.Profile.Id);
                    continue;
                }

                known[change.Profile.Id] = change.Profile;
                foreach (var document in change.Joined.SelectMany(id => byId[id]))
                {
                    storyOf[document] = change.Profile.Id;
                }
            }
        }

        var storyNumbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var stories = new int[articles.Count];
        for (var i = 0; i < articles.Count; i++)
        {
            var id = storyOf[documents[i]];
            if (!storyNumbers.TryGetValue(id, out var number))
            {
                number = storyNumbers.Count;
                storyNumbers[id] = number;
            }

            stories[i] = number;
        }

        return new GroupingRun(articles, stories, GroupingScore.Compute(stories, [.. articles.Select(a => a.Event)]));
    }

    /// <summary>Stories holding more than one event, most wrongly joined pairs first.</summary>
    public static IEnumerable<(long WrongPairs, IReadOnlyList<IGrouping<string, LabelledArticle>> Events)> WorstMerges(GroupingRun run) =>
        Enumerable.Range(0, run.Articles.Count)
            .GroupBy(i => run.Stories[i])
            .Select(story => story.Select(i => run.Articles[i]).GroupBy(a => a.Event, StringComparer.Ordinal).OrderByDescending(e => e.Count()).ToList())
            .Where(events => events.Count > 1)
            .Select(events => (WrongPairs(events.Select(e => e.Count()).ToList()), (IReadOnlyList<IGrouping<string, LabelledArticle>>)events))
            .OrderByDescending(m => m.Item1)
            .ThenBy(m => m.Item2[0].Key, StringComparer.Ordinal);

    /// <summary>Events spread over more than one story, most missed pairs first.</summary>
    public static IEnumerable<(long MissedPairs, string Event, IReadOnlyList<IReadOnlyList<LabelledArticle>> Stories)> WorstSplits(GroupingRun run) =>
        Enumerable.Range(0, run.Articles.Count)
            .GroupBy(i => run.Articles[i].Event, StringComparer.Ordinal)
            .Select(e => (e.Key, Parts: e.GroupBy(i => run.Stories[i]).Select(s => (IReadOnlyList<LabelledArticle>)[.. s.Select(i => run.Articles[i])]).OrderByDescending(s => s.Count).ToList()))
            .Where(e => e.Parts.Count > 1)
            .Select(e => (WrongPairs([.. e.Parts.Select(p => p.Count)]), e.Key, (IReadOnlyList<IReadOnlyList<LabelledArticle>>)e.Parts))
            .OrderByDescending(s => s.Item1)
            .ThenBy(s => s.Key, StringComparer.Ordinal);

    /// <summary>
    /// The best similarity of <paramref name="part"/>'s articles to the story made of <paramref name="story"/>'s, with
    /// the term weights of the run's articles: why a split part stayed out, or a merged event came in.
    /// </summary>
    public static StorySimilarity Closest(GroupingRun run, IReadOnlyList<LabelledArticle> story, IReadOnlyList<LabelledArticle> part)
    {
        var position = new Dictionary<LabelledArticle, int>(ReferenceEqualityComparer.Instance);
        var corpus = new StoryDocument[run.Articles.Count];
        for (var i = 0; i < corpus.Length; i++)
        {
            position[run.Articles[i]] = i;
            corpus[i] = StoryDocument.From(run.Articles[i].Document, FirstArrival.AddSeconds(i));
        }

        return StoryClusterer.CompareWithStory(corpus, [.. story.Select(a => position[a])], [.. part.Select(a => position[a])])
            .MaxBy(s => s.Combined)!;
    }

    /// <summary>
    /// Events whose articles are grouped otherwise in <paramref name="other"/> than in <paramref name="run"/> (same
    /// articles), with the sizes of the stories that hold them in each ("6+1" = six in one story, one in another).
    /// </summary>
    public static IEnumerable<(string Event, string First, string Second)> Differences(GroupingRun run, GroupingRun other)
    {
        foreach (var gold in Enumerable.Range(0, run.Articles.Count).GroupBy(i => run.Articles[i].Event, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            // The same partition of the event's articles, and the same company: each story holds the same others.
            var first = Shape(gold, run);
            var second = Shape(gold, other);
            var same = gold.All(i => gold.All(j => (run.Stories[i] == run.Stories[j]) == (other.Stories[i] == other.Stories[j])))
                && gold.All(i => Members(run, i).SetEquals(Members(other, i)));
            if (!same)
            {
                yield return (gold.Key, first, second);
            }
        }
    }

    private static HashSet<int> Members(GroupingRun run, int article) =>
        [.. Enumerable.Range(0, run.Articles.Count).Where(j => run.Stories[j] == run.Stories[article])];

    private static string Shape(IEnumerable<int> articles, GroupingRun run) => string.Join(
        "+",
        articles.GroupBy(i => run.Stories[i]).Select(s => (Own: s.Count(), All: run.Stories.Count(x => x == s.Key)))
            .OrderByDescending(s => s.Own)
            .Select(s => s.All > s.Own ? $"{s.Own}(of {s.All})" : s.Own.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static long WrongPairs(IReadOnlyList<int> sizes)
    {
        long total = sizes.Sum();
        return ((total * total) - sizes.Sum(s => (long)s * s)) / 2;
    }
}
