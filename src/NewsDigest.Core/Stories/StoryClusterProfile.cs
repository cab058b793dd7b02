using System.Buffers;
using System.Runtime.InteropServices;
using NewsDigest.Normalization;
using static NewsDigest.Stories.StoryClusterer;

namespace NewsDigest.Stories;

/// <summary>A story as remembered between digests: built from a profile, and turned into one after grouping.</summary>
internal sealed partial class StoryCluster
{
    public static StoryCluster FromProfile(StoryProfile profile, StoryVocabulary vocabulary, float[] idf, CentroidStore? store = null)
    {
        var cluster = new StoryCluster(profile, store) { _members = Math.Max(1, profile.DocumentCount) };
        foreach (var (term, weight) in profile.Terms)
        {
            var id = vocabulary.Id(term);
            if (id < idf.Length)
            {
                cluster._centroid.GetValueRefOrAddDefault(id) = weight * cluster._members;
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
                cluster._lead.GetValueRefOrAddDefault(id) = weight * cluster._members;
            }
        }

        cluster._publishedDays.AddAll(profile.PublishedDays);
        cluster._mentionedDays.AddAll(profile.MentionedDays);
        cluster._mentionedYears.AddAll(profile.MentionedYears);
        foreach (var signature in profile.Signatures)
        {
            cluster.AppendSignature(signature);
        }

        // A remembered story is dated only when its documents said when they were published, as within one grouping.
        if (profile.PublishedDays.Count > 0)
        {
            cluster._firstPublished = profile.FirstSeen;
            cluster._lastPublished = profile.LastSeen;
        }
        return cluster;
    }

    public StoryGroup ToGroup(StoryVocabulary vocabulary)
    {
        // Arrays rather than lists or wrappers around them: a large window builds tens of thousands of groups at once,
        // and every object in them is one more for the collector to copy as they are built.
        var documents = new StoryDocument[NewDocuments.Count];
        for (var d = 0; d < documents.Length; d++)
        {
            documents[d] = NewDocuments[d].Document;
        }

        var articles = GroupCopies(NewDocuments, documents);
        var terms = Heaviest(_centroid, MaxCentroidTerms, _members, vocabulary);
        var lead = Heaviest(_lead, MaxLeadTerms, _members, vocabulary);
        var entities = MostNamed(_entities, 60);
        var newEntities = MostMentioned(NewDocuments);
        var (first, last) = (documents[0].EventTime, documents[0].EventTime);
        foreach (var document in documents)
        {
            (first, last) = (Min(first, document.EventTime), Max(last, document.EventTime));
        }

        if (Existing is not null)
        {
            (first, last) = (Min(Existing.FirstSeen, first), Max(Existing.LastSeen, last));
        }

        var profile = new StoryProfile(
            Existing?.Id ?? StoryId(documents[0]),
            Existing?.Headline ?? documents[0].Title,
            first,
            last,
            (Existing?.DocumentCount ?? 0) + documents.Length,
            terms,
            lead,
            entities,
            _signatures.ToArray(),
            _publishedDays.Items.ToArray(),
            _mentionedDays.Items.ToArray(),
            _mentionedYears.Items.ToArray(),
            Existing?.SaidSentences ?? [])
        {
            HeadlinePeople = StoryPeople.HeadlineCounts(NewDocuments, Existing),
        };
        return new StoryGroup(Existing, documents, articles, newEntities, profile);
    }

    /// <summary>
    /// The <paramref name="size"/> heaviest terms of <paramref name="vector"/>, heaviest first, ties in the vector's
    /// order (as a stable sort gives them), each weight divided by <paramref name="members"/>.
    /// </summary>
    private static RankedTerms Heaviest(CentroidMap vector, int size, int members, StoryVocabulary vocabulary)
    {
        var count = vector.Count;
        var order = ArrayPool<long>.Shared.Rent(count);
        var ids = ArrayPool<int>.Shared.Rent(count);
        var i = 0;
        foreach (var (id, weight) in vector)
        {
            order[i] = RankKey.HeaviestFirst(weight, i);
            ids[i] = id;
            i++;
        }

        var ranked = order.AsSpan(0, count);
        ranked.Sort();
        var kept = Math.Min(size, count);
        var terms = new string[kept];
        var weights = new float[kept];
        for (var r = 0; r < kept; r++)
        {
            var position = RankKey.Position(ranked[r]);
            var id = ids[position];
            terms[r] = vocabulary.Term(id);
            vector.TryGetValue(id, out var weight);
            weights[r] = weight / members;
        }

        ArrayPool<int>.Shared.Return(ids);
        ArrayPool<long>.Shared.Return(order);
        return new RankedTerms(terms, weights);
    }

    /// <summary>
    /// The <paramref name="size"/> names the most of the story's documents mention, most first, ties in the table's
    /// order (as a stable sort gives them): ranked as numbers in pooled arrays, not through a sorted sequence per story.
    /// </summary>
    internal static StoryEntity[] MostNamed(Dictionary<int, (NamedEntity Entity, int Count)> names, int size)
    {
        var count = names.Count;
        var keys = ArrayPool<long>.Shared.Rent(count);
        var values = ArrayPool<(NamedEntity Entity, int Count)>.Shared.Rent(count);
        var i = 0;
        foreach (var value in names.Values)
        {
            keys[i] = RankKey.HeaviestFirst(value.Count, i);
            values[i] = value;
            i++;
        }

        var kept = RankKey.SelectSmallest(keys.AsSpan(0, count), size);
        var entities = new StoryEntity[kept];
        for (var r = 0; r < kept; r++)
        {
            var (entity, mentions) = values[RankKey.Position(keys[r])];
            entities[r] = new StoryEntity(entity.Name, entity.Kind, mentions);
        }

        // Cleared: the pool would otherwise keep the names alive.
        ArrayPool<(NamedEntity Entity, int Count)>.Shared.Return(values, clearArray: true);
        ArrayPool<long>.Shared.Return(keys);
        return entities;
    }

    /// <summary>
    /// The names the documents mention, most mentioned first (ties in order of first mention), each as first mentioned
    /// with a kind other than <see cref="EntityKind.Other"/> if any mention has one. One pass, no grouping of every mention.
    /// </summary>
    private static IReadOnlyList<NamedEntity> MostMentioned(List<DocumentFeatures> documents)
    {
        if (documents.Count == 1)
        {
            // Extraction gives a document one entity per key: each is mentioned once, in the order of first mention.
            // The document's own list, read only, is that order.
            return documents[0].Entities;
        }

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

    /// <param name="stories">The documents' <see cref="DocumentFeatures.Document"/>, in their order.</param>
    private static IReadOnlyList<StoryDocument>[] GroupCopies(List<DocumentFeatures> documents, StoryDocument[] stories)
    {
        if (documents.Count == 1)
        {
            // One document is one article: the group's array of documents serves as the article's.
            return [stories];
        }

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
            .Select(g => (IReadOnlyList<StoryDocument>)g.Select(i => stories[i]).ToArray())];
    }
}
