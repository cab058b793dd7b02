using System.Runtime.InteropServices;
using NewsDigest.Normalization;
using static NewsDigest.Stories.StoryClusterer;

namespace NewsDigest.Stories;

internal sealed class DocumentFeatures
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

    /// <summary>The years (1950 to 2099) the text names: an undated report was written in or after the latest.</summary>
    public required int[] MentionedYears { get; init; }

    public int LatestMentionedYear => MentionedYears.Length == 0 ? 0 : MentionedYears.Max();

    /// <summary>Ids of the people the headline names: who the development is about.</summary>
    public required int[] HeadlinePeople { get; init; }

    /// <summary>The surnames the report names, worked out when first asked (<see cref="StoryPeople"/>).</summary>
    internal StoryPeople.ReportPeople? People { get; set; }

    /// <summary>The features of one document, read and given ids on this thread.</summary>
    public static DocumentFeatures Build(StoryDocument document, StoryVocabulary vocabulary)
    {
        var draft = new DocumentFeatureDraft();
        draft.Read(document, vocabulary.Buffers);
        return FromDraft(document, draft, [], vocabulary);
    }

    /// <summary>
    /// The features of every document: drafts are read in parallel a block at a time, then given ids and counted in
    /// document order, so that term ids and counts are exactly those of reading one document after another.
    /// </summary>
    /// <remarks>
    /// Giving ids writes the vocabulary, so it runs on one thread; the other cores read the next block's drafts
    /// meanwhile (they write only their own buffers and drafts), and the thread that gave the ids joins them when done.
    /// The ids of words the vocabulary already has are then looked up on every core, between the two.
    /// </remarks>
    public static DocumentFeatures[] BuildAll(IReadOnlyList<StoryDocument> documents, StoryVocabulary vocabulary)
    {
        var features = new DocumentFeatures[documents.Count];
        var workers = Math.Max(1, Math.Min(Environment.ProcessorCount, documents.Count / 64));
        var block = Math.Min(documents.Count, 256 * workers);
        // Two blocks of drafts: one being given ids while the next is read.
        var drafts = new DocumentFeatureDraft[2][];
        var known = new int[2][][];
        for (var b = 0; b < 2; b++)
        {
            drafts[b] = new DocumentFeatureDraft[block];
            known[b] = new int[block][];
            for (var i = 0; i < block; i++)
            {
                drafts[b][i] = new DocumentFeatureDraft();
                known[b][i] = [];
            }
        }

        // The vocabulary's own buffers serve the ids; each reader has its own.
        var buffers = new DocumentFeatureBuffers[workers];
        for (var w = 0; w < workers; w++)
        {
            buffers[w] = new DocumentFeatureBuffers();
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = workers };
        var claimed = 0;

        // Reads the drafts of the block at `from` (count documents), each claimed by whichever worker is free.
        void ReadClaimed(int slot, int from, int count, int worker)
        {
            for (var i = Interlocked.Increment(ref claimed) - 1; i < count; i = Interlocked.Increment(ref claimed) - 1)
            {
                drafts[slot][i].Read(documents[from + i], buffers[worker]);
            }
        }

        var first = Math.Min(block, documents.Count);
        claimed = 0;
        Parallel.For(0, workers, parallel, w => ReadClaimed(0, 0, first, w));
        for (var start = 0; start < documents.Count; start += block)
        {
            var slot = (start / block) % 2;
            var count = Math.Min(block, documents.Count - start);
            var nextStart = start + block;
            var nextCount = Math.Max(0, Math.Min(block, documents.Count - nextStart));

            // The vocabulary is only read here: it has every id the blocks before gave.
            claimed = 0;
            Parallel.For(0, workers, parallel, _ =>
            {
                for (var i = Interlocked.Increment(ref claimed) - 1; i < count; i = Interlocked.Increment(ref claimed) - 1)
                {
                    KnownIds(drafts[slot][i], vocabulary, ref known[slot][i]);
                }
            });

            claimed = 0;
            Parallel.For(0, workers, parallel, w =>
            {
                if (w == 0)
                {
                    for (var i = 0; i < count; i++)
                    {
                        features[start + i] = FromDraft(documents[start + i], drafts[slot][i], known[slot][i], vocabulary);
                    }
                }

                ReadClaimed(1 - slot, nextStart, nextCount, w);
            });
        }

        return features;
    }

    /// <summary>
    /// The ids of the draft's words that the vocabulary already has, -1 for the others, into <paramref name="ids"/>
    /// (grown as needed). Run on every core while the drafts are read: the vocabulary is only read then, and an id
    /// once given never changes, so these are the ids the words get when the drafts are given ids in order.
    /// </summary>
    private static void KnownIds(DocumentFeatureDraft draft, StoryVocabulary vocabulary, ref int[] ids)
    {
        if (ids.Length < draft.Terms)
        {
            ids = new int[Math.Max(draft.Terms, ids.Length * 2)];
        }

        for (var t = 0; t < draft.Terms; t++)
        {
            ids[t] = vocabulary.TryGetId(draft.Term(t), out var id) ? id : -1;
        }
    }

    /// <param name="known">The ids <see cref="KnownIds"/> found for the draft's words, or empty to look each up here.</param>
    private static DocumentFeatures FromDraft(StoryDocument document, DocumentFeatureDraft draft, int[] known, StoryVocabulary vocabulary)
    {
        // Ids are given in the order the words were read: the headline's, then each paragraph's.
        var buffers = vocabulary.Buffers;
        var counts = buffers.Terms;
        // The headline and first paragraph say which development the article is about; later paragraphs add background.
        var lead = buffers.Lead;
        for (var t = 0; t < draft.Terms; t++)
        {
            var id = t < known.Length && known[t] >= 0 ? known[t] : vocabulary.Id(draft.Term(t));
            // The headline says what the story is about: it weighs like a few sentences.
            counts.Add(id, t < draft.TitleTerms ? 3 : 1);
            if (t < draft.LeadTerms)
            {
                lead.Add(id, 1);
            }
        }

        var (ids, weights) = counts.ToUnitVector();
        var (leadIds, leadWeights) = lead.ToUnitVector();

        var entities = draft.Entities;
        // Extraction returns one entity per key, so the ids run parallel to the entities.
        var entityIds = new int[entities.Count];
        for (var e = 0; e < entityIds.Length; e++)
        {
            entityIds[e] = buffers.EntityId(vocabulary, entities[e].Name);
        }

        var headlinePeople = draft.HeadlinePeople;
        for (var p = 0; p < headlinePeople.Length; p++)
        {
            // The draft's array is this document's own: its positions become ids in place.
            headlinePeople[p] = entityIds[headlinePeople[p]];
        }

        vocabulary.CountDocument(ids, entityIds);
        return new DocumentFeatures
        {
            Document = document,
            TermIds = ids,
            TermWeights = weights,
            Entities = entities,
            EntityIds = entityIds,
            HeadlinePeople = headlinePeople,
            Shingles = draft.Shingles,
            LeadIds = leadIds,
            LeadWeights = leadWeights,
            PublishedDays = draft.PublishedDays,
            MentionedDays = draft.MentionedDays,
            MentionedYears = draft.MentionedYears,
        };
    }

    /// <summary>How many leading paragraphs make up the lead: whole paragraphs until about <see cref="LeadWords"/> words.</summary>
    internal static int LeadParagraphs(IReadOnlyList<string> paragraphs)
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

    /// <summary>
    /// The document's index keys: its signature bands, its most distinctive shared terms and its rarest shared
    /// names. Kept until <see cref="ForgetKeys"/> (the weights do not change during a grouping): used to search, then to index.
    /// </summary>
    public long[] Keys(float[] idf, float keyIdf)
    {
        if (_keys is not null)
        {
            return _keys;
        }

        var values = Document.Signature.Values;
        var bands = values.Count / RowsPerBand;
        var ranked = TermIds.Length <= 512 ? stackalloc long[TermIds.Length] : new long[TermIds.Length];
        var terms = 0;
        for (var i = 0; i < TermIds.Length; i++)
        {
            if (idf[TermIds[i]] <= keyIdf)
            {
                ranked[terms++] = RankKey.HeaviestFirst(TermWeights[i] * idf[TermIds[i]], i);
            }
        }

        var names = 0;
        var rankedNames = EntityIds.Length <= 512 ? stackalloc long[EntityIds.Length] : new long[EntityIds.Length];
        for (var i = 0; i < EntityIds.Length; i++)
        {
            if (idf[EntityIds[i]] <= keyIdf)
            {
                rankedNames[names++] = RankKey.HeaviestFirst(idf[EntityIds[i]], i);
            }
        }

        var keys = new long[bands + Math.Min(terms, DistinctiveTermsPerDocument) + Math.Min(names, DistinctiveNamesPerDocument)];
        var count = 0;
        for (var band = 0; band + RowsPerBand <= values.Count; band += RowsPerBand)
        {
            keys[count++] = BandKey(band, values[band], values[band + 1]);
        }

        count = AddStrongest(keys, count, ranked[..terms], TermIds, DistinctiveTermsPerDocument);
        AddStrongest(keys, count, rankedNames[..names], EntityIds, DistinctiveNamesPerDocument);
        _keys = keys;
        return _keys;
    }

    /// <summary>Drops the keys worked out by <see cref="Keys"/>: the next call works them out again, the same.</summary>
    public void ForgetKeys() => _keys = null;

    /// <summary>
    /// The index key of one signature band: negative, so it never collides with a term id; the band's position in the
    /// top bits and a hash of its two values (the same in every process) in the 56 below.
    /// </summary>
    internal static long BandKey(int band, uint first, uint second) =>
        long.MinValue + ((long)band << 56) + (long)(StableHash.Mix(((ulong)first << 32) | second) >> 8);

    /// <summary>Adds the ids of the <paramref name="count"/> heaviest entries (<see cref="RankKey.HeaviestFirst"/>), ties in their original order.</summary>
    private static int AddStrongest(long[] keys, int next, Span<long> ranked, int[] ids, int count)
    {
        ranked.Sort();
        for (var i = 0; i < ranked.Length && i < count; i++)
        {
            keys[next++] = ids[RankKey.Position(ranked[i])];
        }

        return next;
    }
}
