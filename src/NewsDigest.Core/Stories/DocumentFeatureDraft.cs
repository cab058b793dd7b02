using NewsDigest.Normalization;

namespace NewsDigest.Stories;

/// <summary>
/// What one document yields before its words get vocabulary ids: its distinct content words in the order first read,
/// each with its weight and lead count, its names, dates and shingle count. Drafts are made on any thread (nothing
/// shared is written); ids are given afterwards in document order, so that they are the ones a single-threaded pass
/// gives. A draft is read from the text (<see cref="Read"/>) or loaded from the features stored at ingestion
/// (<see cref="Load"/>); both give the same draft.
/// </summary>
internal sealed class DocumentFeatureDraft
{
    // A headline word weighs like a few sentences' (the headline says what the story is about).
    private const int TitleWeight = 3;

    private char[] _chars = new char[4096];
    private int[] _ends = new int[512];
    private int[] _weights = new int[512];
    private int[] _leadCounts = new int[512];
    private int _length;

    // Open addressing over the words read so far: each slot holds a word's index + 1, or 0; cleared word by word.
    private int[] _slots = new int[1024];
    private int[] _slotOf = new int[512];
    private int _slotted;

    /// <summary>How many distinct content words were recorded.</summary>
    public int Terms { get; private set; }

    /// <summary>The words before this index were first read in the headline or the lead (the others have no lead count).</summary>
    public int LeadTerms { get; private set; }

    public IReadOnlyList<NamedEntity> Entities { get; private set; } = [];

    /// <summary>Positions in <see cref="Entities"/> of the people the headline names.</summary>
    public int[] HeadlinePeople { get; private set; } = [];

    public int Shingles { get; private set; }

    public int[] PublishedDays { get; private set; } = [];

    public int[] MentionedDays { get; private set; } = [];

    public int[] MentionedYears { get; private set; } = [];

    /// <summary>Characters in the paragraphs: copies of an article are ordered by it once the text is gone.</summary>
    public int TextLength { get; private set; }

    /// <summary>The characters of content word <paramref name="index"/>.</summary>
    public ReadOnlySpan<char> Term(int index)
    {
        var start = index == 0 ? 0 : _ends[index - 1];
        return _chars.AsSpan(start, _ends[index] - start);
    }

    /// <summary>How much word <paramref name="index"/> counts: once per time in the body, <see cref="TitleWeight"/> times per time in the headline.</summary>
    public int Weight(int index) => _weights[index];

    /// <summary>How many times word <paramref name="index"/> is in the headline and the lead.</summary>
    public int LeadCount(int index) => _leadCounts[index];

    /// <summary>
    /// Reads <paramref name="document"/> into this draft, reusing <paramref name="buffers"/> (one set per thread):
    /// loads the features stored with it at ingestion when it has them, else reads its text.
    /// </summary>
    public void Read(StoryDocument document, DocumentFeatureBuffers buffers)
    {
        if (document.Features is { } stored)
        {
            Load(stored, document.Published);
        }
        else
        {
            Read(document.Title, document.Paragraphs, document.Published, buffers);
        }
    }

    /// <summary>Reads a document's text into this draft, reusing <paramref name="buffers"/> (one set per thread).</summary>
    public void Read(string title, IReadOnlyList<string> paragraphs, DateTimeOffset? published, DocumentFeatureBuffers buffers)
    {
        Clear();
        var headline = new WordReader(title, buffers.TokenBuffer(title.Length));
        while (headline.MoveNext())
        {
            AddOccurrence(TextTokens.ContentForm(headline.Current), TitleWeight, lead: true);
        }

        LeadTerms = Terms;

        var leadParagraphs = DocumentFeatures.LeadParagraphs(paragraphs);
        for (var p = 0; p < paragraphs.Count; p++)
        {
            var paragraph = paragraphs[p];
            var words = new WordReader(paragraph, buffers.TokenBuffer(paragraph.Length));
            var lead = p < leadParagraphs;
            while (words.MoveNext())
            {
                buffers.AddBodyWord(words.Current);
                AddOccurrence(TextTokens.ContentForm(words.Current), 1, lead);
            }

            if (lead)
            {
                LeadTerms = Terms;
            }
        }

        Entities = EntityExtractor.Extract(title, paragraphs, buffers.Entities);
        HeadlinePeople = HeadlinePeopleOf(title, Entities);
        Shingles = buffers.CountShingles();
        PublishedDays = EventDates.Published(published);
        MentionedDays = EventDates.Mentioned(paragraphs, buffers.Days);
        MentionedYears = EventDates.Years(title, paragraphs);
        TextLength = 0;
        for (var p = 0; p < paragraphs.Count; p++)
        {
            TextLength += paragraphs[p].Length;
        }
    }

