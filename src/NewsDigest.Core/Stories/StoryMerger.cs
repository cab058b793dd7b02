namespace NewsDigest.Stories;

/// <summary>
/// The pass over stories after the single pass over documents: a story is weighed as a whole against the larger
/// stories its reports were weighed against in that pass (<see cref="StoryNeighbours"/>), and joins the closest when
/// its reports agree with it on average (average link).
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
    /// <summary>How many of a story's neighbours (the most often met first) are weighed against it.</summary>
    private const int Candidates = 4;

    public static void Merge(List<StoryCluster> clusters, StoryNeighbours neighbours, float[] idf, double sameStory)
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
        var met = new Dictionary<int, int>();
        var vectors = new ReportVectors();
        var closest = new List<(int Times, int Story)>();
        foreach (var c in order)
        {
            var story = clusters[c];
            if (story.NewDocuments.Count == 0)
            {
                continue;
            }

            neighbours.Closest(c, met, closest);
            vectors.Forget();
            var (best, bestScore) = (-1, 0.0);
            var weighed = 0;
            foreach (var (_, candidate) in closest)
            {
                var target = clusters[candidate];
                if (target.IsDated != story.IsDated || Size(target) < story.NewDocuments.Count
                    || (target.NewDocuments.Count == 0 && target.Existing is null))
                {
                    continue;
                }

                if (weighed++ == Candidates)
                {
                    break;
                }

                // Only a mean of at least the threshold, and at least the best so far, can be chosen.
                var score = UndatedStoryMerger.AverageLink(story.NewDocuments, target, idf, vectors, Math.Max(sameStory, bestScore));
                // Who the stories are about is asked only of a story that could be chosen: most candidates fall short.
                if (score >= sameStory && (score > bestScore || (score == bestScore && candidate < best)) && !StoryPeople.AreAboutOthers(story, target))
                {
                    (best, bestScore) = (candidate, score);
                }
            }

            if (best < 0 || bestScore < sameStory)
            {
                continue;
            }

            foreach (var member in story.NewDocuments)
            {
                clusters[best].Add(member, idf);
            }

            story.NewDocuments.Clear();
            neighbours.Merge(c, best);
        }
    }

    private static int Size(StoryCluster story) => story.NewDocuments.Count + (story.Existing?.DocumentCount ?? 0);
}
