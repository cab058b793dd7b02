using System.Numerics;
using System.Runtime.InteropServices;
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

    /// <summary>Said sentences checked (the most recent): a story remembers fewer, so this only bounds a hostile profile.</summary>
    private const int MaxSaid = 64;

    /// <summary>The most the traits can add to a lead's value: a candidate whose value cannot reach the best is not classified.</summary>
    private const double MostTraitsAdd = 0.08 + 0.06;

    /// <summary>The same with a workspace of its own; composing a digest shares one across its stories.</summary>
    public static IReadOnlyList<SummarySentence> Summarize(
        IReadOnlyList<StoryDocument> documents,
        IReadOnlyList<string> alreadySaid,
        Func<string, double> inverseDocumentFrequency,
        int maximum = 4)
    {
        ArgumentNullException.ThrowIfNull(inverseDocumentFrequency);
        return Summarize(documents, alreadySaid, new SummaryWorkspace(inverseDocumentFrequency), maximum);
    }

    public static IReadOnlyList<SummarySentence> Summarize(
        IReadOnlyList<StoryDocument> documents,
        IReadOnlyList<string> alreadySaid,
        SummaryWorkspace workspace,
        int maximum = 4)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(alreadySaid);
        ArgumentNullException.ThrowIfNull(workspace);
        workspace.BeginStory();
        var said = IndexSaid(alreadySaid, workspace);
        var candidates = Read(documents, said, workspace);
        if (candidates.Count == 0)
        {
            return [];
        }

        Score(candidates, documents.Count, workspace);
        // When no opening sentence will do (every one needs its antecedent, say), the lead is looked for deeper.
        var lead = PickLead(candidates, said > 0) ?? PickLead(candidates, deeper: true);
        if (lead is null)
        {
            return [];
        }

        var chosen = new List<SummaryCandidate>(maximum) { lead };
        lead.Group = 0;
        PickRest(candidates, chosen, maximum, workspace);

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

    /// <summary>
    /// Which of the said sentences (the most recent <see cref="MaxSaid"/>) has each term, one bit per sentence, so a
    /// sentence is checked against all of them in one pass over its terms.
    /// </summary>
    private static int IndexSaid(IReadOnlyList<string> alreadySaid, SummaryWorkspace workspace)
    {
        if (alreadySaid.Count == 0)
        {
            return 0;
        }

        var first = Math.Max(0, alreadySaid.Count - MaxSaid);
        var terms = new HashSet<int>();
        for (var s = first; s < alreadySaid.Count; s++)
        {
            terms.Clear();
            workspace.ReadTerms(alreadySaid[s], terms);
            foreach (var term in terms)
            {
                ref var mask = ref CollectionsMarshal.GetValueRefOrAddDefault(workspace.SaidMasks, term, out _);
                mask |= 1UL << (s - first);
            }
        }

        return alreadySaid.Count - first;
    }

    private static List<SummaryCandidate> Read(IReadOnlyList<StoryDocument> documents, int said, SummaryWorkspace workspace)
    {
        var ranges = workspace.Ranges;
        var words = workspace.SentenceWords;
        var terms = workspace.SentenceTerms;
        for (var d = 0; d < documents.Count; d++)
        {
            var ordinal = 0;
            SummaryCandidate? previous = null;
            foreach (var paragraph in documents[d].Paragraphs)
            {
                if (ordinal >= SentencesPerDocument)
                {
                    break;
                }

                var text = SentenceSplitter.Squashed(paragraph);
                ranges.Clear();
                SentenceSplitter.Split(text, ranges);
                foreach (var (start, length) in ranges)
                {
                    var sentence = text.AsSpan(start, length);
                    workspace.Read(sentence);
                    if (words.Count is < SentenceFilter.MinimumWords or > SentenceFilter.MaximumWords || !SentenceFilter.IsStatement(sentence, workspace.Marks))
                    {
                        // Captions, datelines and headings are not sentences of the article; a fragment breaks the chain.
                        previous = null;
                        continue;
                    }

                    ordinal++;
                    if (terms.Count < 4 || IsSaid(terms, said, workspace))
                    {
                        previous = null;
                        continue;
                    }

                    var key = SummaryCandidate.ContentKey(terms);
                    if (workspace.ByContent.TryGetValue(key, out var copy))
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

                    var candidate = workspace.Candidate(text, start, length, d, ordinal, previous);
                    workspace.ByContent[key] = candidate;
                    previous = candidate;
                    if (ordinal >= SentencesPerDocument)
                    {
                        break;
                    }
                }
            }
        }

        return workspace.Candidates;
    }

    private static void Score(List<SummaryCandidate> candidates, int documentCount, SummaryWorkspace workspace)
    {
        var distinct = workspace.SortedTerms;
        distinct.Clear();
        foreach (var candidate in candidates)
        {
            var terms = workspace.Terms(candidate);
            var weights = workspace.Weights(candidate);
            for (var i = 0; i < terms.Length; i++)
            {
                if (workspace.AddToCentroid(terms[i], weights[i] * candidate.Support))
                {
                    distinct.Add(terms[i]);
                }
            }
        }

        double centroidNorm = 0;
        foreach (var term in distinct)
        {
            var weight = workspace.CentroidWeight(term);
            centroidNorm += weight * weight;
        }

        centroidNorm = Math.Sqrt(centroidNorm);
        foreach (var candidate in candidates)
        {
            double dot = 0;
            var terms = workspace.Terms(candidate);
            var weights = workspace.Weights(candidate);
            for (var i = 0; i < terms.Length; i++)
            {
                dot += weights[i] * workspace.CentroidWeight(terms[i]);
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
    private static SummaryCandidate? PickLead(List<SummaryCandidate> candidates, bool deeper)
    {
        SummaryCandidate? best = null;
        var bestValue = double.MinValue;
        foreach (var candidate in candidates)
        {
            if (candidate.Ordinal > LeadSentences && !deeper)
            {
                continue;
            }

            var standing = (0.5 * candidate.Centrality) + (0.35 / Math.Sqrt(candidate.Ordinal)) + (0.15 / (1 + candidate.Document))
                - (candidate.Ordinal > LeadSentences ? 0.05 : 0);
            if (standing + MostTraitsAdd + 1e-9 < bestValue)
            {
                // Cannot win whatever its traits: not worth classifying.
                continue;
            }

            // Only an update looks past the opening sentences; the traits are worked out only for the sentences looked at.
            if (SentenceFilter.StartsWithQuote(candidate.Span) || candidate.Has(SentenceTrait.Background) || candidate.Has(SentenceTrait.Dangling))
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

    private static void PickRest(List<SummaryCandidate> candidates, List<SummaryCandidate> chosen, int maximum, SummaryWorkspace workspace)
    {
        var ranked = workspace.Ranked;
        ranked.Clear();
        ranked.AddRange(candidates);
        ranked.Sort(static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Index.CompareTo(b.Index));
        // The shortlist is the best-ranked sentences that are not background, found lazily: the traits of a sentence are
        // worked out only when it could still be the best pick, since its value never exceeds its score.
        var shortlist = workspace.Shortlist;
        shortlist.Clear();
        var scanned = 0;
        var floor = 0.6 * chosen[0].Score;
        while (chosen.Count < maximum)
        {
            SummaryCandidate? best = null;
            var bestValue = double.MinValue;
            for (var i = 0; ; i++)
            {
                if (i == shortlist.Count && (shortlist.Count == Shortlist || !NextOnShortlist(ranked, ref scanned, chosen[0], shortlist, bestValue)))
                {
                    break;
                }

                var candidate = shortlist[i];
                if (candidate.Score <= bestValue)
                {
                    break;
                }

                if (candidate.Dropped)
                {
                    continue;
                }

                var redundancy = MaxSimilarity(candidate, chosen);
                if (redundancy >= Repeat)
                {
                    continue;
                }

                var value = candidate.Score - (0.6 * redundancy) - (candidate.Has(SentenceTrait.Conjecture) ? 0.08 : 0);
                if (value > bestValue)
                {
                    best = candidate;
                    bestValue = value;
                }
            }

            // Two sentences always when there are two; beyond that only while they still add something.
            if (best is null || (chosen.Count >= 2 && bestValue < floor))
            {
                break;
            }

            best.Dropped = true;
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
                antecedent.Dropped = true;
            }
        }
    }

    /// <summary>
    /// Adds the next sentence of the shortlist (by rank, neither the lead nor background), unless every sentence left
    /// scores no more than <paramref name="bestValue"/> and so could not be picked anyway.
    /// </summary>
    private static bool NextOnShortlist(List<SummaryCandidate> ranked, ref int scanned, SummaryCandidate lead, List<SummaryCandidate> shortlist, double bestValue)
    {
        while (scanned < ranked.Count)
        {
            var candidate = ranked[scanned];
            if (candidate.Score <= bestValue)
            {
                return false;
            }

            scanned++;
            if (!ReferenceEquals(candidate, lead) && !candidate.Has(SentenceTrait.Background))
            {
                shortlist.Add(candidate);
                return true;
            }
        }

        return false;
    }

    private static double MaxSimilarity(SummaryCandidate candidate, List<SummaryCandidate> chosen)
    {
        double max = 0;
        foreach (var other in chosen)
        {
            max = Math.Max(max, SummaryCandidate.Cosine(candidate, other));
        }

        return max;
    }

    /// <summary>Whether this share of the sentence's terms (repeats counted) was in one of the said sentences.</summary>
    private static bool IsSaid(List<int> terms, int said, SummaryWorkspace workspace)
    {
        if (said == 0)
        {
            return false;
        }

        var shared = workspace.SaidShared.AsSpan(0, said);
        shared.Clear();
        foreach (var term in terms)
        {
            if (workspace.SaidMasks.TryGetValue(term, out var mask))
            {
                while (mask != 0)
                {
                    shared[BitOperations.TrailingZeroCount(mask)]++;
                    mask &= mask - 1;
                }
            }
        }

        foreach (var count in shared)
        {
            if (count >= SaidOverlap * terms.Count)
            {
                return true;
            }
        }

        return false;
    }
}