    /// <summary>
    /// Loads the features <paramref name="features"/> stored at ingestion (<see cref="TextFeatures.IsCurrent"/>):
    /// the draft <see cref="Read"/> gives for the same text, without reading it.
    /// </summary>
    public void Load(TextFeatures features, DateTimeOffset? published)
    {
        ArgumentNullException.ThrowIfNull(features);
        Clear();
        var terms = features.Terms.AsSpan();
        for (var t = 0; t < features.Weights.Length; t++)
        {
            var end = terms.IndexOf(TextFeatures.Separator);
            Append(terms[..end]);
            terms = terms[(end + 1)..];
            _weights[t] = features.Weights[t];
            _leadCounts[t] = t < features.LeadCounts.Length ? features.LeadCounts[t] : 0;
        }

        LeadTerms = features.LeadCounts.Length;
        Entities = features.Entities;
        // Copied: the draft's positions become ids in place (DocumentFeatures.FromDraft).
        HeadlinePeople = [.. features.HeadlinePeople];
        Shingles = features.Shingles;
        PublishedDays = EventDates.Published(published);
        MentionedDays = features.MentionedDays;
        MentionedYears = features.MentionedYears;
        TextLength = features.TextLength;
    }

    /// <summary>This draft as the features stored with the document at ingestion (<see cref="Load"/> reads them back).</summary>
    public TextFeatures ToTextFeatures()
    {
        var terms = string.Create(_length + Terms, this, static (chars, draft) =>
        {
            var at = 0;
            for (var t = 0; t < draft.Terms; t++)
            {
                var term = draft.Term(t);
                term.CopyTo(chars[at..]);
                at += term.Length;
                chars[at++] = TextFeatures.Separator;
            }
        });

        return new TextFeatures
        {
            Version = TextFeatures.CurrentVersion,
            Terms = terms,
            Weights = _weights[..Terms],
            LeadCounts = _leadCounts[..LeadTerms],
            Entities = [.. Entities],
            HeadlinePeople = [.. HeadlinePeople],
            Shingles = Shingles,
            MentionedDays = [.. MentionedDays],
            MentionedYears = [.. MentionedYears],
            TextLength = TextLength,
        };
    }

    private void Clear()
    {
        ClearSlots();
        _length = 0;
        Terms = 0;
        LeadTerms = 0;
    }

    /// <summary>Counts one occurrence of <paramref name="term"/>: a new word is appended, a known one adds to its counts.</summary>
    private void AddOccurrence(ReadOnlySpan<char> term, int weight, bool lead)
    {
        if (term.Length == 0)
        {
            return;
        }

        if (_slots.Length < Terms * 2 + 2)
        {
            Rehash(_slots.Length * 2);
        }

        var mask = _slots.Length - 1;
        var slot = (int)StableHash.Of(term) & mask;
        while (_slots[slot] != 0 && !Term(_slots[slot] - 1).SequenceEqual(term))
        {
            slot = (slot + 1) & mask;
        }

        var index = _slots[slot] - 1;
        if (index < 0)
        {
            index = Append(term);
            _slots[slot] = index + 1;
            _slotOf[index] = slot;
            _slotted = Terms;
        }

        _weights[index] += weight;
        if (lead)
        {
            _leadCounts[index]++;
        }
    }

    /// <summary>Appends a new word with no counts yet; returns its index.</summary>
    private int Append(ReadOnlySpan<char> term)
    {
        if (_chars.Length < _length + term.Length)
        {
            Array.Resize(ref _chars, Math.Max(_length + term.Length, _chars.Length * 2));
        }

        if (_ends.Length == Terms)
        {
            var size = _ends.Length * 2;
            Array.Resize(ref _ends, size);
            Array.Resize(ref _weights, size);
            Array.Resize(ref _leadCounts, size);
            Array.Resize(ref _slotOf, size);
        }

        term.CopyTo(_chars.AsSpan(_length));
        _length += term.Length;
        _ends[Terms] = _length;
        _weights[Terms] = 0;
        _leadCounts[Terms] = 0;
        return Terms++;
    }

    private void Rehash(int size)
    {
        _slots = new int[size];
        var mask = size - 1;
        for (var t = 0; t < Terms; t++)
        {
            var slot = (int)StableHash.Of(Term(t)) & mask;
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _slots[slot] = t + 1;
            _slotOf[t] = slot;
        }

        _slotted = Terms;
    }

    /// <summary>Empties the slots the words read took: the cost of the words, not of the table.</summary>
    private void ClearSlots()
    {
        for (var t = 0; t < _slotted; t++)
        {
            _slots[_slotOf[t]] = 0;
        }

        _slotted = 0;
    }

    private static int[] HeadlinePeopleOf(string title, IReadOnlyList<NamedEntity> entities)
    {
        var count = 0;
        Span<int> found = stackalloc int[8];
        for (var e = 0; e < entities.Count && count < found.Length; e++)
        {
            if (entities[e].Kind == EntityKind.Person && title.Contains(entities[e].Name, StringComparison.OrdinalIgnoreCase))
            {
                found[count++] = e;
            }
        }

        return count == 0 ? [] : found[..count].ToArray();
    }
}
