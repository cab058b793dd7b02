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
/// apart. Stories from earlier digests are seeded first, so a new document about an ongoing story updates it.
/// </remarks>
internal sealed class StoryClusterer
{
    /// <summary>How much each signal weighs in the "same development" score.</summary>
    internal static (double Cosine, double Lead, double Names, double SameDay) Weights { get; set; } = (0.35, 0.25, 0.25, 0.15);

    /// <summary>Minimum combined similarity for "same development".</summary>
    public const double SameStoryThreshold = 0.24;

    private const double DayEvidenceFloor = 0.15;
    private const int RowsPerBand = 2;
    private const int ClustersPerKey = 32;
    private const int DistinctiveTermsPerDocument = 16;
    private const int DistinctiveNamesPerDocument = 8;
    private const int MaxCandidates = 12;
    private const int MaxCentroidTerms = 150;
    private const int MaxLeadTerms = 60;
    private const int MaxSignaturesPerStory = 8;
    private const int LeadWords = 60;

    /// <summary>Groups <paramref name="documents"/>, attaching them to <paramref name="knownStories"/> where they continue one.</summary>
    public static StoryGrouping Group(IReadOnlyList<StoryDocument> documents, IReadOnlyList<StoryProfile> knownStories)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(knownStories);
        var vocabulary = new Vocabulary();
        var features = new DocumentFeatures[documents.Count];
        for (var i = 0; i < documents.Count; i++)
        {
            features[i] = DocumentFeatures.Build(documents[i], vocabulary);
        }

        foreach (var story in knownStories)
        {
            vocabulary.CountStory(story);
        }

        var idf = vocabulary.InverseDocumentFrequencies();
        // A term only one document has cannot lead to another document: only shared terms are worth indexing.
        var keyIdf = vocabulary.SharedTermIdf();
        var clusters = new List<Cluster>();
        var index = new KeyIndex();
        foreach (var story in knownStories)
        {
            var cluster = Cluster.FromProfile(story, vocabulary, idf);
            clusters.Add(cluster);
            index.Add(clusters.Count - 1, cluster.Keys(idf, keyIdf));
        }

        var order = Enumerable.Range(0, documents.Count)
            .OrderBy(i => documents[i].EventTime)
            .ThenBy(i => documents[i].Id, StringComparer.Ordinal)
            .ToArray();
        var hits = new Dictionary<int, int>();
        var ranked = new List<(int Hits, int Cluster)>();
        foreach (var i in order)
        {
            var document = features[i];
            var (best, score) = FindBest(document, clusters, index, idf, keyIdf, hits, ranked);
            Cluster target;
            if (best >= 0 && score >= SameStoryThreshold)
            {
                target = clusters[best];

            }
            else
            {
                target = new Cluster(null);
                clusters.Add(target);
                best = clusters.Count - 1;
            }

            target.Add(document, idf);
            index.Add(best, document.Keys(idf, keyIdf));
        }

