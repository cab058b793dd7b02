using System.Runtime.InteropServices;
using NewsDigest.Normalization;
using static NewsDigest.Stories.StoryClusterer;

namespace NewsDigest.Stories;

internal sealed class StoryCluster(StoryProfile? existing)
{
    private readonly Dictionary<int, float> _centroid = [];
    private readonly Dictionary<int, (NamedEntity Entity, int Count)> _entities = [];
    private readonly List<StorySignature> _signatures = [];
    private readonly Dictionary<int, float> _lead = [];
    private readonly HashSet<int> _publishedDays = [];
    private readonly HashSet<int> _mentionedDays = [];
    private readonly HashSet<int> _mentionedYears = [];
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

    /// <summary>Whether any of the story's documents says when it was published.</summary>
    public bool IsDated => _firstPublished is not null;

    /// <summary>Whether one of the story's documents names <paramref name="year"/> in its text.</summary>
    public bool NamesYear(int year) => _mentionedYears.Contains(year);

    /// <summary>The year of the story's earliest publication date, if any.</summary>
    public int? FirstPublishedYear => _firstPublished?.UtcDateTime.Year;

    public static StoryCluster FromProfile(StoryProfile profile, StoryVocabulary vocabulary, float[] idf)
    {
        var cluster = new StoryCluster(profile) { _members = Math.Max(1, profile.DocumentCount) };
        foreach (var (term, weight) in profile.Terms)
        {
            var id = vocabulary.Id(term);
            if (id < idf.Length)
            {
                cluster._centroid[id] = weight * cluster._members;
            }
        }

        foreach (var entity in profile.Entities)
        {
            var id = vocabulary.Id(EntityTerm(entity.Name));
            if (id < idf.Length)
            {
                cluster._entities[id] = (new NamedEntity(entity.Name, entity.Kind), entity.Count);
                cluster._entitySquares += Math.Pow(idf[id] * (double)entity.Count, 2);
            }
        }

        foreach (var (term, weight) in profile.LeadTerms)
        {
            var id = vocabulary.Id(term);
            if (id < idf.Length)
            {
                cluster._lead[id] = weight * cluster._members;
            }
        }

        cluster._publishedDays.UnionWith(profile.PublishedDays);
        cluster._mentionedDays.UnionWith(profile.MentionedDays);
        cluster._mentionedYears.UnionWith(profile.MentionedYears);
        cluster._signatures.AddRange(profile.Signatures);
        // A remembered story is dated only when its documents said when they were published, as within one grouping.
        if (profile.PublishedDays.Count > 0)
        {
            cluster._firstPublished = profile.FirstSeen;
            cluster._lastPublished = profile.LastSeen;
        }
        return cluster;
    }

    public IEnumerable<long> Keys(float[] idf, float keyIdf)
    {
        foreach (var signature in _signatures)
        {
            var values = signature.Signature.Values;
            for (var band = 0; band + RowsPerBand <= values.Count; band += RowsPerBand)
            {
                yield return long.MinValue + ((long)band << 32) + (uint)HashCode.Combine(values[band], values[band + 1]);
            }
        }

        foreach (var (id, _) in _centroid.Where(t => idf[t.Key] <= keyIdf).OrderByDescending(t => t.Value * idf[t.Key]).Take(DistinctiveTermsPerDocument * 2))
        {
            yield return id;
        }

        foreach (var (id, _) in _entities.Where(e => idf[e.Key] <= keyIdf).OrderByDescending(e => e.Value.Count * idf[e.Key]).Take(DistinctiveNamesPerDocument * 2))
        {
            yield return id;
        }
    }

