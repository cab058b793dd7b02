using NewsDigest.Stories;

namespace NewsDigest.Digest;

/// <summary>
/// Picks two to four sentences that say what happened. The first states the development: the lead of a report,
/// preferring the first report given (the editor puts the most authoritative first), sentences close to what all
/// the reports share and sentences that report an action and say when. The others add what the reports add
/// (details, numbers, reactions) without background or definitions, without repeating each other or what an earlier
/// digest said. A sentence that needs the one before it comes with it or not at all. They are returned in reading
/// order: the development, then details, then reactions.
/// </summary>
/// <remarks>
/// Work grows linearly with the text: sentences are read once, copies of a sentence are found by a hash of their
/// content words, and each pick is compared only with the few sentences already picked.
/// </remarks>
internal static class ExtractiveSummarizer
{
    private const int MinimumWords = 7;
    private const int MaximumWords = 60;

    /// <summary>Later sentences are rarely the ones a summary needs; reading only these bounds the work per document.</summary>
    private const int SentencesPerDocument = 30;

    /// <summary>Sentences of the first few of each article count as its lead.</summary>
    private const int LeadSentences = 3;

    /// <summary>Best-scored sentences the final picks are made from.</summary>
    private const int Shortlist = 24;

    /// <summary>A sentence counts as already said when this share of its content words was in a said sentence.</summary>
    private const double SaidOverlap = 0.6;

    /// <summary>Above this similarity to a picked sentence, a sentence says the same thing again.</summary>
    private const double Repeat = 0.7;

    private static readonly string[] Boilerplate =
    [
        "all rights reserved", "©", "subscribe", "newsletter", "leave a reply", "required fields", "cookie", "sign up",
        "click here", "free access", "free trial", "log in", "read more", "your email", "copyright", "advertisement",
        "posted in", "posted by", "filed under", "on behalf of", "follow us", "share this", "related articles",
    ];

    public static IReadOnlyList<SummarySentence> Summarize(
        IReadOnlyList<StoryDocument> documents,
        IReadOnlyList<string> alreadySaid,
        Func<string, double> inverseDocumentFrequency,
        int maximum = 4)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(alreadySaid);
        ArgumentNullException.ThrowIfNull(inverseDocumentFrequency);
        var said = new List<HashSet<string>>(alreadySaid.Count);
        foreach (var sentence in alreadySaid)
        {
            said.Add(new HashSet<string>(TextTokens.ContentWords(sentence), StringComparer.Ordinal));
        }

        var candidates = Read(documents, said, inverseDocumentFrequency);
        if (candidates.Count == 0)
        {
            return [];
        }

        Score(candidates, documents.Count);
        // When no opening sentence will do (every one needs its antecedent, say), the lead is looked for deeper.
        var lead = PickLead(candidates, said.Count > 0) ?? PickLead(candidates, deeper: true);
        if (lead is null)
        {
            return [];
        }

        var chosen = new List<Candidate>(maximum) { lead };
        lead.Group = 0;
        PickRest(candidates, chosen, maximum);

        // Reading order: the development, then details, then reactions; a pair stays together in its article's order.
        chosen.Sort(static (a, b) => a.Group != b.Group ? a.Group.CompareTo(b.Group)
            : a.Document != b.Document ? a.Document.CompareTo(b.Document) : a.Ordinal.CompareTo(b.Ordinal));
        var summary = new SummarySentence[chosen.Count];
        for (var i = 0; i < chosen.Count; i++)
        {
            summary[i] = new SummarySentence(chosen[i].Text, documents[chosen[i].Document].Id);
        }

