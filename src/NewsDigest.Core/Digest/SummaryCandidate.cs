using NewsDigest.Stories;

namespace NewsDigest.Digest;

/// <summary>One sentence a summary could use: where it stands, its weighted content words and, when asked, its traits.</summary>
internal sealed class SummaryCandidate
{
    private SentenceTrait? _traits;

    public SummaryCandidate(string text, int document, int ordinal, SummaryCandidate? previous, (string[] Terms, double[] Weights) vector)
    {
        Text = text;
        Document = document;
        LastDocument = document;
        Ordinal = ordinal;
        Previous = previous;
        Terms = vector.Terms;
        Weights = vector.Weights;
        double norm = 0;
        foreach (var weight in Weights)
        {
            norm += weight * weight;
        }

        Norm = Math.Sqrt(norm);
    }

    public string Text { get; }

    /// <summary>Index of the first document that has it.</summary>
    public int Document { get; }

    public int LastDocument { get; set; }

    /// <summary>1-based position among the sentences of its document.</summary>
    public int Ordinal { get; }

    /// <summary>The sentence right before it in its document, when that one is a candidate.</summary>
    public SummaryCandidate? Previous { get; }

    public string[] Terms { get; }

    public double[] Weights { get; }

    public double Norm { get; }

    /// <summary>Worked out when first asked for: most sentences are never looked at that closely.</summary>
    public SentenceTrait Traits => _traits ??= SentenceTraits.Classify(Text, TextTokens.Words(Text));

    /// <summary>Documents that have it.</summary>
    public int Support { get; set; } = 1;

    public double Centrality { get; set; }

    public double Score { get; set; }

    /// <summary>Reading-order group: 0 the development, 1 details, 2 reactions.</summary>
    public int Group { get; set; }

    public bool Has(SentenceTrait trait) => (Traits & trait) != 0;

    /// <summary>A 64-bit hash of the content words in order: two sentences with the same key are copies of one sentence.</summary>
    public static long ContentKey(List<string> terms)
    {
        var hash = unchecked((long)0xcbf29ce484222325);
        foreach (var term in terms)
        {
            foreach (var c in term)
            {
                hash = unchecked((hash ^ c) * 0x100000001b3);
            }

            hash = unchecked((hash ^ ' ') * 0x100000001b3);
        }

        return hash;
    }

    public static (string[] Terms, double[] Weights) Weigh(List<string> terms, Func<string, double> idf, Dictionary<string, int> counts)
    {
        counts.Clear();
        foreach (var term in terms)
        {
            counts[term] = counts.GetValueOrDefault(term) + 1;
        }

        var distinct = new string[counts.Count];
        var weights = new double[counts.Count];
        var i = 0;
        foreach (var (term, count) in counts)
        {
            distinct[i] = term;
            weights[i] = (1 + Math.Log(count)) * idf(term);
            i++;
        }

        return (distinct, weights);
    }

    public static double Cosine(SummaryCandidate a, SummaryCandidate b)
    {
        if (a.Norm == 0 || b.Norm == 0)
        {
            return 0;
        }

        double dot = 0;
        for (var i = 0; i < a.Terms.Length; i++)
        {
            var index = Array.IndexOf(b.Terms, a.Terms[i]);
            if (index >= 0)
            {
                dot += a.Weights[i] * b.Weights[index];
            }
        }

        return dot / (a.Norm * b.Norm);
    }
}
