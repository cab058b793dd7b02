using System.Runtime.InteropServices;
using NewsDigest.Normalization;
using static NewsDigest.Stories.StoryClusterer;

namespace NewsDigest.Stories;

internal sealed class StoryVocabulary
{
    private const double SmallCorpus = 20;

    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _terms = [];
    private readonly List<int> _documentFrequency = [];
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _spanIds;
    private int _documents;

    /// <summary>Starts from the statistics of earlier digests: their documents count as if they were in this window.</summary>
    public void Seed(TermStatistics earlier)
    {
        _documents += (int)Math.Min(int.MaxValue / 2, earlier.Documents);
        foreach (var (term, frequency) in earlier.Frequencies)
        {
            _documentFrequency[Id(term)] += frequency;
        }
    }

    /// <summary>The statistics to carry to the next digest: the most used terms, halved once there are too many documents.</summary>
    public TermStatistics ToStatistics()
    {
        var halve = _documents > TermStatistics.HalvingAfter;
        var ids = new List<int>(_terms.Count);
        for (var id = 0; id < _terms.Count; id++)
        {
            if (_documentFrequency[id] > (halve ? 1 : 0))
            {
                ids.Add(id);
            }
        }

        if (ids.Count > TermStatistics.MaximumTerms)
        {
            // Most used first, ties by term, so that what is kept never depends on the order terms were first seen.
            ids.Sort((a, b) => _documentFrequency[a] != _documentFrequency[b]
                ? _documentFrequency[b].CompareTo(_documentFrequency[a])
                : string.CompareOrdinal(_terms[a], _terms[b]));
            ids.RemoveRange(TermStatistics.MaximumTerms, ids.Count - TermStatistics.MaximumTerms);
        }

        var frequencies = new Dictionary<string, int>(ids.Count, StringComparer.Ordinal);
        foreach (var id in ids)
        {
            frequencies[_terms[id]] = halve ? _documentFrequency[id] / 2 : _documentFrequency[id];
        }

        return new TermStatistics(halve ? _documents / 2 : _documents, frequencies);
    }

    public StoryVocabulary() => _spanIds = _ids.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Buffers that building one document's features reuses for the next (one grouping runs on one thread).</summary>
    internal DocumentFeatureBuffers Buffers { get; } = new();

    /// <summary>The id of a term the vocabulary already has. Only reads, so threads may look up together while nothing adds.</summary>
    public bool TryGetId(ReadOnlySpan<char> term, out int id) => _spanIds.TryGetValue(term, out id);

    /// <summary>The id of a term given as characters: a string is made only the first time the term is seen.</summary>
    public int Id(ReadOnlySpan<char> term)
    {
        if (_spanIds.TryGetValue(term, out var id))
        {
            return id;
        }

        return Id(term.ToString());
    }

    public int Id(string term)
    {
        if (!_ids.TryGetValue(term, out var id))
        {
            id = _terms.Count;
            _ids[term] = id;
            _terms.Add(term);
            _documentFrequency.Add(0);
        }

        return id;
    }

    public string Term(int id) => _terms[id];

    /// <summary>Counts a document's terms and names once each (a name's id is never a word's id).</summary>
    public void CountDocument(int[] termIds, int[] entityIds)
    {
        _documents++;
        foreach (var id in termIds)
        {
            _documentFrequency[id]++;
        }

        for (var i = 0; i < entityIds.Length; i++)
        {
            if (Array.IndexOf(entityIds, entityIds[i], 0, i) < 0)
            {
                _documentFrequency[entityIds[i]]++;
            }
        }
    }

    public void CountDocument(IEnumerable<int> distinctIds)
    {
        _documents++;
        foreach (var id in distinctIds)
        {
            _documentFrequency[id]++;
        }
    }

    public void CountStory(StoryProfile story)
    {
        CountDocument(story.Terms.Keys.Select(Id).Concat(story.Entities.Select(e => Id(EntityTerm(e.Name)))).Distinct());
    }

    public float[] InverseDocumentFrequencies()
    {
        var idf = new float[_terms.Count];
        var floor = WordFloor;
        for (var i = 0; i < idf.Length; i++)
        {
            // With many documents a word most of them use should weigh next to nothing, or a large story's centroid
            // fills up with such words and attracts unrelated documents. With few documents the counts say little,
            // so every word keeps a floor weight (the usual "+ 1"), which fades as the corpus grows.
            idf[i] = (float)(Math.Log((_documents + 1.0) / (_documentFrequency[i] + 0.5)) + floor);
        }

        return idf;
    }

    /// <summary>The inverse document frequency of a term two documents share: keys above it match nothing else.</summary>
    /// <summary>The weight every word keeps on top of its inverse document frequency: 1 in a tiny window, near 0 in a large one.</summary>
    public double WordFloor => FloorFor(_documents);

    public static double FloorFor(int documents) => Math.Min(1.0, SmallCorpus / Math.Max(1.0, documents));

    public float SharedTermIdf() => (float)(Math.Log((_documents + 1.0) / 2.5) + Math.Min(1.0, SmallCorpus / Math.Max(1.0, _documents)) + 1e-4);

    public Func<string, double> ToIdfLookup(float[] idf)
    {
        var maximum = Math.Log((_documents + 1.0) / 1.5) + Math.Min(1.0, SmallCorpus / Math.Max(1.0, _documents));
        return term => _ids.TryGetValue(term, out var id) && id < idf.Length ? idf[id] : maximum;
    }
}
