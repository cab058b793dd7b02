using System.Runtime.InteropServices;
using NewsDigest.Normalization;
using static NewsDigest.Stories.StoryClusterer;

namespace NewsDigest.Stories;

/// <summary>A story being grouped: its term, lead and name vectors, its days, its signatures and its new documents.</summary>
internal sealed partial class StoryCluster(StoryProfile? existing, CentroidStore? store = null)
{
    private readonly CentroidMap _centroid = new(store);
    private readonly Dictionary<int, (NamedEntity Entity, int Count)> _entities = [];
    private readonly List<StorySignature> _signatures = [];
    // The signatures' values (null when not an array) and shingle counts, in the order of _signatures: the copy check
    // reads them without going through two objects per signature, and the stories it weighs are mostly out of cache.
    private (uint[]? Values, int Shingles)[] _signatureValues = [];
    private readonly CentroidMap _lead = new(store);
    private SmallSet _publishedDays;
    private SmallSet _mentionedDays;
    private SmallSet _mentionedYears;
    private double? _norm;
    private double? _leadNorm;
    // Σ (idf · documents naming it)² over the story's names, kept as names are added: a story gathers thousands of
    // names, and summing them again after every new document made large stories cost more per document.
    private double _entitySquares;
    private int _members;
    private DateTimeOffset? _firstPublished;
    private DateTimeOffset? _lastPublished;

    public StoryProfile? Existing { get; } = existing;

    public List<DocumentFeatures> NewDocuments { get; } = [];

    /// <summary>How many of the story's reports name each person, kept as it grows (<see cref="StoryPeople"/>).</summary>
    internal StoryPeople.Counts? People { get; set; }

    /// <summary>Whether any of the story's documents says when it was published.</summary>
    public bool IsDated => _firstPublished is not null;

    /// <summary>Whether one of the story's documents names <paramref name="year"/> in its text.</summary>
    public bool NamesYear(int year) => _mentionedYears.Contains(year);

    /// <summary>The year of the story's earliest publication date, if any.</summary>
    public int? FirstPublishedYear => _firstPublished?.UtcDateTime.Year;

    public IEnumerable<long> Keys(float[] idf, float keyIdf)
    {
        foreach (var signature in _signatures)
        {
            var values = signature.Signature.Values;
            for (var band = 0; band + RowsPerBand <= values.Count; band += RowsPerBand)
            {
                yield return DocumentFeatures.BandKey(band, values[band], values[band + 1]);
            }
        }

        var terms = new List<(float Weight, int Position, int Id)>(_centroid.Count);
        foreach (var (id, weight) in _centroid)
        {
            if (idf[id] <= keyIdf)
            {
                terms.Add((weight * idf[id], terms.Count, id));
            }
        }

        foreach (var id in Strongest(terms, DistinctiveTermsPerDocument * 2))
        {
            yield return id;
        }

        var names = new List<(float Weight, int Position, int Id)>(_entities.Count);
        foreach (var (id, (_, count)) in _entities)
        {
            if (idf[id] <= keyIdf)
            {
                names.Add((count * idf[id], names.Count, id));
            }
        }

        foreach (var id in Strongest(names, DistinctiveNamesPerDocument * 2))
        {
            yield return id;
        }
    }

    /// <summary>The ids of the <paramref name="count"/> heaviest entries, ties in their original order (as a stable sort gives them).</summary>
    private static List<int> Strongest(List<(float Weight, int Position, int Id)> ranked, int count)
    {
        ranked.Sort(static (a, b) => a.Weight != b.Weight ? b.Weight.CompareTo(a.Weight) : a.Position.CompareTo(b.Position));
        var ids = new List<int>(Math.Min(count, ranked.Count));
        for (var i = 0; i < ranked.Count && i < count; i++)
        {
            ids.Add(ranked[i].Id);
        }

        return ids;
    }

