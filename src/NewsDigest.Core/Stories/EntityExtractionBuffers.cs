using System.Runtime.InteropServices;

namespace NewsDigest.Stories;

/// <summary>
/// What entity extraction reuses from one document to the next within a grouping: one string per distinct word of a
/// name (a word recurs across thousands of documents, and a new string per mention was most of what extraction
/// allocated), the tokens of the sentences, the words of the phrases, and the sentence-initial words.
/// </summary>
internal sealed class EntityExtractionBuffers
{
    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _tokenLookup;
    private readonly Dictionary<string, NamedEntity>?[] _entities = new Dictionary<string, NamedEntity>?[4];
    private readonly Dictionary<string, EntityExtractor.NameClassification> _classifications = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EntityExtractor.NameClassification>.AlternateLookup<ReadOnlySpan<char>> _classificationLookup;
    private char[] _name = new char[128];

    public EntityExtractionBuffers()
    {
        _tokenLookup = _tokens.GetAlternateLookup<ReadOnlySpan<char>>();
        _classificationLookup = _classifications.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The tokens of the document, one sentence after another, the headline's first.</summary>
    public List<EntityExtractor.TokenRange> Tokens { get; } = [];

    /// <summary>The tokens of the document, valid until a token is added.</summary>
    public ReadOnlySpan<EntityExtractor.TokenRange> TokenSpan => CollectionsMarshal.AsSpan(Tokens);

    /// <summary>Each sentence's text, where its tokens start in <see cref="Tokens"/>, and how many there are.</summary>
    public List<EntityExtractor.SentenceTokens> SentenceTokens { get; } = [];

    /// <summary>The lower-case forms of the capitalized words that start a sentence (stop words left out).</summary>
    public HashSet<string> SentenceInitialWords { get; } = new(StringComparer.Ordinal);

    /// <summary>Those of <see cref="SentenceInitialWords"/> that the document also writes lower-case.</summary>
    public HashSet<string> WrittenLowerCase { get; } = new(StringComparer.Ordinal);

    /// <summary>Where each sentence of the paragraph being read starts, and its length.</summary>
    public List<(int Start, int Length)> Sentences { get; } = [];

    /// <summary>The capitalized phrases of the document; their words are in <see cref="PhraseWords"/>.</summary>
    public List<EntityExtractor.Phrase> Phrases { get; } = [];

    /// <summary>The words of every phrase of the document, one phrase after another.</summary>
    public List<string> PhraseWords { get; } = [];

    /// <summary>The words of the run of capitalized words being read, before it is split into phrases.</summary>
    public List<string> RunWords { get; } = [];

    /// <summary>The one-word phrases of the document.</summary>
    public HashSet<string> Singles { get; } = new(StringComparer.Ordinal);

    /// <summary>The names found in the document, by key.</summary>
    public Dictionary<string, NamedEntity> Found { get; } = new(StringComparer.Ordinal);

    /// <summary>The people found in the document.</summary>
    public List<NamedEntity> People { get; } = [];

    /// <summary>The one string for the token <paramref name="token"/>.</summary>
    public string Token(ReadOnlySpan<char> token)
    {
        if (_tokenLookup.TryGetValue(token, out var known))
        {
            return known;
        }

        var text = token.ToString();
        _tokens[text] = text;
        return text;
    }

    /// <summary>The one string for the words of a phrase joined by single spaces.</summary>
    public string Name(ReadOnlySpan<string> words) => Token(Joined(words));

    /// <summary>What the words of a phrase joined by single spaces are, worked out the first time they are met.</summary>
    public EntityExtractor.NameClassification Classification(ReadOnlySpan<string> words)
    {
        var joined = Joined(words);
        if (_classificationLookup.TryGetValue(joined, out var known))
        {
            return known;
        }

        // The classification keeps the name's string: a token dictionary entry as well would only cost memory.
        var name = _tokenLookup.TryGetValue(joined, out var token) ? token : joined.ToString();
        var classification = EntityExtractor.Classification(name, words, this);
        _classifications[name] = classification;
        return classification;
    }

    /// <summary>The words joined by single spaces, valid until the next words are joined.</summary>
    private ReadOnlySpan<char> Joined(ReadOnlySpan<string> words)
    {
        var length = words.Length - 1;
        foreach (var word in words)
        {
            length += word.Length;
        }

        if (_name.Length < length)
        {
            _name = new char[Math.Max(length, _name.Length * 2)];
        }

        var written = 0;
        foreach (var word in words)
        {
            if (written > 0)
            {
                _name[written++] = ' ';
            }

            word.CopyTo(_name.AsSpan(written));
            written += word.Length;
        }

        return _name.AsSpan(0, Math.Max(written, 0));
    }

    /// <summary>Records a phrase of <paramref name="words"/>, keeping its words here rather than in a list of its own.</summary>
    public void AddPhrase(ReadOnlySpan<string> words, bool sentenceStart, bool afterTitle, bool beforeSpeechVerb)
    {
        Phrases.Add(new EntityExtractor.Phrase(PhraseWords.Count, words.Length, sentenceStart, afterTitle, beforeSpeechVerb));
        PhraseWords.AddRange(words);
    }

    /// <summary>The words of <paramref name="phrase"/>, valid until the next phrase is added.</summary>
    public ReadOnlySpan<string> Words(EntityExtractor.Phrase phrase) =>
        CollectionsMarshal.AsSpan(PhraseWords).Slice(phrase.Start, phrase.Count);

    /// <summary>The one entity of <paramref name="name"/> and <paramref name="kind"/> (entities are values: sharing them is safe).</summary>
    public NamedEntity Entity(string name, EntityKind kind)
    {
        var entities = _entities[(int)kind] ??= new Dictionary<string, NamedEntity>(StringComparer.Ordinal);
        if (!entities.TryGetValue(name, out var entity))
        {
            entity = new NamedEntity(name, kind);
            entities[name] = entity;
        }

        return entity;
    }

    /// <summary>Makes every list and set free for the next document.</summary>
    public void Reset()
    {
        Tokens.Clear();
        SentenceTokens.Clear();
        SentenceInitialWords.Clear();
        WrittenLowerCase.Clear();
        Phrases.Clear();
        PhraseWords.Clear();
        RunWords.Clear();
        Singles.Clear();
        Found.Clear();
        People.Clear();
    }
}
