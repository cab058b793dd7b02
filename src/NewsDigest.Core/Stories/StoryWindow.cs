namespace NewsDigest.Stories;

/// <summary>
/// A digest window's documents as grouping reads them, added a block at a time: each block is read into features
/// as it arrives, so a large window need not be held whole. Blocks added without their text keep only what grouping
/// and the digest's listing need of each document (<see cref="StoryDocument.WithoutText"/>).
/// </summary>
/// <remarks>
/// Words are given ids in the order the documents are added, whatever the blocks: the stories are those of adding
/// every document at once.
/// </remarks>
internal sealed class StoryWindow
{
    private readonly StoryVocabulary _vocabulary = new();
    private DocumentFeatureReader? _reader;
    private readonly List<DocumentFeatures> _features = [];
    private readonly bool _seeded;
    private int _count;
    private bool _grouped;

    /// <param name="earlier">The term statistics of earlier digests, to weigh words with as well as this window's.</param>
    public StoryWindow(TermStatistics? earlier)
    {
        _reader = new DocumentFeatureReader(_vocabulary);
        if (earlier is not null)
        {
            _vocabulary.Seed(earlier);
            _seeded = true;
        }
    }

    /// <summary>Documents added so far.</summary>
    public int Count => _count;

    /// <summary>Reads <paramref name="documents"/> into features; with <paramref name="keepText"/> false, their paragraphs are let go.</summary>
    public void Add(IReadOnlyList<StoryDocument> documents, bool keepText = true)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (_grouped)
        {
            throw new InvalidOperationException("The window has been grouped: documents can no longer be added.");
        }

        _reader!.Add(documents, keepText, _features);
        _count += documents.Count;
    }

    /// <summary>Groups the documents added, attaching them to <paramref name="knownStories"/> where they continue one. Once only.</summary>
    public StoryGrouping Group(IReadOnlyList<StoryProfile> knownStories)
    {
        ArgumentNullException.ThrowIfNull(knownStories);
        if (_grouped)
        {
            throw new InvalidOperationException("A window is grouped once: its vocabulary has counted the known stories.");
        }

        _grouped = true;
        // Nothing is read after this: the readers' drafts and their tables of words and names (tens of megabytes on
        // a large window) go before the grouping's own data grows.
        _reader!.Finish(_features);
        _reader = null;
        var features = _features.ToArray();
        // Held by the stories from here on: the window may outlive the grouping (a composer's state) without keeping them.
        _features.Clear();
        _features.TrimExcess();
        return StoryClusterer.Group(features, _vocabulary, knownStories, _seeded);
    }
}
