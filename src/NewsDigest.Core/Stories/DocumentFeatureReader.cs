using System.Runtime.InteropServices;
using NewsDigest.Normalization;

namespace NewsDigest.Stories;

/// <summary>
/// Reads documents into features for one vocabulary, a call at a time: drafts are read in parallel a block at a time,
/// then given ids and counted in document order, so that term ids and counts are exactly those of reading one
/// document after another, however the documents are split between calls. A call's last block is given ids by the
/// next call, while that call's first block is read, so small calls keep every core busy too. The drafts and
/// buffers are kept from call to call, so a window read in many calls allocates them once.
/// </summary>
/// <remarks>
/// Giving ids writes the vocabulary, so it runs on one thread; the other cores read the next block's drafts
/// meanwhile (they write only their own buffers and drafts), and the thread that gave the ids joins them when done.
/// The ids of words the vocabulary already has are then looked up on every core, between the two.
/// </remarks>
internal sealed class DocumentFeatureReader(StoryVocabulary vocabulary)
{
    // Two blocks of drafts: one being given ids while the next is read; with the ids already known for each draft.
    private readonly DocumentFeatureDraft[][] _drafts = [[], []];
    private readonly int[][][] _known = [[], []];
    private DocumentFeatureBuffers[] _buffers = [];

    // The outlets of the documents read without their text: one source object each (StoryDocument.WithoutText).
    private readonly Dictionary<DocumentSource, DocumentSource> _sources = [];
    private int _claimed;

    // The block read into drafts and not yet given ids: the documents it came from are held until it is.
    private PendingBlock _pending = new([], 0, 0, 1, true);

    /// <summary>Reads every one of <paramref name="documents"/> into features: <see cref="Add"/>, then <see cref="Finish"/>.</summary>
    /// <param name="keepText">False to keep each document without its paragraphs (<see cref="StoryDocument.WithoutText"/>) once read.</param>
    public DocumentFeatures[] Read(IReadOnlyList<StoryDocument> documents, bool keepText = true)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var features = new List<DocumentFeatures>(documents.Count);
        Add(documents, keepText, features);
        Finish(features);
        return [.. features];
    }

    /// <summary>
    /// Reads <paramref name="documents"/> into drafts and appends to <paramref name="features"/> the features of every
    /// document before its last block, in order: that block is given ids by the next call, while the next documents'
    /// drafts are read, or by <see cref="Finish"/>. So a window added in small blocks, whose documents die young
    /// instead of growing the oldest generation, still has every core reading.
    /// </summary>
    /// <param name="documents">Held, and to be left unchanged, until the next call or <see cref="Finish"/>.</param>
    /// <param name="keepText">False to keep each document without its paragraphs (<see cref="StoryDocument.WithoutText"/>) once read.</param>
    public void Add(IReadOnlyList<StoryDocument> documents, bool keepText, List<DocumentFeatures> features)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(features);
        // A core for every 64 documents; with a block pending, two at least: one gives it ids while the other reads.
        var workers = Math.Max(1, Math.Min(Environment.ProcessorCount, Math.Max(documents.Count / 64, _pending.Count > 0 ? 2 : 1)));
        var block = Math.Max(1, Math.Min(documents.Count, 256 * workers));
        Reserve(block, workers);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = workers };
        for (var start = 0; start < documents.Count; start += block)
        {
            var count = Math.Min(block, documents.Count - start);
            var slot = 1 - _pending.Slot;
            var pending = _pending;
            if (pending.Count > 0)
            {
                KnownIds(pending, parallel);
            }

            _claimed = 0;
            Parallel.For(0, workers, parallel, w =>
            {
                if (w == 0)
                {
                    GiveIds(pending, features);
                }

                ReadClaimed(documents, slot, start, count, w);
            });

            _pending = new PendingBlock(documents, start, count, slot, keepText);
        }
    }

    /// <summary>Appends to <paramref name="features"/> the features of the last block <see cref="Add"/> read.</summary>
    public void Finish(List<DocumentFeatures> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var pending = _pending;
        if (pending.Count > 0)
        {
            KnownIds(pending, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount });
            GiveIds(pending, features);
            _pending = pending with { Documents = [], Count = 0 };
        }
    }

    /// <summary>
    /// The ids of the pending block's words that the vocabulary already has, on every core: the vocabulary is only
    /// read here, and it has every id the blocks before gave.
    /// </summary>
    private void KnownIds(PendingBlock pending, ParallelOptions parallel)
    {
        _claimed = 0;
        Parallel.For(0, parallel.MaxDegreeOfParallelism, parallel, _ =>
        {
            for (var i = Interlocked.Increment(ref _claimed) - 1; i < pending.Count; i = Interlocked.Increment(ref _claimed) - 1)
            {
                KnownIds(_drafts[pending.Slot][i], vocabulary, ref _known[pending.Slot][i]);
            }
        });
    }

    /// <summary>Gives the pending block's drafts ids, in document order, and appends their features.</summary>
    private void GiveIds(PendingBlock pending, List<DocumentFeatures> features)
    {
        for (var i = 0; i < pending.Count; i++)
        {
            var document = pending.Documents[pending.Start + i];
            var kept = pending.KeepText ? document : document.WithoutText(Shared(document.Source));
            features.Add(DocumentFeatures.FromDraft(kept, _drafts[pending.Slot][i], _known[pending.Slot][i], vocabulary));
        }
    }

    /// <summary>The one source object kept for the outlet of <paramref name="source"/>: the first one read.</summary>
    private DocumentSource Shared(DocumentSource source)
    {
        ref var shared = ref CollectionsMarshal.GetValueRefOrAddDefault(_sources, source, out _);
        return shared ??= source;
    }

    /// <summary>Reads the drafts of the block at <paramref name="from"/> (<paramref name="count"/> documents), each claimed by whichever worker is free.</summary>
    private void ReadClaimed(IReadOnlyList<StoryDocument> documents, int slot, int from, int count, int worker)
    {
        for (var i = Interlocked.Increment(ref _claimed) - 1; i < count; i = Interlocked.Increment(ref _claimed) - 1)
        {
            _drafts[slot][i].Read(documents[from + i], _buffers[worker]);
        }
    }

    /// <summary>Drafts for blocks of <paramref name="block"/> documents and buffers for <paramref name="workers"/> readers, grown as needed.</summary>
    private void Reserve(int block, int workers)
    {
        for (var b = 0; b < 2; b++)
        {
            var had = _drafts[b].Length;
            if (had < block)
            {
                Array.Resize(ref _drafts[b], block);
                Array.Resize(ref _known[b], block);
                for (var i = had; i < block; i++)
                {
                    _drafts[b][i] = new DocumentFeatureDraft();
                    _known[b][i] = [];
                }
            }
        }

        // The vocabulary's own buffers serve the ids; each reader has its own.
        var hadBuffers = _buffers.Length;
        if (hadBuffers < workers)
        {
            Array.Resize(ref _buffers, workers);
            for (var w = hadBuffers; w < workers; w++)
            {
                _buffers[w] = new DocumentFeatureBuffers();
            }
        }
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

    /// <summary><paramref name="Count"/> documents of <paramref name="Documents"/> from <paramref name="Start"/>, read into the drafts of <paramref name="Slot"/>.</summary>
    private sealed record PendingBlock(IReadOnlyList<StoryDocument> Documents, int Start, int Count, int Slot, bool KeepText);
}
