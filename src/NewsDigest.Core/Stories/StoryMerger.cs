namespace NewsDigest.Stories;

/// <summary>
/// The pass over stories after the single pass over documents: a story is weighed as a whole against the larger
/// stories its reports point to, and joins the closest when its reports agree with it on average (average link).
/// </summary>
/// <remarks>
/// The single pass decides for each report against the stories as they were when it came: the first report of a
/// development may start a story of its own before the reports that would have tied it to the others arrive, and
/// the later reports then gather elsewhere. Weighed again at the end, against the whole of the other story, it joins.
/// Stories are taken smallest first and only join a story at least as large, so the result does not depend on the
/// order of the stories; two stories from earlier digests never merge (each was already told on its own).
/// </remarks>
internal static class StoryMerger
{
    /// <summary>How many of the stories sharing the most index keys with a story are weighed against it.</summary>
    private const int Candidates = 8;

    /// <summary>The average-link score, relative to the "same development" threshold, a story needs to join another.</summary>
    internal static double ThresholdFactor { get; set; } = 1.0;

    public static void Merge(List<StoryCluster> clusters, StoryKeyIndex index, float[] idf, float keyIdf, double sameStory)
    {
        var order = new List<int>();
        for (var c = 0; c < clusters.Count; c++)
        {
            if (clusters[c].Existing is null && clusters[c].NewDocuments.Count > 0)
            {
                order.Add(c);
            }
        }

        order.Sort((a, b) => clusters[a].NewDocuments.Count != clusters[b].NewDocuments.Count
            ? clusters[a].NewDocuments.Count.CompareTo(clusters[b].NewDocuments.Count)
            : a.CompareTo(b));
        var hits = new Dictionary<int, int>();
        var ranked = new List<(int Hits, int Story)>();
        var needed = sameStory * ThresholdFactor;
        foreach (var c in order)
        {
            var story = clusters[c];
            if (story.NewDocuments.Count == 0)
            {
                continue;
            }

            hits.Clear();
            foreach (var member in story.NewDocuments)
            {
                foreach (var key in member.Keys(idf, keyIdf))
                {
                    index.CountOwners(key, key < 0 ? 2 : 1, hits);
                }
            }

            ranked.Clear();
            foreach (var (other, count) in hits)
            {
                var target = clusters[other];
                if (other != c && target.IsDated == story.IsDated && Size(target) >= story.NewDocuments.Count
                    && (target.NewDocuments.Count > 0 || target.Existing is not null))
                {
                    ranked.Add((count, other));
                }
            }

            ranked.Sort(static (a, b) => a.Hits != b.Hits ? b.Hits.CompareTo(a.Hits) : a.Story.CompareTo(b.Story));
            var (best, bestScore) = (-1, 0.0);
            for (var r = 0; r < ranked.Count && r < Candidates; r++)
            {
                var candidate = ranked[r].Story;
                if (StoryPeople.AreAboutOthers(story, clusters[candidate]))
                {
                    continue;
                }

                var score = UndatedStoryMerger.AverageLink(story.NewDocuments, clusters[candidate], idf);
                if (score > bestScore || (score == bestScore && candidate < best))
                {
                    (best, bestScore) = (candidate, score);
                }
            }

            if (best < 0 || bestScore < needed)
            {
                continue;
            }

            foreach (var member in story.NewDocuments)
            {
                clusters[best].Add(member, idf);
                index.Add(best, member.Keys(idf, keyIdf));
            }

            story.NewDocuments.Clear();
        }
    }

    private static int Size(StoryCluster story) => story.NewDocuments.Count + (story.Existing?.DocumentCount ?? 0);
}
