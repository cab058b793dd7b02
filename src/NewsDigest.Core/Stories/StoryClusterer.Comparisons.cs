namespace NewsDigest.Stories;

/// <summary>How documents compare with each other and with a story, outside a grouping: for tests, tuning and <c>eval stories</c>.</summary>
internal sealed partial class StoryClusterer
{
    /// <summary>The components of the similarity of two single documents, for tests and tuning.</summary>
    internal static StorySimilarity Compare(StoryDocument first, StoryDocument second, IReadOnlyList<StoryDocument> corpus) =>
        ComparePairs(corpus, [(corpus.ToList().FindIndex(d => d.Id == first.Id), corpus.ToList().FindIndex(d => d.Id == second.Id))])[0];

    /// <summary>Similarities of pairs of documents of one corpus (indexes into it), for tests and tuning.</summary>
    internal static IReadOnlyList<StorySimilarity> ComparePairs(IReadOnlyList<StoryDocument> corpus, IEnumerable<(int First, int Second)> pairs)
    {
        var vocabulary = new StoryVocabulary();
        var all = corpus.Select(d => DocumentFeatures.Build(d, vocabulary)).ToList();
        var idf = vocabulary.InverseDocumentFrequencies();
        var results = new List<StorySimilarity>();
        foreach (var (first, second) in pairs)
        {
            var cluster = new StoryCluster(null);
            cluster.Add(all[second], idf);
            results.Add(cluster.Similarity(all[first], idf));
        }

        return results;
    }

    /// <summary>
    /// How each of <paramref name="documents"/> compares with the story made of <paramref name="story"/> (indexes into
    /// <paramref name="corpus"/>, term weights from the whole corpus): why a report stayed out of a story, or joined it.
    /// </summary>
    internal static IReadOnlyList<StorySimilarity> CompareWithStory(IReadOnlyList<StoryDocument> corpus, IReadOnlyList<int> story, IReadOnlyList<int> documents)
    {
        var vocabulary = new StoryVocabulary();
        var all = corpus.Select(d => DocumentFeatures.Build(d, vocabulary)).ToList();
        var idf = vocabulary.InverseDocumentFrequencies();
        var cluster = new StoryCluster(null);
        foreach (var member in story)
        {
            cluster.Add(all[member], idf);
        }

        return [.. documents.Select(d => cluster.Similarity(all[d], idf))];
    }
}
