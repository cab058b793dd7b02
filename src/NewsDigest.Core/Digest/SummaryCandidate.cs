namespace NewsDigest.Digest;

/// <summary>
/// One sentence a summary could use: where it stands, its weighted content terms and, when asked, its traits.
/// Candidates are reused from story to story (<see cref="SummaryWorkspace"/>); the text becomes a string only when asked for.
/// </summary>
internal sealed class SummaryCandidate(SummaryWorkspace workspace)
{
    private SentenceTrait? _traits;
    private string _source = string.Empty;
    private int _start;
    private int _length;
    private string? _text;

    public void Reset(
        string source,
        int start,
        int length,
        int document,
        int ordinal,
        SummaryCandidate? previous,
        int index,
        (int Start, int Count) words,
        (int Start, int Count) terms,
        double norm)
    {
        _source = source;
        _start = start;
        _length = length;
        _text = null;
        _traits = null;
        Document = document;
        LastDocument = document;
        Ordinal = ordinal;
        Previous = previous;
        Index = index;
        WordStart = words.Start;
        WordCount = words.Count;
        TermStart = terms.Start;
        TermCount = terms.Count;
        Norm = norm;
        Support = 1;
        Centrality = 0;
        Score = 0;
        Group = 0;
        Dropped = false;
    }

    public string Text => _text ??= _source.Substring(_start, _length);

    public ReadOnlySpan<char> Span => _source.AsSpan(_start, _length);

    /// <summary>Index of the first document that has it.</summary>
    public int Document { get; private set; }

    public int LastDocument { get; set; }

    /// <summary>1-based position among the sentences of its document.</summary>
    public int Ordinal { get; private set; }

    /// <summary>The sentence right before it in its document, when that one is a candidate.</summary>
    public SummaryCandidate? Previous { get; private set; }

    /// <summary>Position among the story's candidates: ties in score go to the one read first.</summary>
    public int Index { get; private set; }

    public int WordStart { get; private set; }

    public int WordCount { get; private set; }

    public int TermStart { get; private set; }

    public int TermCount { get; private set; }

    public double Norm { get; private set; }

    /// <summary>Worked out when first asked for: most sentences are never looked at that closely.</summary>
    public SentenceTrait Traits => _traits ??= workspace.Classify(this);

    /// <summary>Documents that have it.</summary>
    public int Support { get; set; } = 1;

    public double Centrality { get; set; }

    public double Score { get; set; }

    /// <summary>Reading-order group: 0 the development, 1 details, 2 reactions.</summary>
    public int Group { get; set; }

    /// <summary>Picked, or left out of the shortlist with its pick: not to be picked again.</summary>
    public bool Dropped { get; set; }

    public bool Has(SentenceTrait trait) => (Traits & trait) != 0;

    /// <summary>
    /// A 64-bit hash of the content terms in order: two sentences of a story with the same key are copies of one
    /// sentence. Term ids stand for the terms, since they do not change within a story.
    /// </summary>
    public static long ContentKey(List<int> terms)
    {
        var hash = unchecked((long)0xcbf29ce484222325);
        foreach (var term in terms)
        {
            hash = unchecked((hash ^ term) * 0x100000001b3);
            hash = unchecked((hash ^ (term >> 16)) * 0x100000001b3);
        }

        return hash;
    }

    /// <summary>Cosine of two candidates' term vectors, by merging their sorted term ids.</summary>
    public static double Cosine(SummaryCandidate a, SummaryCandidate b)
    {
        if (a.Norm == 0 || b.Norm == 0)
        {
            return 0;
        }

        var workspace = a.Workspace;
        var aTerms = workspace.Terms(a);
        var bTerms = workspace.Terms(b);
        var aWeights = workspace.Weights(a);
        var bWeights = workspace.Weights(b);
        double dot = 0;
        var i = 0;
        var j = 0;
        while (i < aTerms.Length && j < bTerms.Length)
        {
            if (aTerms[i] == bTerms[j])
            {
                dot += aWeights[i] * bWeights[j];
                i++;
                j++;
            }
            else if (aTerms[i] < bTerms[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return dot / (a.Norm * b.Norm);
    }

    private SummaryWorkspace Workspace => workspace;
}
