using NewsDigest.Stories;

namespace NewsDigest.Digest;

/// <summary>
/// Picks the two to four most informative sentences of a story's new documents: close to the story's centroid
/// (centrality), early in their article (position), repeated across outlets (support), and not what an earlier
/// digest already said (novelty); each pick penalises sentences like the ones already picked.
/// </summary>
internal static class ExtractiveSummarizer
{
    private const int MinimumWords = 7;
    private const int MaximumWords = 60;

    /// <summary>A sentence counts as already said when this share of its content words was in a said sentence.</summary>
    private const double SaidOverlap = 0.6;

    private static readonly string[] Boilerplate =
    [
        "all rights reserved", "©", "subscribe", "newsletter", "leave a reply", "required fields", "cookie", "sign up",
        "click here", "free access", "free trial", "log in", "read more", "your email", "copyright", "advertisement",
    ];

    public static IReadOnlyList<string> Summarize(
        IReadOnlyList<StoryDocument> documents,
        IReadOnlyList<string> alreadySaid,
        Func<string, double> inverseDocumentFrequency,
        int maximum = 4)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(alreadySaid);
        ArgumentNullException.ThrowIfNull(inverseDocumentFrequency);
        var said = alreadySaid.Select(s => new HashSet<string>(TextTokens.ContentWords(s), StringComparer.Ordinal)).ToList();
        var candidates = new List<Candidate>();
        for (var d = 0; d < documents.Count; d++)
        {
            var ordinal = 0;
            foreach (var paragraph in documents[d].Paragraphs)
            {
                foreach (var sentence in SentenceSplitter.Split(paragraph))
                {
                    ordinal++;
                    var words = TextTokens.Words(sentence);
                    if (words.Count is < MinimumWords or > MaximumWords || !IsStatement(sentence))
                    {
                        continue;
                    }

                    var terms = TextTokens.ContentWords(sentence).ToList();
                    if (terms.Count < 4)
                    {
                        continue;
                    }

                    var set = new HashSet<string>(terms, StringComparer.Ordinal);
                    Candidate? repeat = null;
                    foreach (var candidate in candidates)
                    {
                        if (Overlap(candidate.Terms, set) >= 0.8)
                        {
                            repeat = candidate;
                            break;
                        }
                    }

                    if (repeat is not null)
                    {
                        // The same sentence in another copy or outlet: support for it, not a second candidate.
                        if (repeat.Documents.Add(d) && ordinal < repeat.Ordinal)
                        {
                            repeat.Ordinal = ordinal;
                        }

                        continue;
                    }

                    if (said.Any(s => Overlap(set, s) >= SaidOverlap))
                    {
                        continue;
                    }

                    candidates.Add(new Candidate(sentence, set, Vector(terms, inverseDocumentFrequency), d, ordinal));
                }
            }
        }

        if (candidates.Count == 0)
        {
            return [];
        }

        var centroid = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            foreach (var (term, weight) in candidate.Vector)
            {
                centroid[term] = centroid.GetValueOrDefault(term) + (weight * candidate.Documents.Count);
            }
        }

        foreach (var candidate in candidates)
        {
            var centrality = Cosine(candidate.Vector, centroid);
            var position = 1.0 / Math.Sqrt(candidate.Ordinal);
            var support = (double)candidate.Documents.Count / documents.Count;
            candidate.Score = (0.55 * centrality) + (0.3 * position) + (0.15 * support);
        }

        var chosen = new List<Candidate>();
        while (chosen.Count < maximum)
        {
            Candidate? best = null;
            var bestValue = double.MinValue;
            foreach (var candidate in candidates.Where(c => !chosen.Contains(c)))
            {
                var redundancy = chosen.Count == 0 ? 0 : chosen.Max(c => Cosine(candidate.Vector, c.Vector));
                var value = candidate.Score - (0.6 * redundancy);
                if (value > bestValue)
                {
                    best = candidate;
                    bestValue = value;
                }
            }

            // Two sentences always when there are two; beyond that only while they still add something.
            if (best is null || (chosen.Count >= 2 && bestValue < 0.6 * chosen[0].Score))
            {
                break;
            }

            chosen.Add(best);
        }

        return [.. chosen.OrderBy(c => c.Document).ThenBy(c => c.Ordinal).Select(c => c.Text)];
    }

    private static bool IsStatement(string sentence)
    {
        if (sentence.EndsWith('?') || sentence.Count(char.IsUpper) > sentence.Length / 2 || char.IsLower(sentence.First(char.IsLetterOrDigit)))
        {
            return false;
        }

        // A sentence cut out of the middle of a quotation reads as a fragment with a dangling quote mark.
        if (sentence.Count(c => c == '\u201d') > sentence.Count(c => c == '\u201c'))
        {
            return false;
        }

        var lower = TextTokens.ToInvariantLower(sentence);
        return !Boilerplate.Any(b => lower.Contains(b, StringComparison.Ordinal));
    }

    private static double Overlap(HashSet<string> sentence, HashSet<string> other)
    {
        if (sentence.Count == 0)
        {
            return 0;
        }

        var shared = 0;
        foreach (var term in sentence)
        {
            if (other.Contains(term))
            {
                shared++;
            }
        }

        return (double)shared / sentence.Count;
    }

    private static Dictionary<string, double> Vector(List<string> terms, Func<string, double> inverseDocumentFrequency)
    {
        var vector = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            vector[term] = vector.GetValueOrDefault(term) + 1;
        }

        foreach (var term in vector.Keys.ToList())
        {
            vector[term] = (1 + Math.Log(vector[term])) * inverseDocumentFrequency(term);
        }

        return vector;
    }

    private static double Cosine(Dictionary<string, double> a, Dictionary<string, double> b)
    {
        double dot = 0;
        foreach (var (term, weight) in a)
        {
            if (b.TryGetValue(term, out var other))
            {
                dot += weight * other;
            }
        }

        var norm = Math.Sqrt(a.Values.Sum(v => v * v)) * Math.Sqrt(b.Values.Sum(v => v * v));
        return norm == 0 ? 0 : dot / norm;
    }

    private sealed class Candidate(string text, HashSet<string> terms, Dictionary<string, double> vector, int document, int ordinal)
    {
        public string Text { get; } = text;

        public HashSet<string> Terms { get; } = terms;

        public Dictionary<string, double> Vector { get; } = vector;

        public int Document { get; } = document;

        public int Ordinal { get; set; } = ordinal;

        public HashSet<int> Documents { get; } = [document];

        public double Score { get; set; }
    }
}