    public void Add(DocumentFeatures document, float[] idf)
    {
        if (_centroid.Count == 0)
        {
            // Most stories hold one document: sized for it at once rather than grown step by step. The capacity does
            // not change the dictionaries' order, so every sum over them is the same.
            _centroid.EnsureCapacity(document.TermIds.Length);
            _lead.EnsureCapacity(document.LeadIds.Length);
            _entities.EnsureCapacity(document.EntityIds.Length);
        }

        NewDocuments.Add(document);
        _members++;
        // One look-up per term: a new term enters at 0 and gets its weight, as the read-then-write did.
        for (var i = 0; i < document.TermIds.Length; i++)
        {
            _centroid.GetValueRefOrAddDefault(document.TermIds[i]) += document.TermWeights[i];
        }

        for (var i = 0; i < document.LeadIds.Length; i++)
        {
            _lead.GetValueRefOrAddDefault(document.LeadIds[i]) += document.LeadWeights[i];
        }

        Trim(_centroid, MaxCentroidTerms, idf);
        Trim(_lead, MaxLeadTerms, idf);
        _publishedDays.AddAll(document.PublishedDays);
        _mentionedDays.AddAll(document.MentionedDays);
        _mentionedYears.AddAll(document.MentionedYears);

        for (var i = 0; i < document.Entities.Count; i++)
        {
            var entity = document.Entities[i];
            var id = document.EntityIds[i];
            ref var known = ref CollectionsMarshal.GetValueRefOrAddDefault(_entities, id, out var exists);
            var count = exists ? known.Count : 0;
            known = count > 0
                ? (known.Entity.Kind == EntityKind.Other ? entity : known.Entity, count + 1)
                : (entity, 1);
            _entitySquares += (double)idf[id] * idf[id] * ((2 * count) + 1);
        }

        AddSignature(new StorySignature(document.Document.Signature, document.Shingles));

        if (document.Document.Published is { } published)
        {
            _firstPublished = _firstPublished is null || published < _firstPublished ? published : _firstPublished;
            _lastPublished = _lastPublished is null || published > _lastPublished ? published : _lastPublished;
        }

        _norm = null;
        _leadNorm = null;
    }

    /// <summary>Keeps the signature among the story's <see cref="MaxSignaturesPerStory"/> most recent ones.</summary>
    private void AddSignature(StorySignature signature)
    {
        AppendSignature(signature);
        if (_signatures.Count > MaxSignaturesPerStory)
        {
            _signatures.RemoveAt(0);
            Array.Copy(_signatureValues, 1, _signatureValues, 0, _signatures.Count);
            _signatureValues[_signatures.Count] = default;
        }
    }

    private void AppendSignature(StorySignature signature)
    {
        _signatures.Add(signature);
        if (_signatureValues.Length < _signatures.Count)
        {
            Array.Resize(ref _signatureValues, Math.Max(2, _signatureValues.Length * 2));
        }

        _signatureValues[_signatures.Count - 1] = (signature.Signature.Values as uint[], signature.Shingles);
    }

    private static void Trim(CentroidMap vector, int size, float[] idf)
    {
        if (vector.Count <= size * 2)
        {
            return;
        }

        // The weakest terms go, in order of weight, ties in the dictionary's order (as a stable sort gives them), and
        // are removed in that order: the dictionary then reuses its free slots as it always did, so its order is unchanged.
        var count = vector.Count;
        var ids = System.Buffers.ArrayPool<int>.Shared.Rent(count);
        var order = System.Buffers.ArrayPool<long>.Shared.Rent(count);
        var i = 0;
        foreach (var (id, weight) in vector)
        {
            ids[i] = id;
            order[i] = RankKey.LightestFirst(weight * idf[id], i);
            i++;
        }

        order.AsSpan(0, count).Sort();
        for (var w = 0; w < count - size; w++)
        {
            vector.Remove(ids[RankKey.Position(order[w])]);
        }

        System.Buffers.ArrayPool<long>.Shared.Return(order);
        System.Buffers.ArrayPool<int>.Shared.Return(ids);
    }
}