    public void Add(DocumentFeatures document, float[] idf)
    {
        NewDocuments.Add(document);
        _members++;
        for (var i = 0; i < document.TermIds.Length; i++)
        {
            _centroid[document.TermIds[i]] = _centroid.GetValueOrDefault(document.TermIds[i]) + document.TermWeights[i];
        }

        for (var i = 0; i < document.LeadIds.Length; i++)
        {
            _lead[document.LeadIds[i]] = _lead.GetValueOrDefault(document.LeadIds[i]) + document.LeadWeights[i];
        }

        Trim(_centroid, MaxCentroidTerms, idf);
        Trim(_lead, MaxLeadTerms, idf);
        _publishedDays.UnionWith(document.PublishedDays);
        _mentionedDays.UnionWith(document.MentionedDays);
        _mentionedYears.UnionWith(document.MentionedYears);

        for (var i = 0; i < document.Entities.Count; i++)
        {
            var entity = document.Entities[i];
            var id = document.EntityIds[i];
            var count = _entities.TryGetValue(id, out var known) ? known.Count : 0;
            _entities[id] = count > 0
                ? (known.Entity.Kind == EntityKind.Other ? entity : known.Entity, count + 1)
                : (entity, 1);
            _entitySquares += (double)idf[id] * idf[id] * ((2 * count) + 1);
        }

        _signatures.Add(new StorySignature(document.Document.Signature, document.Shingles));
        if (_signatures.Count > MaxSignaturesPerStory)
        {
            _signatures.RemoveAt(0);
        }

        if (document.Document.Published is { } published)
        {
            _firstPublished = _firstPublished is null || published < _firstPublished ? published : _firstPublished;
            _lastPublished = _lastPublished is null || published > _lastPublished ? published : _lastPublished;
        }

        _norm = null;
        _leadNorm = null;
    }

    private static void Trim(Dictionary<int, float> vector, int size, float[] idf)
    {
        if (vector.Count <= size * 2)
        {
            return;
        }

        // The weakest terms go, in order of weight, ties in the dictionary's order (as a stable sort gives them), and
        // are removed in that order: the dictionary then reuses its free slots as it always did, so its order is unchanged.
        var count = vector.Count;
        var ids = System.Buffers.ArrayPool<int>.Shared.Rent(count);
        var weights = System.Buffers.ArrayPool<float>.Shared.Rent(count);
        var order = System.Buffers.ArrayPool<int>.Shared.Rent(count);
        var i = 0;
        foreach (var (id, weight) in vector)
        {
            ids[i] = id;
            weights[i] = weight * idf[id];
            order[i] = i;
            i++;
        }

        order.AsSpan(0, count).Sort((a, b) => weights[a] != weights[b] ? weights[a].CompareTo(weights[b]) : a.CompareTo(b));
        for (var w = 0; w < count - size; w++)
        {
            vector.Remove(ids[order[w]]);
        }

        System.Buffers.ArrayPool<int>.Shared.Return(order);
        System.Buffers.ArrayPool<float>.Shared.Return(weights);
        System.Buffers.ArrayPool<int>.Shared.Return(ids);
    }

    private static double Cosine(int[] ids, float[] weights, Dictionary<int, float> centroid, ref double? centroidNorm, float[] idf)
    {
        double dot = 0;
        double norm = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            var weight = weights[i] * idf[ids[i]];
            norm += weight * weight;
            if (centroid.TryGetValue(ids[i], out var other))
            {
                dot += weight * other * idf[ids[i]];
            }
        }