        var groups = clusters
            .Where(c => c.NewDocuments.Count > 0)
            .Select(c => c.ToGroup(vocabulary))
            .ToList();
        return new StoryGrouping(groups, vocabulary.ToIdfLookup(idf));
    }

    /// <summary>The components of the similarity of two single documents, for tests and tuning.</summary>
    internal static StorySimilarity Compare(StoryDocument first, StoryDocument second, IReadOnlyList<StoryDocument> corpus) =>
        ComparePairs(corpus, [(corpus.ToList().FindIndex(d => d.Id == first.Id), corpus.ToList().FindIndex(d => d.Id == second.Id))])[0];

    /// <summary>Similarities of pairs of documents of one corpus (indexes into it), for tests and tuning.</summary>
    internal static IReadOnlyList<StorySimilarity> ComparePairs(IReadOnlyList<StoryDocument> corpus, IEnumerable<(int First, int Second)> pairs)
    {
        var vocabulary = new Vocabulary();
        var all = corpus.Select(d => DocumentFeatures.Build(d, vocabulary)).ToList();
        var idf = vocabulary.InverseDocumentFrequencies();
        var results = new List<StorySimilarity>();
        foreach (var (first, second) in pairs)
        {
            var cluster = new Cluster(null);
            cluster.Add(all[second], idf);
            results.Add(cluster.Similarity(all[first], idf));
        }

        return results;
    }

    private static (int Best, double Score) FindBest(
        DocumentFeatures document,
        List<Cluster> clusters,
        KeyIndex index,
        float[] idf,
        float keyIdf,
        Dictionary<int, int> hits,
        List<(int Hits, int Cluster)> ranked)
    {
        hits.Clear();
        foreach (var key in document.Keys(idf, keyIdf))
        {
            // Bands are strong evidence on their own; terms and names count once each.
            index.CountOwners(key, key < 0 ? 2 : 1, hits);
        }

        ranked.Clear();
        foreach (var (cluster, count) in hits)
        {
            ranked.Add((count, cluster));
        }

        // Most shared keys first, then the most recent story; the pairs are distinct, so the order is total.
        ranked.Sort(static (a, b) => a.Hits != b.Hits ? b.Hits.CompareTo(a.Hits) : b.Cluster.CompareTo(a.Cluster));
        var best = -1;
        var bestScore = 0.0;
        for (var r = 0; r < ranked.Count && r < MaxCandidates; r++)
        {
            var candidate = ranked[r].Cluster;
            var similarity = clusters[candidate].Similarity(document, idf);
            if (similarity.Combined > bestScore)
            {
                best = candidate;
                bestScore = similarity.Combined;
            }
        }

        return (best, bestScore);
    }

    /// <summary>
    /// Which stories used each key last (at most <see cref="ClustersPerKey"/>, oldest first). Most keys (signature
    /// bands above all) only ever have one story, so those are kept without a list of their own.
    /// </summary>
    private sealed class KeyIndex
    {
        private readonly Dictionary<long, int> _single = [];
        private readonly Dictionary<long, List<int>> _shared = [];

        public void Add(int cluster, IEnumerable<long> keys)
        {
            foreach (var key in keys)
            {
                if (!_shared.TryGetValue(key, out var owners))
                {
                    ref var single = ref CollectionsMarshal.GetValueRefOrAddDefault(_single, key, out var exists);
                    if (!exists || single == cluster)
                    {
                        single = cluster;
                        continue;
                    }

                    owners = [single, cluster];
                    _single.Remove(key);
                    _shared[key] = owners;
                    continue;
                }

                if (owners[^1] == cluster)
                {
                    continue;
                }

                owners.Remove(cluster);
                owners.Add(cluster);
                if (owners.Count > ClustersPerKey)
                {
                    // Keep the stories that mentioned the key last: the ones a new document most likely continues.
                    owners.RemoveAt(0);
                }
            }
        }

        /// <summary>Adds <paramref name="weight"/> to the hits of every story that used <paramref name="key"/>.</summary>
        public void CountOwners(long key, int weight, Dictionary<int, int> hits)
        {
            if (_single.TryGetValue(key, out var single))
            {
                CollectionsMarshal.GetValueRefOrAddDefault(hits, single, out _) += weight;
                return;
            }

            if (_shared.TryGetValue(key, out var owners))
            {
                foreach (var owner in owners)
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(hits, owner, out _) += weight;
                }
            }
        }
    }

    internal static bool AreCopies(NearDuplicateSignature a, int shinglesA, NearDuplicateSignature b, int shinglesB, out double jaccard)
    {
        jaccard = a.Similarity(b);
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

    private sealed class Vocabulary
    {
        private const double SmallCorpus = 20;

        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
        private readonly List<string> _terms = [];
        private readonly List<int> _documentFrequency = [];
        private int _documents;

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
            var floor = Math.Min(1.0, SmallCorpus / Math.Max(1.0, _documents));
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
        public float SharedTermIdf() => (float)(Math.Log((_documents + 1.0) / 2.5) + Math.Min(1.0, SmallCorpus / Math.Max(1.0, _documents)) + 1e-4);

        public Func<string, double> ToIdfLookup(float[] idf)
        {
            var maximum = Math.Log((_documents + 1.0) / 1.5) + Math.Min(1.0, SmallCorpus / Math.Max(1.0, _documents));
            return term => _ids.TryGetValue(term, out var id) && id < idf.Length ? idf[id] : maximum;
        }
    }

    internal static string EntityTerm(string name) => "@" + TextTokens.ToInvariantLower(name);

    private sealed class DocumentFeatures
    {
        private long[]? _keys;

        public required StoryDocument Document { get; init; }

        public required int[] TermIds { get; init; }

        public required float[] TermWeights { get; init; }

        public required IReadOnlyList<NamedEntity> Entities { get; init; }

        public required int[] EntityIds { get; init; }

        public required int Shingles { get; init; }

        public required int[] LeadIds { get; init; }

        public required float[] LeadWeights { get; init; }

        public required int[] PublishedDays { get; init; }

        public required int[] MentionedDays { get; init; }

        public static DocumentFeatures Build(StoryDocument document, Vocabulary vocabulary)
        {
            var counts = new Dictionary<int, float>();
            // The headline and first paragraph say which development the article is about; later paragraphs add background.
            var lead = new Dictionary<int, float>();
            // The headline says what the story is about: it weighs like a few sentences.
            foreach (var word in TextTokens.Words(document.Title))
            {
                if (TextTokens.ContentForm(word) is { } term)
                {
                    var id = vocabulary.Id(term);
                    counts[id] = counts.GetValueOrDefault(id) + 3;
                    lead[id] = lead.GetValueOrDefault(id) + 1;
                }
            }

            // Each paragraph is tokenized once: its words feed the term vector, the lead vector and the shingle count.
            var leadParagraphs = LeadParagraphs(document.Paragraphs);
            var bodyWords = new List<string>();
            for (var p = 0; p < document.Paragraphs.Count; p++)
            {
                var start = bodyWords.Count;
                TextTokens.AddWords(document.Paragraphs[p], bodyWords);
                for (var w = start; w < bodyWords.Count; w++)
                {
                    if (TextTokens.ContentForm(bodyWords[w]) is not { } term)
                    {
                        continue;
                    }

                    var id = vocabulary.Id(term);
                    counts[id] = counts.GetValueOrDefault(id) + 1;
                    if (p < leadParagraphs)
                    {
                        lead[id] = lead.GetValueOrDefault(id) + 1;
                    }
                }
            }

            var (ids, weights) = UnitVector(counts);
            var (leadIds, leadWeights) = UnitVector(lead);

            var entities = EntityExtractor.Extract(document.Title, document.Paragraphs);
            // Extraction returns one entity per key, so the ids run parallel to the entities.
            var entityIds = new int[entities.Count];
            for (var e = 0; e < entityIds.Length; e++)
            {
                entityIds[e] = vocabulary.Id(EntityTerm(entities[e].Name));
            }

            vocabulary.CountDocument(ids, entityIds);
            return new DocumentFeatures
            {
                Document = document,
                TermIds = ids,
                TermWeights = weights,
                Entities = entities,
                EntityIds = entityIds,
                Shingles = TextTokens.CountShingles(bodyWords),
                LeadIds = leadIds,
                LeadWeights = leadWeights,
                PublishedDays = EventDates.Published(document.Published),
                MentionedDays = EventDates.Mentioned(document.Paragraphs),
            };
        }

        /// <summary>How many leading paragraphs make up the lead: whole paragraphs until about <see cref="LeadWords"/> words.</summary>
        private static int LeadParagraphs(IReadOnlyList<string> paragraphs)
        {
            var words = 0;
            for (var p = 0; p < paragraphs.Count; p++)
            {
                words += paragraphs[p].AsSpan().Count(' ') + 1;
                if (words >= LeadWords)
                {
                    return p + 1;
                }
            }

            return paragraphs.Count;
        }

        private static (int[] Ids, float[] Weights) UnitVector(Dictionary<int, float> counts)
        {
            var ids = counts.Keys.ToArray();
            var weights = new float[ids.Length];
            double norm = 0;
            for (var i = 0; i < ids.Length; i++)
            {
                weights[i] = (float)(1 + Math.Log(counts[ids[i]]));
                norm += weights[i] * weights[i];
            }

            norm = Math.Sqrt(norm);
            for (var i = 0; i < weights.Length && norm > 0; i++)
            {
                weights[i] = (float)(weights[i] / norm);
            }

            return (ids, weights);
        }

        /// <summary>
        /// The document's index keys: its signature bands, its most distinctive shared terms and its rarest shared
        /// names. Computed once per grouping (the weights do not change during it) and used to search and to index.
        /// </summary>
        public long[] Keys(float[] idf, float keyIdf)
        {
            if (_keys is not null)
            {
                return _keys;
            }

            var values = Document.Signature.Values;
            var keys = new List<long>((values.Count / RowsPerBand) + DistinctiveTermsPerDocument + DistinctiveNamesPerDocument);
            for (var band = 0; band + RowsPerBand <= values.Count; band += RowsPerBand)
            {
                var hash = HashCode.Combine(values[band], values[band + 1]);
                // Band keys are negative so they never collide with term ids.
                keys.Add(long.MinValue + ((long)band << 32) + (uint)hash);
            }

            var ranked = new List<(float Weight, int Position)>(TermIds.Length);
            for (var i = 0; i < TermIds.Length; i++)
            {
                if (idf[TermIds[i]] <= keyIdf)
                {
                    ranked.Add((TermWeights[i] * idf[TermIds[i]], i));
                }
            }

            AddStrongest(keys, ranked, TermIds, DistinctiveTermsPerDocument);
            ranked.Clear();
            for (var i = 0; i < EntityIds.Length; i++)
            {
                if (idf[EntityIds[i]] <= keyIdf)
                {
                    ranked.Add((idf[EntityIds[i]], i));
                }
            }

            AddStrongest(keys, ranked, EntityIds, DistinctiveNamesPerDocument);
            _keys = [.. keys];
            return _keys;
        }

        /// <summary>Adds the ids of the <paramref name="count"/> heaviest entries, ties in their original order.</summary>
        private static void AddStrongest(List<long> keys, List<(float Weight, int Position)> ranked, int[] ids, int count)
        {
            ranked.Sort(static (a, b) => a.Weight != b.Weight ? b.Weight.CompareTo(a.Weight) : a.Position.CompareTo(b.Position));
            for (var i = 0; i < ranked.Count && i < count; i++)
            {
                keys.Add(ids[ranked[i].Position]);
            }
        }
    }

    private sealed class Cluster(StoryProfile? existing)
    {
        private readonly Dictionary<int, float> _centroid = [];
        private readonly Dictionary<int, (NamedEntity Entity, int Count)> _entities = [];
        private readonly List<StorySignature> _signatures = [];
        private readonly Dictionary<int, float> _lead = [];
        private readonly HashSet<int> _publishedDays = [];
        private readonly HashSet<int> _mentionedDays = [];
        private double? _norm;
        private double? _leadNorm;
        private double? _entityNorm;
        private int _members;
        private DateTimeOffset? _firstPublished;
        private DateTimeOffset? _lastPublished;

        public StoryProfile? Existing { get; } = existing;

        public List<DocumentFeatures> NewDocuments { get; } = [];

        public static Cluster FromProfile(StoryProfile profile, Vocabulary vocabulary, float[] idf)
        {
            var cluster = new Cluster(profile) { _members = Math.Max(1, profile.DocumentCount) };
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
            cluster._signatures.AddRange(profile.Signatures);
            cluster._firstPublished = profile.FirstSeen;
            cluster._lastPublished = profile.LastSeen;
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

            for (var i = 0; i < document.Entities.Count; i++)
            {
                var entity = document.Entities[i];
                var id = document.EntityIds[i];
                _entities[id] = _entities.TryGetValue(id, out var known)
                    ? (known.Entity.Kind == EntityKind.Other ? entity : known.Entity, known.Count + 1)
                    : (entity, 1);
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
            _entityNorm = null;
        }

        private static void Trim(Dictionary<int, float> vector, int size, float[] idf)
        {
            if (vector.Count > size * 2)
            {
                foreach (var weak in vector.OrderBy(t => t.Value * idf[t.Key]).Take(vector.Count - size).Select(t => t.Key).ToList())
                {
                    vector.Remove(weak);
                }
            }
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

            centroidNorm ??= Math.Sqrt(centroid.Sum(t => (double)t.Value * idf[t.Key] * t.Value * idf[t.Key]));
            return norm == 0 || centroidNorm == 0 ? 0 : dot / (Math.Sqrt(norm) * centroidNorm.Value);
        }

        public StorySimilarity Similarity(DocumentFeatures document, float[] idf)
        {
            var jaccard = 0.0;
            foreach (var signature in _signatures)
            {
                if (AreCopies(document.Document.Signature, document.Shingles, signature.Signature, signature.Shingles, out var j))
                {
                    return new StorySimilarity(1, 1, 1, true, j, true, 1 + j);
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

            _entityNorm ??= Math.Sqrt(_entities.Sum(e => Math.Pow(idf[e.Key] * e.Value.Count / _members, 2)));
            var names = entityDocumentNorm == 0 || _entityNorm == 0 ? 0 : entityDot / (Math.Sqrt(entityDocumentNorm) * _entityNorm.Value);

            var combined = (Weights.Cosine * cosine) + (Weights.Lead * leadCosine) + (Weights.Names * names) + (sameDay ? Weights.SameDay : 0);
            if (document.Document.Published is { } published && _firstPublished is { } first && _lastPublished is { } last)
            {
                var gap = published < first ? first - published : published > last ? published - last : TimeSpan.Zero;
                // One development is reported within days; months apart it is a different development.
                combined *= gap > TimeSpan.FromDays(30) ? 0.3 : gap > TimeSpan.FromDays(7) ? 0.75 : 1.0;
            }

            return new StorySimilarity(cosine, leadCosine, names, sameDay, jaccard, false, combined);
        }

        public StoryGroup ToGroup(Vocabulary vocabulary)
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
            var newEntities = NewDocuments
                .SelectMany(d => d.Entities)
                .GroupBy(e => e.Key, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count())
                .Select(g => g.OrderByDescending(e => e.Kind != EntityKind.Other).First())
                .ToList();
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
                Existing?.SaidSentences ?? []);
            return new StoryGroup(Existing, documents, articles, newEntities, profile);
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
internal sealed record StoryGrouping(IReadOnlyList<StoryGroup> Groups, Func<string, double> InverseDocumentFrequency);