        return summary;
    }

    private static List<Candidate> Read(IReadOnlyList<StoryDocument> documents, List<HashSet<string>> said, Func<string, double> idf)
    {
        var candidates = new List<Candidate>();
        var byContent = new Dictionary<long, Candidate>();
        var words = new List<string>();
        var terms = new List<string>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var d = 0; d < documents.Count; d++)
        {
            var ordinal = 0;
            Candidate? previous = null;
            foreach (var paragraph in documents[d].Paragraphs)
            {
                if (ordinal >= SentencesPerDocument)
                {
                    break;
                }

                foreach (var sentence in SentenceSplitter.Split(paragraph))
                {
                    words.Clear();
                    TextTokens.AddWords(sentence, words);
                    if (words.Count is < MinimumWords or > MaximumWords || !IsStatement(sentence))
                    {
                        // Captions, datelines and headings are not sentences of the article; a fragment breaks the chain.
                        previous = null;
                        continue;
                    }

                    ordinal++;
                    terms.Clear();
                    foreach (var word in words)
                    {
                        if (TextTokens.ContentForm(word) is { } term)
                        {
                            terms.Add(term);
                        }
                    }

                    if (terms.Count < 4 || IsSaid(terms, said))
                    {
                        previous = null;
                        continue;
                    }

                    var key = ContentKey(terms);
                    if (byContent.TryGetValue(key, out var copy))
                    {
                        // The same sentence in another copy or outlet: support for it, not a second candidate.
                        if (copy.LastDocument != d)
                        {
                            copy.Support++;
                            copy.LastDocument = d;
                        }

                        previous = copy.Document == d ? copy : null;
                        continue;
                    }

                    var candidate = new Candidate(sentence, d, ordinal, previous, Weigh(terms, idf, counts));
                    byContent[key] = candidate;
                    candidates.Add(candidate);
                    previous = candidate;
                    if (ordinal >= SentencesPerDocument)
                    {
                        break;
                    }
                }
            }
        }

        return candidates;
    }

    private static void Score(List<Candidate> candidates, int documentCount)
    {
        var centroid = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            for (var i = 0; i < candidate.Terms.Length; i++)
            {
                ref var weight = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(centroid, candidate.Terms[i], out _);
                weight += candidate.Weights[i] * candidate.Support;
            }
        }

        double centroidNorm = 0;
        foreach (var weight in centroid.Values)
        {
            centroidNorm += weight * weight;
        }

        centroidNorm = Math.Sqrt(centroidNorm);
        foreach (var candidate in candidates)
        {
            double dot = 0;
            for (var i = 0; i < candidate.Terms.Length; i++)
            {
                dot += candidate.Weights[i] * centroid[candidate.Terms[i]];
            }

            var centrality = centroidNorm == 0 || candidate.Norm == 0 ? 0 : dot / (centroidNorm * candidate.Norm);
            var position = 1.0 / Math.Sqrt(candidate.Ordinal);
            var support = (double)candidate.Support / documentCount;
            var authority = 1.0 / (1 + candidate.Document);
            candidate.Centrality = centrality;
            candidate.Score = (0.5 * centrality) + (0.25 * position) + (0.15 * support) + (0.1 * authority);
        }
    }

    /// <summary>The sentence that states the development: a lead sentence of a report, central, reporting an action and when.</summary>
    private static Candidate? PickLead(List<Candidate> candidates, bool deeper)
    {
        Candidate? best = null;
        var bestValue = double.MinValue;
        foreach (var candidate in candidates)
        {
            // Only an update looks past the opening sentences; the traits are worked out only for the sentences looked at.
            if ((candidate.Ordinal > LeadSentences && !deeper) || StartsWithQuote(candidate.Text)
                || candidate.Has(SentenceTrait.Background) || candidate.Has(SentenceTrait.Dangling))
            {
                continue;
            }

            var value = (0.5 * candidate.Centrality) + (0.35 / Math.Sqrt(candidate.Ordinal)) + (0.15 / (1 + candidate.Document))
                + (candidate.Has(SentenceTrait.Action) ? 0.08 : 0) + (candidate.Has(SentenceTrait.Dated) ? 0.06 : 0)
                - (candidate.Has(SentenceTrait.Conjecture) ? 0.1 : 0) - (candidate.Has(SentenceTrait.Reaction) ? 0.04 : 0);
            if (candidate.Ordinal > LeadSentences)
            {
                // An update's lead may sit deeper, because the new part of a follow-up report is not always its opening.
                value -= 0.05;
            }

            if (value > bestValue)
            {
                best = candidate;
                bestValue = value;
            }
        }

        return best;
    }

    private static void PickRest(List<Candidate> candidates, List<Candidate> chosen, int maximum)
    {
        var ranked = new List<Candidate>(candidates);
        ranked.Sort(static (a, b) => b.Score.CompareTo(a.Score));
        var shortlist = new List<Candidate>(Shortlist);
        foreach (var candidate in ranked)
        {
            if (shortlist.Count == Shortlist)
            {
                break;
            }

            if (!ReferenceEquals(candidate, chosen[0]) && !candidate.Has(SentenceTrait.Background))
            {
                shortlist.Add(candidate);
            }
        }

        var floor = 0.6 * chosen[0].Score;
        while (chosen.Count < maximum && shortlist.Count > 0)
        {
            var bestIndex = -1;
            var bestValue = double.MinValue;
            for (var i = 0; i < shortlist.Count; i++)
            {
                var redundancy = MaxSimilarity(shortlist[i], chosen);
                if (redundancy >= Repeat)
                {
                    continue;
                }

                var value = shortlist[i].Score - (0.6 * redundancy) - (shortlist[i].Has(SentenceTrait.Conjecture) ? 0.08 : 0);
                if (value > bestValue)
                {
                    bestIndex = i;
                    bestValue = value;
                }
            }

            // Two sentences always when there are two; beyond that only while they still add something.
            if (bestIndex < 0 || (chosen.Count >= 2 && bestValue < floor))
            {
                break;
            }

            var best = shortlist[bestIndex];
            shortlist.RemoveAt(bestIndex);
            if (!best.Has(SentenceTrait.Dangling))
            {
                best.Group = best.Has(SentenceTrait.Reaction) ? 2 : 1;
                chosen.Add(best);
                continue;
            }

            // A sentence that needs its antecedent comes right after it, or not at all.
            var antecedent = best.Previous;
            if (antecedent is null || antecedent.Has(SentenceTrait.Dangling))
            {
                continue;
            }

            if (chosen.Contains(antecedent))
            {
                best.Group = antecedent.Group;
                chosen.Add(best);
            }
            else if (chosen.Count + 2 <= maximum && !antecedent.Has(SentenceTrait.Background) && MaxSimilarity(antecedent, chosen) < Repeat)
            {
                antecedent.Group = antecedent.Has(SentenceTrait.Reaction) ? 2 : 1;
                best.Group = antecedent.Group;
                chosen.Add(antecedent);
                chosen.Add(best);
                shortlist.Remove(antecedent);
            }
        }
    }

    private static double MaxSimilarity(Candidate candidate, List<Candidate> chosen)
    {
        double max = 0;
        foreach (var other in chosen)
        {
            max = Math.Max(max, Cosine(candidate, other));
        }

        return max;
    }

    private static bool IsSaid(List<string> terms, List<HashSet<string>> said)
    {
        foreach (var sentence in said)
        {
            var shared = 0;
            foreach (var term in terms)
            {
                if (sentence.Contains(term))
                {
                    shared++;
                }
            }

            if (shared >= SaidOverlap * terms.Count)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a summary could use the sentence at all: a whole statement of a sensible length, not boilerplate.</summary>
    public static bool IsSentence(string sentence)
    {
        var words = TextTokens.Words(sentence).Count;
        return words is >= MinimumWords and <= MaximumWords && IsStatement(sentence);
    }

    private static bool IsStatement(string sentence)
    {
        var last = sentence[^1];
        // A caption ("..., right, and ... AP-Yonhap") or a heading has no closing punctuation.
        if (last is not ('.' or '!' or '"' or '\u201d' or '\'' or '\u2019' or ')'))
        {
            return false;
        }

        var firstLetter = sentence.AsSpan().IndexOfAnyExcept(" \"'\u201c\u2018(");
        if (firstLetter < 0 || char.IsLower(sentence[firstLetter]))
        {
            return false;
        }

        var upper = 0;
        var opening = 0;
        var closing = 0;
        foreach (var c in sentence)
        {
            if (char.IsUpper(c))
            {
                upper++;
            }
            else if (c == '\u201c')
            {
                opening++;
            }
            else if (c == '\u201d')
            {
                closing++;
            }
        }

        // Shouting, or a sentence cut out of a quotation that runs over several sentences (an unmatched quote mark).
        if (upper > sentence.Length / 2 || closing != opening)
        {
            return false;
        }

        foreach (var phrase in Boilerplate)
        {
            if (sentence.Contains(phrase, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    private static bool StartsWithQuote(string sentence) => sentence[0] is '"' or '\u201c' or '\'' or '\u2018';

    /// <summary>A 64-bit hash of the content words in order: two sentences with the same key are copies of one sentence.</summary>
    private static long ContentKey(List<string> terms)
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

    private static (string[] Terms, double[] Weights) Weigh(List<string> terms, Func<string, double> idf, Dictionary<string, int> counts)
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

    private static double Cosine(Candidate a, Candidate b)
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

    private sealed class Candidate
    {
        private SentenceTrait? _traits;

        public Candidate(string text, int document, int ordinal, Candidate? previous, (string[] Terms, double[] Weights) vector)
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
        public Candidate? Previous { get; }

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
    }
}