        centroidNorm ??= Norm(centroid, idf);
        return norm == 0 || centroidNorm == 0 ? 0 : dot / (Math.Sqrt(norm) * centroidNorm.Value);
    }

    private static double Norm(Dictionary<int, float> centroid, float[] idf)
    {
        // Summed in the dictionary's order, as before: the same rounding, so the same decisions.
        double sum = 0;
        foreach (var (id, weight) in centroid)
        {
            sum += (double)weight * idf[id] * weight * idf[id];
        }

        return Math.Sqrt(sum);
    }

    public StorySimilarity Similarity(DocumentFeatures document, float[] idf)
    {
        var s = Measure(document, idf);
        return new StorySimilarity(s.Cosine, s.LeadCosine, s.Names, s.SameDay, s.Jaccard, s.IsCopy, s.Combined);
    }

    /// <summary>The combined score of <see cref="Similarity"/> alone, with nothing allocated: what the candidate search needs.</summary>
    public double Score(DocumentFeatures document, float[] idf) => Measure(document, idf).Combined;

    private Measures Measure(DocumentFeatures document, float[] idf)
    {
        var jaccard = 0.0;
        foreach (var signature in _signatures)
        {
            if (AreCopies(document.Document.Signature, document.Shingles, signature.Signature, signature.Shingles, out var j))
            {
                return new Measures(1, 1, 1, true, j, true, 1 + j);
            }

            jaccard = Math.Max(jaccard, j);
        }

        var cosine = Cosine(document.TermIds, document.TermWeights, _centroid, ref _norm, idf);
        var leadCosine = Cosine(document.LeadIds, document.LeadWeights, _lead, ref _leadNorm, idf);
        // Naming the same day supports lexical evidence but cannot replace it: most of a day's news names the same days.
        var sameDay = cosine >= DayEvidenceFloor && (EventDates.Overlap(document.MentionedDays, _mentionedDays)
            || EventDates.Overlap(document.MentionedDays, _publishedDays)
            || EventDates.Overlap(document.PublishedDays, _mentionedDays));

        double entityDot = 0;
        double entityDocumentNorm = 0;
        foreach (var id in document.EntityIds)
        {
            var weight = idf[id];
            entityDocumentNorm += weight * weight;
            if (_entities.TryGetValue(id, out var known))
            {
                entityDot += weight * idf[id] * known.Count / _members;
            }
        }

        var entityNorm = Math.Sqrt(_entitySquares) / _members;
        var names = entityDocumentNorm == 0 || entityNorm == 0 ? 0 : entityDot / (Math.Sqrt(entityDocumentNorm) * entityNorm);

        var combined = (Weights.Cosine * cosine) + (Weights.Lead * leadCosine) + (Weights.Names * names) + (sameDay ? Weights.SameDay : 0);
        if (document.Document.Published is null && IsDated && document.MentionedDays.Length > 0
            && !EventDates.Overlap(document.MentionedDays, _publishedDays) && !EventDates.Overlap(document.MentionedDays, _mentionedDays))
        {
            // An undated report whose own days ("Dec. 17") are none of the story's days tells of another occasion.
            combined *= OtherDaysFactor;
        }

        if (_members >= 2 && HeadlineNamesSomeoneElse(document))
        {
            // Same kind of event, someone else: "Pierre Thomas on injured reserve" is not "Reggie Bush's season over".
            combined *= HeadlineStrangerFactor;
        }

        if (document.Document.Published is { } published && _firstPublished is { } first && _lastPublished is { } last)
        {
            var gap = published < first ? first - published : published > last ? published - last : TimeSpan.Zero;
            // One development is reported within days; months apart it is a different development.
            combined *= DateDamping(gap);
        }

        return new Measures(cosine, leadCosine, names, sameDay, jaccard, false, combined);
    }

    private readonly record struct Measures(double Cosine, double LeadCosine, double Names, bool SameDay, double Jaccard, bool IsCopy, double Combined);

    /// <summary>Whether the headline names a person none of the story's documents mention.</summary>
    private bool HeadlineNamesSomeoneElse(DocumentFeatures document)
    {
        foreach (var id in document.HeadlinePeople)
        {
            if (!_entities.ContainsKey(id))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Reports of one development come within days; follow-ups (a trial, a recovery) within months; a year apart it is
    /// another development of the same kind. The damping grows with the gap rather than cutting at one.
    /// </summary>
    internal static double DateDamping(TimeSpan gap) =>
        gap <= TimeSpan.FromDays(7) ? 1.0 : gap <= TimeSpan.FromDays(120) ? 0.8 : gap <= TimeSpan.FromDays(365) ? 0.5 : 0.2;

    public StoryGroup ToGroup(StoryVocabulary vocabulary)
    {
        var documents = NewDocuments.Select(d => d.Document).ToList();
        var articles = GroupCopies(NewDocuments);
        var terms = _centroid
            .OrderByDescending(t => t.Value)
            .Take(MaxCentroidTerms)
            .ToDictionary(t => vocabulary.Term(t.Key), t => t.Value / _members, StringComparer.Ordinal);
        var lead = _lead
            .OrderByDescending(t => t.Value)
            .Take(MaxLeadTerms)
            .ToDictionary(t => vocabulary.Term(t.Key), t => t.Value / _members, StringComparer.Ordinal);
        var entities = _entities.Values
            .OrderByDescending(e => e.Count)
            .Take(60)
            .Select(e => new StoryEntity(e.Entity.Name, e.Entity.Kind, e.Count))
            .ToList();
        var newEntities = MostMentioned(NewDocuments);
        var times = documents.Select(d => d.EventTime).ToList();
        var first = Existing is null ? times.Min() : Min(Existing.FirstSeen, times.Min());
        var last = Existing is null ? times.Max() : Max(Existing.LastSeen, times.Max());
        var profile = new StoryProfile(
            Existing?.Id ?? StoryId(documents[0]),
            Existing?.Headline ?? documents[0].Title,
            first,
            last,
            (Existing?.DocumentCount ?? 0) + documents.Count,
            terms,
            lead,
            entities,
            [.. _signatures],
            [.. _publishedDays],
            [.. _mentionedDays],
            [.. _mentionedYears],
            Existing?.SaidSentences ?? []);
        return new StoryGroup(Existing, documents, articles, newEntities, profile);
    }

    /// <summary>
    /// The names the documents mention, most mentioned first (ties in order of first mention), each as first mentioned
    /// with a kind other than <see cref="EntityKind.Other"/> if any mention has one. One pass, no grouping of every mention.
    /// </summary>
    private static List<NamedEntity> MostMentioned(List<DocumentFeatures> documents)
    {
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<(NamedEntity Entity, int Count, int First)>();
        foreach (var document in documents)
        {
            foreach (var entity in document.Entities)
            {
                ref var position = ref CollectionsMarshal.GetValueRefOrAddDefault(positions, entity.Key, out var known);
                if (!known)
                {
                    position = names.Count;
                    names.Add((entity, 1, names.Count));
                    continue;
                }

                var (chosen, count, first) = names[position];
                names[position] = (chosen.Kind == EntityKind.Other && entity.Kind != EntityKind.Other ? entity : chosen, count + 1, first);
            }
        }

        names.Sort(static (a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : a.First.CompareTo(b.First));
        var result = new List<NamedEntity>(names.Count);
        foreach (var (entity, _, _) in names)
        {
            result.Add(entity);
        }

        return result;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static string StoryId(StoryDocument first)
    {
        var id = new string(first.Id.Where(char.IsAsciiLetterOrDigit).ToArray());
        return "s" + (id.Length > 40 ? id[..40] : id);
    }

    private static List<IReadOnlyList<StoryDocument>> GroupCopies(List<DocumentFeatures> documents)
    {
        var parent = Enumerable.Range(0, documents.Count).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        for (var i = 0; i < documents.Count; i++)
        {
            for (var j = i + 1; j < documents.Count && j < i + 64; j++)
            {
                if (AreCopies(documents[i].Document.Signature, documents[i].Shingles, documents[j].Document.Signature, documents[j].Shingles, out _))
                {
                    parent[Find(j)] = Find(i);
                }
            }
        }

        return [.. Enumerable.Range(0, documents.Count)
            .GroupBy(Find)
            .Select(g => (IReadOnlyList<StoryDocument>)[.. g.Select(i => documents[i].Document)])];
    }
}
