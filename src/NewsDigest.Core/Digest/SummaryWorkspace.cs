using System.Runtime.InteropServices;
using NewsDigest.Stories;

namespace NewsDigest.Digest;

/// <summary>
/// What summarising the stories of one digest shares: every word seen so far, decided once (its content term and
/// that term's weight), and buffers reused from story to story, so reading a sentence allocates nothing once its
/// words have been seen.
/// </summary>
/// <remarks>Not thread-safe: each thread that summarises has a workspace of its own.</remarks>
internal sealed class SummaryWorkspace
{
    /// <summary>
    /// Words remembered at most: past this the tables start afresh at the next story (ids mean something only within
    /// a story), so a digest of a million documents keeps a table that stays small and fast to look words up in.
    /// </summary>
    internal const int MaxWords = 1 << 16;

    private readonly Func<string, double> _idf;
    private readonly Dictionary<string, int> _wordIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _wordLookup;
    private readonly List<string> _words = [];
    private readonly List<int> _termOfWord = [];
    private readonly Dictionary<string, int> _termIds = new(StringComparer.Ordinal);
    private readonly List<string> _terms = [];
    private readonly List<double> _termIdf = [];
    private readonly List<SummaryCandidate> _pool = [];
    private readonly List<string> _traitWords = [];
    private readonly List<WordTrait> _wordTraits = [];
    private readonly List<WordTrait> _traitWordTraits = [];
    private char[] _lower = new char[128];
    private int[] _storyWords = new int[1024];
    private int[] _storyTerms = new int[512];
    private double[] _storyWeights = new double[512];
    private double[] _centroid = new double[1024];
    private int[] _centroidStory = new int[1024];
    private int _storyWordCount;
    private int _storyTermCount;
    private int _story;
    private CaseAndQuotes _marks;

