namespace NewsDigest.Stories;

/// <summary>
/// The second pass over stories: each new story of undated reports is weighed as a whole against the dated stories
/// its reports point to, and joins the closest when the reports agree with it on average (average link) and nothing
/// they say about their "when" contradicts it.
/// </summary>
/// <remarks>
/// Undated reports first gather among themselves: one alone brings no "when" and too little "who", so a report of
/// an older event of the same kind would join the dated story on topic words. Together they name more people,
/// days and years, and a story whose reports name no year later than 2008 is not the story dated 2013.
/// </remarks>
internal static class UndatedStoryMerger
{
    /// <summary>Minimum average-link score for a story of several undated reports to join a dated story.</summary>
    internal static double GroupThreshold { get; set; } = 0.3;

    /// <summary>How far under the mean needed a bounded score stops: a mean equal to the one needed still counts.</summary>
    private const double NeededMargin = 1e-9;

    public static void MergeIntoDated(List<StoryCluster> clusters, StoryKeyIndex index, float[] idf, float keyIdf, double sameStory)
    {
        if (!clusters.Any(c => c.IsDated))
        {
            return;
        }

        var search = new StoryCandidates();
        var vectors = new ReportVectors();
        var candidates = new List<int>();
        var count = clusters.Count;
        for (var c = 0; c < count; c++)
        {
            var story = clusters[c];
            if (story.IsDated || story.Existing is not null || story.NewDocuments.Count == 0)
            {
                continue;
            }

            candidates.Clear();
            vectors.Forget();
            foreach (var member in story.NewDocuments)
            {
                var (best, _) = StoryClusterer.FindBest(member, clusters, index, idf, keyIdf, search, dated: true);
                if (best >= 0 && !candidates.Contains(best))
                {
                    candidates.Add(best);
                }
            }

            var (target, score) = (-1, 0.0);
            foreach (var candidate in candidates)
            {
                if (StoryPeople.AreAboutOthers(story, clusters[candidate]))
                {
                    continue;
                }

                var linked = AverageLink(story.NewDocuments, clusters[candidate], idf, vectors) * WhenFactor(story.NewDocuments, clusters[candidate]);
                // Ties go to the earlier story, so the result never depends on the order of the candidates.
                if (linked > score || (linked == score && candidate < target))
                {
                    (target, score) = (candidate, linked);
                }
            }

            // A lone report that resembles no other undated one has no other home than a dated story, and joins on the
            // evidence any report needs; several undated reports that resemble each other may well be a development of
            // their own, and need more to join one.
            var needed = story.NewDocuments.Count == 1 ? sameStory : Math.Max(sameStory, GroupThreshold);
            if (target < 0 || score < needed)
            {
                continue;
            }

            foreach (var member in story.NewDocuments)
            {
                clusters[target].Add(member, idf);
                index.Add(target, member.Keys(idf, keyIdf));
            }

            story.NewDocuments.Clear();
        }
    }

    /// <summary>
    /// The mean similarity of the reports to the story, with their weighted terms from <paramref name="vectors"/>. When the
    /// caller only takes a mean of at least <paramref name="needed"/>, each report's score is measured in full only while
    /// the mean can still reach that; otherwise what is returned is below <paramref name="needed"/>, as the full mean would be.
    /// </summary>
    internal static double AverageLink(
        List<DocumentFeatures> members, StoryCluster dated, float[] idf, ReportVectors vectors, double needed = double.NegativeInfinity)
    {
        var weighted = vectors.Of(members, idf);
        var count = members.Count;
        var sum = 0.0;
        for (var m = 0; m < count; m++)
        {
            var (terms, lead) = weighted[m];
            var later = count - m - 1;
            // What this report must score for the mean to reach the one needed, every later report scoring the most
            // a capped score can (1): at or under it, the mean cannot, and the measures stop short.
            var toBeat = (needed * count) - sum - later - NeededMargin;
            // A copy scores above 1; capped, so that one copy cannot carry unrelated reports in with it.
            var score = Math.Min(1.0, dated.ScoreAbove(members[m], idf, terms, lead, toBeat));
            sum += score;
            if (score <= toBeat)
            {
                // Under the one needed by the margin at least, as the full mean is.
                return (sum + later) / count;
            }
        }

        return sum / count;
    }

    /// <summary>
    /// What the undated reports' years say of the dated story: they were written in or after the latest year they name,
    /// so when that year is two or more before the story's first report and the story's own reports never name it, they
    /// tell of an older event of the same kind (a dated story naming that year may be looking back at the same one).
    /// </summary>
    internal static double WhenFactor(List<DocumentFeatures> members, StoryCluster dated, StoryProfile? earlier = null)
    {
        var latest = members.Max(m => m.LatestMentionedYear);
        if (earlier is not null && earlier.MentionedYears.Count > 0)
        {
            // The undated story's reports from earlier digests count as much as those of this one.
            latest = Math.Max(latest, earlier.MentionedYears.Max());
        }

        return latest > 0 && dated.FirstPublishedYear is { } year && latest < year - 1 && !dated.NamesYear(latest)
            ? StoryClusterer.YearsApartFactor
            : 1.0;
    }
}
