using System.Runtime.InteropServices;
using NewsDigest.Normalization;

namespace NewsDigest.Stories;

/// <summary>
/// Groups documents into stories in one pass, oldest first, in time that grows linearly with the documents:
/// each document is compared only with the stories its near-duplicate signature bands (MinHash LSH), its most
/// distinctive terms or its rarest names point to (a bounded number per key), never with every other document.
/// </summary>
/// <remarks>
/// A document joins a story when it is a copy of one of the story's documents (estimated Jaccard or containment
/// of shingles: syndicated copies, excerpts, light rewrites) or when it is about the same development: TF-IDF cosine
/// against the story's centroid and overlap of the names it mentions, damped when the publication dates are far
/// apart (more the further) and when the headline names a person the story never mentions. An undated document needs
/// more evidence to join a dated story, since it brings no "when". Documents are taken in publication order and
/// undated ones by id, never by arrival, so the upload order does not change the stories. Stories from earlier
/// digests are seeded first, so a new document about an ongoing story updates it.
/// </remarks>
internal sealed partial class StoryClusterer
{
    /// <summary>How much each signal weighs in the "same development" score.</summary>
    internal static (double Cosine, double Lead, double Names, double SameDay) Weights { get; set; } = (0.35, 0.25, 0.25, 0.15);

    /// <summary>Minimum combined similarity for "same development" in a large window (hundreds of documents or more).</summary>
    public const double SameStoryThreshold = 0.11;

    /// <summary>
    /// The same minimum in a window of a handful of documents, where every word keeps a floor weight and common words
    /// raise every similarity; between the two sizes the threshold moves with that floor.
    /// </summary>
    public const double SmallWindowThreshold = 0.24;

    /// <summary>Minimum combined similarity for an undated document to join a story whose documents are dated.</summary>
    public const double UndatedThreshold = 0.28;

    /// <summary>What the score keeps when the headline names a person the story never mentions.</summary>
    internal const double HeadlineStrangerFactor = 0.5;

    /// <summary>What a story-to-story score keeps when the undated reports name no year later than two years before the dated story.</summary>
    internal const double YearsApartFactor = 0.5;

    /// <summary>What the score keeps when an undated document names days, none of them the story's.</summary>
    internal const double OtherDaysFactor = 0.5;

    internal const double DayEvidenceFloor = 0.15;

    internal const int RowsPerBand = 2;
    internal const int ClustersPerKey = 16;
    internal const int DistinctiveTermsPerDocument = 16;
    internal const int DistinctiveNamesPerDocument = 8;
    internal const int MaxCandidates = 8;
    internal const int MaxCentroidTerms = 150;
    internal const int MaxLeadTerms = 60;
    internal const int MaxSignaturesPerStory = 8;
    internal const int LeadWords = 60;

    /// <summary>How many documents' index keys the single pass works out at a time, ahead of searching with them.</summary>
    private const int KeysAhead = 4096;

    /// <summary>Groups <paramref name="documents"/>, attaching them to <paramref name="knownStories"/> where they continue one.</summary>
    public static StoryGrouping Group(IReadOnlyList<StoryDocument> documents, IReadOnlyList<StoryProfile> knownStories) =>
        Group(documents, knownStories, null);

