using System.Runtime.InteropServices;
using NewsDigest.Normalization;
using static NewsDigest.Stories.StoryClusterer;

namespace NewsDigest.Stories;

internal sealed class DocumentFeatures
{
    /// <summary>The most index keys a document has: a band per two signature values, its distinctive terms and names.</summary>
    internal const int MaxKeys = (NearDuplicateSignature.Length / RowsPerBand) + TermAndNameKeys;

    private const int TermAndNameKeys = DistinctiveTermsPerDocument + DistinctiveNamesPerDocument;

    // The keys worked out by Keys: in an array of their own, or in this document's slot of a block's array (KeysInto).
    private long[]? _keys;
    private int _keysStart;
    private int _keysLength;

    // The term and lead vectors, until the stories are built (ForgetVectors): about a tenth of a large window's data.
    private int[]? _termIds;
    private float[]? _termWeights;
    private int[]? _leadIds;
    private float[]? _leadWeights;

    public required StoryDocument Document { get; init; }

    public required int[] TermIds { get => _termIds ?? throw Forgotten(); init => _termIds = value; }

    public required float[] TermWeights { get => _termWeights ?? throw Forgotten(); init => _termWeights = value; }

    public required IReadOnlyList<NamedEntity> Entities { get; init; }

    public required int[] EntityIds { get; init; }

    public required int Shingles { get; init; }

    public required int[] LeadIds { get => _leadIds ?? throw Forgotten(); init => _leadIds = value; }

    public required float[] LeadWeights { get => _leadWeights ?? throw Forgotten(); init => _leadWeights = value; }

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

    /// <summary>The features of every document, read in parallel and given ids in document order (<see cref="DocumentFeatureReader"/>).</summary>
    /// <param name="keepText">False to keep each document without its paragraphs (<see cref="StoryDocument.WithoutText"/>) once read.</param>
    public static DocumentFeatures[] BuildAll(IReadOnlyList<StoryDocument> documents, StoryVocabulary vocabulary, bool keepText = true) =>
        new DocumentFeatureReader(vocabulary).Read(documents, keepText);

    /// <param name="known">The ids <see cref="DocumentFeatureReader"/> found for the draft's words, or empty to look each up here.</param>
    internal static DocumentFeatures FromDraft(StoryDocument document, DocumentFeatureDraft draft, int[] known, StoryVocabulary vocabulary)
    {
        // Ids are given in the order the words were first read: the headline's, then each paragraph's.
        var buffers = vocabulary.Buffers;
        var counts = buffers.Terms;
        // The headline and first paragraph say which development the article is about; later paragraphs add background.
        var lead = buffers.Lead;
        for (var t = 0; t < draft.Terms; t++)
        {
            var id = t < known.Length && known[t] >= 0 ? known[t] : vocabulary.Id(draft.Term(t));
            counts.Add(id, draft.Weight(t));
            if (t < draft.LeadTerms)
            {
                lead.Add(id, draft.LeadCount(t));
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
            // A large window holds these a hundred thousand times: one array for each single day or year.
            PublishedDays = SingleValueArrays.Share(draft.PublishedDays),
            MentionedDays = SingleValueArrays.Share(draft.MentionedDays),
            MentionedYears = SingleValueArrays.Share(draft.MentionedYears),
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
    public ReadOnlySpan<long> Keys(float[] idf, float keyIdf)
    {
        if (_keys is null)
        {
            var keys = new long[(Document.Signature.Values.Count / RowsPerBand) + TermAndNameKeys];
            (_keys, _keysStart, _keysLength) = (keys, 0, WriteKeys(keys, idf, keyIdf));
        }

        return _keys.AsSpan(_keysStart, _keysLength);
    }

    /// <summary>
    /// Works out the keys as <see cref="Keys"/> does, into <paramref name="slot"/> (<see cref="MaxKeys"/> long) of a
    /// block's array that the single pass reuses from block to block: no array of their own to promote and collect.
    /// A document whose signature is longer than usual gets an array of its own.
    /// </summary>
    public void KeysInto(long[] block, int slot, float[] idf, float keyIdf)
    {
        if (Document.Signature.Values.Count > NearDuplicateSignature.Length)
        {
            Keys(idf, keyIdf);
            return;
        }

        var start = slot * MaxKeys;
        (_keys, _keysStart, _keysLength) = (block, start, WriteKeys(block.AsSpan(start, MaxKeys), idf, keyIdf));
    }

    private int WriteKeys(Span<long> keys, float[] idf, float keyIdf)
    {
        var values = Document.Signature.Values;
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

        var count = 0;
        for (var band = 0; band + RowsPerBand <= values.Count; band += RowsPerBand)
        {
            keys[count++] = BandKey(band, values[band], values[band + 1]);
        }

        count = AddStrongest(keys, count, ranked[..terms], TermIds, DistinctiveTermsPerDocument);
        return AddStrongest(keys, count, rankedNames[..names], EntityIds, DistinctiveNamesPerDocument);
    }

    /// <summary>
    /// Lets the term and lead vectors go once the stories are built: grouping reads them no more, and a large window's
    /// are tens of megabytes. Reading one afterwards throws <see cref="InvalidOperationException"/>.
    /// </summary>
    public void ForgetVectors() => (_termIds, _termWeights, _leadIds, _leadWeights) = (null, null, null, null);

    private static InvalidOperationException Forgotten() =>
        new("The document's term vectors were let go once its stories were built.");

    /// <summary>Drops the keys worked out by <see cref="Keys"/>: the next call works them out again, the same.</summary>
    public void ForgetKeys() => (_keys, _keysStart, _keysLength) = (null, 0, 0);

    /// <summary>
    /// The index key of one signature band: negative, so it never collides with a term id; the band's position in the
    /// top bits and a hash of its two values (the same in every process) in the 56 below.
    /// </summary>
    internal static long BandKey(int band, uint first, uint second) =>
        long.MinValue + ((long)band << 56) + (long)(StableHash.Mix(((ulong)first << 32) | second) >> 8);

    /// <summary>Adds the ids of the <paramref name="count"/> heaviest entries (<see cref="RankKey.HeaviestFirst"/>), ties in their original order.</summary>
    private static int AddStrongest(Span<long> keys, int next, Span<long> ranked, int[] ids, int count)
    {
        var strongest = RankKey.SelectSmallest(ranked, count);
        for (var i = 0; i < strongest; i++)
        {
            keys[next++] = ids[RankKey.Position(ranked[i])];
        }

        return next;
    }
}
