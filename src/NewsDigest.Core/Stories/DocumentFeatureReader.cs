using System.Runtime.InteropServices;
using NewsDigest.Normalization;

namespace NewsDigest.Stories;

/// <summary>
/// Reads documents into features for one vocabulary, a call at a time: drafts are read in parallel a block at a time,
/// then given ids and counted in document order, so that term ids and counts are exactly those of reading one
/// document after another, however the documents are split between calls. The drafts and buffers are kept from call
/// to call, so a window read in many calls allocates them once.
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

    /// <param name="keepText">False to keep each document without its paragraphs (<see cref="StoryDocument.WithoutText"/>) once read.</param>
    public DocumentFeatures[] Read(IReadOnlyList<StoryDocument> documents, bool keepText = true)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var features = new DocumentFeatures[documents.Count];
        var workers = Math.Max(1, Math.Min(Environment.ProcessorCount, documents.Count / 64));
        var block = Math.Min(documents.Count, 256 * workers);
        Reserve(block, workers);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = workers };

        var first = Math.Min(block, documents.Count);
        _claimed = 0;
        Parallel.For(0, workers, parallel, w => ReadClaimed(documents, 0, 0, first, w));
        for (var start = 0; start < documents.Count; start += block)
        {
            var slot = (start / block) % 2;
            var count = Math.Min(block, documents.Count - start);
            var nextStart = start + block;
            var nextCount = Math.Max(0, Math.Min(block, documents.Count - nextStart));

            // The vocabulary is only read here: it has every id the blocks before gave.
            _claimed = 0;
            Parallel.For(0, workers, parallel, _ =>
            {
                for (var i = Interlocked.Increment(ref _claimed) - 1; i < count; i = Interlocked.Increment(ref _claimed) - 1)
                {
                    KnownIds(_drafts[slot][i], vocabulary, ref _known[slot][i]);
                }
            });

            _claimed = 0;
            Parallel.For(0, workers, parallel, w =>
            {
                if (w == 0)
                {
                    for (var i = 0; i < count; i++)
                    {
                        var document = documents[start + i];
                        features[start + i] = DocumentFeatures.FromDraft(keepText ? document : document.WithoutText(Shared(document.Source)), _drafts[slot][i], _known[slot][i], vocabulary);
                    }
                }

                ReadClaimed(documents, 1 - slot, nextStart, nextCount, w);
            });
        }

        return features;
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
}