    /// <summary>
    /// Groups <paramref name="documents"/> as <see cref="Group(IReadOnlyList{StoryDocument}, IReadOnlyList{StoryProfile})"/>,
    /// weighing terms with the documents of earlier digests (<paramref name="earlier"/>) as well as this window's.
    /// </summary>
    public static StoryGrouping Group(IReadOnlyList<StoryDocument> documents, IReadOnlyList<StoryProfile> knownStories, TermStatistics? earlier)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(knownStories);
        var window = new StoryWindow(earlier);
        window.Add(documents);
        return window.Group(knownStories);
    }

    /// <summary>
    /// Groups the documents whose <paramref name="features"/> were read into <paramref name="vocabulary"/> (seeded
    /// with the statistics of earlier digests when <paramref name="seeded"/>), with <paramref name="knownStories"/>.
    /// </summary>
    internal static StoryGrouping Group(DocumentFeatures[] features, StoryVocabulary vocabulary, IReadOnlyList<StoryProfile> knownStories, bool seeded)
    {
        if (!seeded)
        {
            // Without the statistics of earlier digests, each known story counts as one document of what it used.
            foreach (var story in knownStories)
            {
                vocabulary.CountStory(story);
            }
        }

        var idf = vocabulary.InverseDocumentFrequencies();
        var (clusters, pass, merges) = BuildStories(features, vocabulary, knownStories, idf);
        // The stories hold all their groups are built from: the key index went with the pass, and the reports' term
        // vectors (in their stories' by now) go too, before the groups are built beside them.
        foreach (var document in features)
        {
            document.ForgetVectors();
        }

        var start = GroupingPart.Mark();
        PhaseCollector.BetweenPhases(features.Length);
        var collections = GroupingPart.Since(start);
        start = GroupingPart.Mark();
        var groups = ToGroups(clusters, vocabulary);
        var statistics = vocabulary.ToStatistics();
        return new StoryGrouping(groups, vocabulary.ToIdfLookup(idf))
        {
            Statistics = statistics,
            Times = new GroupingTimes(collections, pass, merges, GroupingPart.Since(start)),
        };
    }

    /// <summary>
    /// The stories of <paramref name="features"/> and <paramref name="knownStories"/>: the single pass, then the merges.
    /// The key index and what else only the pass reads are let go on return.
    /// </summary>
    private static (List<StoryCluster> Clusters, GroupingPart Pass, GroupingPart Merges) BuildStories(
        DocumentFeatures[] features, StoryVocabulary vocabulary, IReadOnlyList<StoryProfile> knownStories, float[] idf)
    {
        var start = GroupingPart.Mark();
        // A term only one document has cannot lead to another document: only shared terms are worth indexing.
        var keyIdf = vocabulary.SharedTermIdf();
        var sameStory = ThresholdFor(vocabulary.WordFloor);
        var clusters = new List<StoryCluster>();
        var index = new StoryKeyIndex(features.Length + knownStories.Count);
        // The stories' vectors share a few large arrays, which live as long as the stories do.
        var store = new CentroidStore();
        foreach (var story in knownStories)
        {
            var cluster = StoryCluster.FromProfile(story, vocabulary, idf, store);
            clusters.Add(cluster);
            index.Add(clusters.Count - 1, cluster.Keys(idf, keyIdf));
        }

        // Dated documents oldest first, then undated ones by id: never by arrival, so upload order cannot change the result.
        var order = Enumerable.Range(0, features.Length)
            .OrderBy(i => features[i].Document.Published ?? DateTimeOffset.MaxValue)
            .ThenBy(i => features[i].Document.Id, StringComparer.Ordinal)
            .ToArray();
        // The stories each report was weighed against: where the merge pass looks for a story's match.
        var neighbours = new StoryNeighbours();
        var weighed = new List<int>(2 * MaxCandidates);
        // Each document's keys and the people it names depend on it and the weights alone: the next block's are worked
        // out on another core while the pass reads the current block (whose documents, and earlier ones, are all it
        // reads), and keys are dropped once indexed. So two blocks' keys are held at a time, each document's in its
        // slot of its block's array, and the two arrays take turns.
        var blockLength = Math.Min(order.Length, KeysAhead) * DocumentFeatures.MaxKeys;
        long[][] keyBlocks = [new long[blockLength], new long[order.Length > KeysAhead ? blockLength : 0]];
        var reports = Array.ConvertAll(order, i => features[i]);
        Parallel.For(0, Math.Min(reports.Length, KeysAhead), p => Prepare(reports[p], keyBlocks, p, idf, keyIdf));
        Task? ahead = null;
        // The index is kept on a helper thread: it adds each report's keys once its story is chosen, and counts the
        // candidates of the report after next meanwhile, while the pass adds the report to its story and scores the next.
        using var indexer = new StoryIndexer(index, reports, idf, keyIdf);
        for (var position = 0; position < order.Length; position++)
        {
            if (position % KeysAhead == 0 && position + KeysAhead < order.Length)
            {
                // Once every report before this block is indexed, the block before it can take the next block's keys.
                indexer.Finish();
                var (next, end) = (position + KeysAhead, Math.Min(order.Length, position + (2 * KeysAhead)));
                ahead = Task.Run(() =>
                {
                    for (var p = next; p < end; p++)
                    {
                        Prepare(reports[p], keyBlocks, p, idf, keyIdf);
                    }
                });
            }

            var document = reports[position];
            // Counted with every report before this one in the index.
            var candidates = indexer.Candidates(position);
            var (best, score) = FindBest(document, clusters, idf, candidates, document.Document.Published is null ? false : null);
            weighed.Clear();
            foreach (var (_, story) in candidates.Best)
            {
                weighed.Add(story);
            }

            if (document.Document.Published is null)
            {
                // Without a date a document brings no "when": joining a dated story takes more "what" and "who", and
                // beating the undated stories; otherwise it gathers with other undated reports, and the story they
                // form is weighed against the dated stories as a whole afterwards (UndatedStoryMerger).
                // The index has not changed since the first search: its counts serve again.
                var (dated, datedScore) = FindBest(document, clusters, idf, candidates, dated: true);
                foreach (var (_, story) in candidates.Best)
                {
                    weighed.Add(story);
                }

                if (dated >= 0)
                {
                    // The years count with those of the undated reports it would otherwise gather with.
                    var gathers = best >= 0 && score >= sameStory;
                    List<DocumentFeatures> companions = gathers ? [document, .. clusters[best].NewDocuments] : [document];
                    datedScore *= UndatedStoryMerger.WhenFactor(companions, clusters[dated], gathers ? clusters[best].Existing : null);
                    if (StoryPeople.HeadlinesAnother(document, clusters[dated]))
                    {
                        // Without a "when", the "who" is what tells another occasion of the same kind of event.
                        datedScore *= HeadlineStrangerFactor;
                    }
                }

                if (dated >= 0 && datedScore >= Math.Max(UndatedThreshold, sameStory) && datedScore >= score)
                {
                    (best, score) = (dated, datedScore);
                }
            }

            StoryCluster target;
            if (best >= 0 && score >= sameStory)
            {
                target = clusters[best];
            }
            else
            {
                target = new StoryCluster(null, store);
                clusters.Add(target);
                best = clusters.Count - 1;
            }

            if ((position + 2) % KeysAhead == 0 && position + 2 < order.Length)
            {
                // The helper counts the report after next with its keys: the block they are in must be worked out.
                ahead!.Wait();
            }

            indexer.Post(position, best);
            target.Add(document, idf);
            neighbours.Record(best, CollectionsMarshal.AsSpan(weighed));
        }

        // The helper thread spins while it waits: it stops with the pass, before the work that follows.
        indexer.Finish();
        indexer.Dispose();
        var pass = GroupingPart.Since(start);
        start = GroupingPart.Mark();
        StoryMerger.Merge(clusters, neighbours, idf, sameStory);
        UndatedStoryMerger.MergeIntoDated(clusters, index, idf, keyIdf, sameStory);
        return (clusters, pass, GroupingPart.Since(start));
    }

    /// <summary>
    /// What the pass and the stories ask of a document, worked out before its turn: its keys (into its slot of the
    /// array of its block, <paramref name="position"/> in the pass) and the people it names.
    /// </summary>
    private static void Prepare(DocumentFeatures document, long[][] keyBlocks, int position, float[] idf, float keyIdf)
    {
        document.KeysInto(keyBlocks[position / KeysAhead % 2], position % KeysAhead, idf, keyIdf);
        StoryPeople.Read(document);
    }

    /// <summary>
    /// The groups of the stories with new documents, in story order. Each is built from its own story alone (the
    /// vocabulary is only read by now), so they are built in parallel, each into its own slot.
    /// </summary>
    private static StoryGroup[] ToGroups(List<StoryCluster> clusters, StoryVocabulary vocabulary)
    {
        var grown = new List<StoryCluster>(clusters.Count);
        foreach (var cluster in clusters)
        {
            if (cluster.NewDocuments.Count > 0)
            {
                grown.Add(cluster);
            }
        }

        var groups = new StoryGroup[grown.Count];
        Parallel.For(0, groups.Length, i => groups[i] = grown[i].ToGroup(vocabulary));
        return groups;
    }

    /// <summary>The "same development" threshold for a window whose words keep <paramref name="wordFloor"/> (0 to 1) of weight.</summary>
    internal static double ThresholdFor(double wordFloor) =>
        SameStoryThreshold + ((SmallWindowThreshold - SameStoryThreshold) * Math.Clamp(wordFloor, 0, 1));

    /// <summary>The "same development" threshold for a window of <paramref name="documents"/> documents.</summary>
    internal static double ThresholdFor(int documents) => ThresholdFor(StoryVocabulary.FloorFor(documents));

    /// <summary>The best story for <paramref name="document"/> among those its keys point to, and its score (-1 and 0 for none).</summary>
    internal static (int Best, double Score) FindBest(
        DocumentFeatures document,
        List<StoryCluster> clusters,
        StoryKeyIndex index,
        float[] idf,
        float keyIdf,
        StoryCandidates candidates,
        bool? dated = null)
    {
        StoryIndexer.Count(document, index, idf, keyIdf, candidates);
        return FindBest(document, clusters, idf, candidates, dated);
    }

    /// <summary>
    /// The best story for <paramref name="document"/> among the <paramref name="candidates"/> counted for it (dated
    /// ones or undated ones only when <paramref name="dated"/> says), and its score (-1 and 0 for none).
    /// </summary>
    internal static (int Best, double Score) FindBest(DocumentFeatures document, List<StoryCluster> clusters, float[] idf, StoryCandidates candidates, bool? dated)
    {
        candidates.ClearBest();
        foreach (var cluster in candidates.Touched)
        {
            if (dated is { } wanted && clusters[cluster].IsDated != wanted)
            {
                continue;
            }

            candidates.Offer(cluster);
        }

        // Most shared keys first, then the most recent story; the pairs are distinct, so the order is total.
        var best = -1;
        var bestScore = 0.0;
        foreach (var (_, candidate) in candidates.Best)
        {
            var score = clusters[candidate].ScoreAbove(document, idf, candidates.Terms, candidates.Lead, bestScore);
            if (score > bestScore)
            {
                best = candidate;
                bestScore = score;
            }
        }

        return (best, bestScore);
    }

    internal static bool AreCopies(NearDuplicateSignature a, int shinglesA, NearDuplicateSignature b, int shinglesB, out double jaccard)
    {
        jaccard = a.Similarity(b);
        return AreCopies(jaccard, shinglesA, shinglesB);
    }

    /// <summary><see cref="AreCopies(NearDuplicateSignature, int, NearDuplicateSignature, int, out double)"/> on the signatures' values.</summary>
    internal static bool AreCopies(uint[] a, int shinglesA, uint[] b, int shinglesB, out double jaccard)
    {
        jaccard = NearDuplicateSignature.Similarity(a, b);
        return AreCopies(jaccard, shinglesA, shinglesB);
    }

    private static bool AreCopies(double jaccard, int shinglesA, int shinglesB)
    {
        if (jaccard >= 0.5)
        {
            return true;
        }

        if (jaccard < 0.12 || shinglesA == 0 || shinglesB == 0)
        {
            return false;
        }

        // |A ∩ B| = J (|A| + |B|) / (1 + J): how much of the shorter document the longer one contains.
        var intersection = jaccard * (shinglesA + shinglesB) / (1 + jaccard);
        return intersection / Math.Min(shinglesA, shinglesB) >= 0.6;
    }

    internal static string EntityTerm(string name) => "@" + TextTokens.ToInvariantLower(name);

}

