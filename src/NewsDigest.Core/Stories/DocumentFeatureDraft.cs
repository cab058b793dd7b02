namespace NewsDigest.Stories;

/// <summary>
/// What one document yields before its words get vocabulary ids: its content words in order, its names, dates and
/// shingle count. Drafts are made on any thread (nothing shared is written); ids are given afterwards in document
/// order, so that they are the ones a single-threaded pass gives.
/// </summary>
internal sealed class DocumentFeatureDraft
{
    private char[] _chars = new char[4096];
    private int[] _ends = new int[512];
    private int _length;

    /// <summary>How many content words were recorded.</summary>
    public int Terms { get; private set; }

    /// <summary>The words before this index are the headline's: they weigh like a few sentences.</summary>
    public int TitleTerms { get; private set; }

    /// <summary>The words before this index (the headline's included) make up the lead.</summary>
    public int LeadTerms { get; private set; }

    public IReadOnlyList<NamedEntity> Entities { get; private set; } = [];

    /// <summary>Positions in <see cref="Entities"/> of the people the headline names.</summary>
    public int[] HeadlinePeople { get; private set; } = [];

    public int Shingles { get; private set; }

    public int[] PublishedDays { get; private set; } = [];

    public int[] MentionedDays { get; private set; } = [];

    public int[] MentionedYears { get; private set; } = [];

    /// <summary>The characters of content word <paramref name="index"/>.</summary>
    public ReadOnlySpan<char> Term(int index)
    {
        var start = index == 0 ? 0 : _ends[index - 1];
        return _chars.AsSpan(start, _ends[index] - start);
    }

    /// <summary>Reads <paramref name="document"/> into this draft, reusing <paramref name="buffers"/> (one set per thread).</summary>
    public void Read(StoryDocument document, DocumentFeatureBuffers buffers)
    {
        _length = 0;
        Terms = 0;
        var title = new WordReader(document.Title, buffers.TokenBuffer(document.Title.Length));
        while (title.MoveNext())
        {
            AddTerm(TextTokens.ContentForm(title.Current));
        }

        TitleTerms = Terms;
        LeadTerms = Terms;
        var leadParagraphs = DocumentFeatures.LeadParagraphs(document.Paragraphs);
        for (var p = 0; p < document.Paragraphs.Count; p++)
        {
            var paragraph = document.Paragraphs[p];
            var words = new WordReader(paragraph, buffers.TokenBuffer(paragraph.Length));
            while (words.MoveNext())
            {
                buffers.AddBodyWord(words.Current);
                AddTerm(TextTokens.ContentForm(words.Current));
            }

            if (p < leadParagraphs)
            {
                LeadTerms = Terms;
            }
        }

        Entities = EntityExtractor.Extract(document.Title, document.Paragraphs, buffers.Entities);
        HeadlinePeople = HeadlinePeopleOf(document.Title, Entities);
        Shingles = buffers.CountShingles();
        PublishedDays = EventDates.Published(document.Published);
        MentionedDays = EventDates.Mentioned(document.Paragraphs, buffers.Days);
        MentionedYears = EventDates.Years(document.Title, document.Paragraphs);
    }

    private void AddTerm(ReadOnlySpan<char> term)
    {
        if (term.Length == 0)
        {
            return;
        }

        if (_chars.Length < _length + term.Length)
        {
            Array.Resize(ref _chars, Math.Max(_length + term.Length, _chars.Length * 2));
        }

        if (_ends.Length == Terms)
        {
            Array.Resize(ref _ends, _ends.Length * 2);
        }

        term.CopyTo(_chars.AsSpan(_length));
        _length += term.Length;
        _ends[Terms++] = _length;
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