    public SummaryWorkspace(Func<string, double> inverseDocumentFrequency)
    {
        ArgumentNullException.ThrowIfNull(inverseDocumentFrequency);
        _idf = inverseDocumentFrequency;
        _wordLookup = _wordIds.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Word ids of the sentence last read, in order.</summary>
    public List<int> SentenceWords { get; } = [];

    /// <summary>Capitals and curly quotes of the sentence last read, for <see cref="SentenceFilter.IsStatement(ReadOnlySpan{char}, CaseAndQuotes)"/>.</summary>
    public CaseAndQuotes Marks => _marks;

    /// <summary>Content term ids of the sentence last read, in order, repeats included.</summary>
    public List<int> SentenceTerms { get; } = [];

    /// <summary>Candidates handed out for the current story, in the order they were read.</summary>
    public List<SummaryCandidate> Candidates { get; } = [];

    /// <summary>Scratch lists of the current story, kept to save allocating them per story.</summary>
    public List<(int Start, int Length)> Ranges { get; } = [];

    public List<SummaryCandidate> Ranked { get; } = [];

    public List<SummaryCandidate> Shortlist { get; } = [];

    public Dictionary<long, SummaryCandidate> ByContent { get; } = [];

    public List<int> SortedTerms { get; } = [];

    public Dictionary<int, ulong> SaidMasks { get; } = [];

    public int[] SaidShared { get; } = new int[64];

    public int TermCount => _terms.Count;

    /// <summary>Distinct words remembered now.</summary>
    public int WordCount => _words.Count;

    public string Term(int id) => _terms[id];

    public string Word(int id) => _words[id];

    /// <summary>Starts a story: the candidates and term vectors of the one before are given back.</summary>
    public void BeginStory()
    {
        if (_words.Count > MaxWords)
        {
            _wordIds.Clear();
            _words.Clear();
            _termOfWord.Clear();
            _wordTraits.Clear();
            _termIds.Clear();
            _terms.Clear();
            _termIdf.Clear();
        }

        Candidates.Clear();
        ByContent.Clear();
        SaidMasks.Clear();
        _storyWordCount = 0;
        _storyTermCount = 0;
        _story++;
    }

    /// <summary>Adds <paramref name="weight"/> to the story's centroid weight of <paramref name="term"/>; true when the term is new to it.</summary>
    public bool AddToCentroid(int term, double weight)
    {
        if (_centroid.Length <= term)
        {
            var size = Math.Max(term + 1, _centroid.Length * 2);
            Array.Resize(ref _centroid, size);
            Array.Resize(ref _centroidStory, size);
        }

        var added = _centroidStory[term] != _story;
        if (added)
        {
            _centroidStory[term] = _story;
            _centroid[term] = 0;
        }

        _centroid[term] += weight;
        return added;
    }

    /// <summary>The story's centroid weight of a term <see cref="AddToCentroid"/> has seen in this story.</summary>
    public double CentroidWeight(int term) => _centroid[term];

    /// <summary>
    /// Reads the lower-case word tokens of <paramref name="sentence"/> into <see cref="SentenceWords"/> and their
    /// content terms into <see cref="SentenceTerms"/>, exactly as <see cref="TextTokens.AddWords"/> and
    /// <see cref="TextTokens.ContentForm"/> would, without a string per word.
    /// </summary>
    public void Read(ReadOnlySpan<char> sentence)
    {
        _marks = default;
        SentenceWords.Clear();
        SentenceTerms.Clear();
        if (_lower.Length < sentence.Length + 1)
        {
            _lower = new char[Math.Max(sentence.Length + 1, _lower.Length * 2)];
        }

        var buffer = _lower;
        var length = 0;
        for (var i = 0; i <= sentence.Length; i++)
        {
            var c = i < sentence.Length ? sentence[i] : ' ';
            // ASCII letters and digits first, without the Unicode tables: most text is ASCII.
            if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
            {
                buffer[length++] = c;
                continue;
            }

            if (char.IsAsciiLetterUpper(c))
            {
                _marks.Count(c);
                buffer[length++] = (char)(c | 0x20);
                continue;
            }

            if (c >= 128 && char.IsLetterOrDigit(c))
            {
                if (char.IsUpper(c))
                {
                    _marks.Count(c);
                }

                buffer[length++] = char.ToLowerInvariant(c);
                continue;
            }

            _marks.Count(c);

            switch (WordReader.Inside(sentence, c, i, length))
            {
                case WordMark.Hyphen:
                    buffer[length++] = '-';
                    continue;
                case WordMark.Possessive:
                    i++;
                    continue;
            }

            if (length > 0)
            {
                var word = WordId(buffer.AsSpan(0, length));
                SentenceWords.Add(word);
                if (_termOfWord[word] is var term and >= 0)
                {
                    SentenceTerms.Add(term);
                }

                length = 0;
            }
        }
    }

    /// <summary>The distinct content terms of <paramref name="text"/>, for the sentences an earlier digest said.</summary>
    public void ReadTerms(string text, HashSet<int> terms)
    {
        Read(text);
        foreach (var term in SentenceTerms)
        {
            terms.Add(term);
        }
    }

    /// <summary>
    /// A candidate for the sentence last read (<paramref name="text"/> from <paramref name="start"/>), with its
    /// distinct terms weighted (1 + log of the count) times the term's inverse document frequency.
    /// </summary>
    public SummaryCandidate Candidate(string text, int start, int length, int document, int ordinal, SummaryCandidate? previous)
    {
        var wordStart = _storyWordCount;
        EnsureCapacity(ref _storyWords, _storyWordCount + SentenceWords.Count);
        CollectionsMarshal.AsSpan(SentenceWords).CopyTo(_storyWords.AsSpan(_storyWordCount));
        _storyWordCount += SentenceWords.Count;

        // Sorted term ids: repeats counted in one pass, and two vectors compared by merging.
        SortedTerms.Clear();
        SortedTerms.AddRange(SentenceTerms);
        SortedTerms.Sort();
        var termStart = _storyTermCount;
        EnsureCapacity(ref _storyTerms, _storyTermCount + SortedTerms.Count);
        EnsureCapacity(ref _storyWeights, _storyTermCount + SortedTerms.Count);
        double norm = 0;
        for (var i = 0; i < SortedTerms.Count;)
        {
            var term = SortedTerms[i];
            var count = 1;
            while (i + count < SortedTerms.Count && SortedTerms[i + count] == term)
            {
                count++;
            }

            var weight = (1 + Math.Log(count)) * _termIdf[term];
            _storyTerms[_storyTermCount] = term;
            _storyWeights[_storyTermCount] = weight;
            _storyTermCount++;
            norm += weight * weight;
            i += count;
        }

        SummaryCandidate candidate;
        if (Candidates.Count < _pool.Count)
        {
            candidate = _pool[Candidates.Count];
        }
        else
        {
            candidate = new SummaryCandidate(this);
            _pool.Add(candidate);
        }

        candidate.Reset(text, start, length, document, ordinal, previous, Candidates.Count,
            (wordStart, SentenceWords.Count), (termStart, _storyTermCount - termStart), Math.Sqrt(norm));
        Candidates.Add(candidate);
        return candidate;
    }

    public ReadOnlySpan<int> Terms(SummaryCandidate candidate) => _storyTerms.AsSpan(candidate.TermStart, candidate.TermCount);

    public ReadOnlySpan<double> Weights(SummaryCandidate candidate) => _storyWeights.AsSpan(candidate.TermStart, candidate.TermCount);

    /// <summary>The traits of a candidate, from its text and its words as read.</summary>
    public SentenceTrait Classify(SummaryCandidate candidate)
    {
        _traitWords.Clear();
        _traitWordTraits.Clear();
        foreach (var word in _storyWords.AsSpan(candidate.WordStart, candidate.WordCount))
        {
            _traitWords.Add(_words[word]);
            _traitWordTraits.Add(_wordTraits[word]);
        }

        return SentenceTraits.Classify(candidate.Span, _traitWords, CollectionsMarshal.AsSpan(_traitWordTraits));
    }

    private int WordId(ReadOnlySpan<char> word)
    {
        if (_wordLookup.TryGetValue(word, out var id))
        {
            return id;
        }

        // First time this word is seen: its content form is decided once, with the same rules the grouping uses.
        var text = word.ToString();
        id = _words.Count;
        _words.Add(text);
        _wordIds.Add(text, id);
        _termOfWord.Add(TextTokens.ContentForm(text) is { } term ? TermId(term) : -1);
        _wordTraits.Add(SentenceTraits.Of(text));
        return id;
    }

    private int TermId(string term)
    {
        if (_termIds.TryGetValue(term, out var id))
        {
            return id;
        }

        id = _terms.Count;
        _terms.Add(term);
        _termIds.Add(term, id);
        _termIdf.Add(_idf(term));
        return id;
    }

    private static void EnsureCapacity<T>(ref T[] array, int needed)
    {
        if (array.Length < needed)
        {
            Array.Resize(ref array, Math.Max(needed, array.Length * 2));
        }
    }
}