/// <summary>How a document compares with a story: TF-IDF cosine, name overlap, shingle Jaccard, and the verdict's score.</summary>
internal sealed record StorySimilarity(double Cosine, double LeadCosine, double Names, bool SameDay, double Jaccard, bool IsCopy, double Combined);

/// <summary>One story with new documents: the story it continues (if any), the new documents, and their copies grouped.</summary>
/// <param name="Existing">The story from an earlier digest this continues; null for a new story.</param>
/// <param name="Documents">The new documents.</param>
/// <param name="Articles">The new documents grouped into distinct articles (copies of one article together).</param>
/// <param name="Entities">Names the new documents mention, most mentioned first.</param>
/// <param name="Profile">The story as it will be remembered after this digest.</param>
internal sealed record StoryGroup(
    StoryProfile? Existing,
    IReadOnlyList<StoryDocument> Documents,
    IReadOnlyList<IReadOnlyList<StoryDocument>> Articles,
    IReadOnlyList<NamedEntity> Entities,
    StoryProfile Profile);

/// <summary>The stories of one run and the term statistics they were grouped with (for summarising).</summary>
internal sealed record StoryGrouping(IReadOnlyList<StoryGroup> Groups, Func<string, double> InverseDocumentFrequency)
{
    /// <summary>The term statistics of earlier digests and this one, to group the next digest with.</summary>
    public TermStatistics Statistics { get; init; } = TermStatistics.Empty;

    /// <summary>Where the grouping spent its time, part by part (<see cref="GroupingTimes.None"/> when not timed).</summary>
    public GroupingTimes Times { get; init; } = GroupingTimes.None;

    /// <summary>Remembered stories whose documents a regrouping moved (<see cref="StoryRegrouping"/>); empty otherwise.</summary>
    public IReadOnlyList<StoryMembershipChange> Changes { get; init; } = [];
}
