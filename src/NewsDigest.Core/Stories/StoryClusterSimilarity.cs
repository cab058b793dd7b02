using System.Runtime.InteropServices;
using NewsDigest.Normalization;
using static NewsDigest.Stories.StoryClusterer;

namespace NewsDigest.Stories;

/// <summary>How a document compares with a story (<see cref="Similarity"/>).</summary>
internal sealed partial class StoryCluster
{
    private static double Cosine(WeightedTerms document, CentroidMap centroid, ref double? centroidNorm, float[] idf)
    {
        double dot = 0;
        var ids = document.Ids;
        var weighted = document.Weighted;
        var idfs = document.Idf;
        for (var i = 0; i < weighted.Length; i++)
        {
            if (centroid.TryGetValue(ids[i], out var other))
            {
                dot += weighted[i] * other * idfs[i];
            }
        }

        var norm = document.NormSquared;
        centroidNorm ??= Norm(centroid, idf);
        return norm == 0 || centroidNorm == 0 ? 0 : dot / (Math.Sqrt(norm) * centroidNorm.Value);
    }

    private static double Norm(CentroidMap centroid, float[] idf)
    {
        // Summed in the dictionary's order, as before: the same rounding, so the same decisions.
        double sum = 0;
        foreach (var (id, weight) in centroid)
        {
            sum += (double)weight * idf[id] * weight * idf[id];
        }

        return Math.Sqrt(sum);
    }

    public StorySimilarity Similarity(DocumentFeatures document, float[] idf)
    {
        var s = Measure(document, idf);
        return new StorySimilarity(s.Cosine, s.LeadCosine, s.Names, s.SameDay, s.Jaccard, s.IsCopy, s.Combined);
    }

    /// <summary>The combined score of <see cref="Similarity"/> alone, with nothing allocated: what the candidate search needs.</summary>
    public double Score(DocumentFeatures document, float[] idf) => Measure(document, idf).Combined;

    /// <summary><see cref="Score(DocumentFeatures, float[])"/> with the document's weighted terms and lead already computed.</summary>
    public double Score(DocumentFeatures document, float[] idf, WeightedTerms terms, WeightedTerms lead) =>
        Measure(document, idf, terms, lead).Combined;

    /// <summary>
    /// The combined score when it can be above <paramref name="toBeat"/>; otherwise a value no greater than it, found
    /// without finishing the measures. The candidate search only keeps a story that scores above the best so far.
    /// </summary>
    public double ScoreAbove(DocumentFeatures document, float[] idf, WeightedTerms terms, WeightedTerms lead, double toBeat) =>
        Measure(document, idf, terms, lead, toBeat).Combined;

    private Measures Measure(DocumentFeatures document, float[] idf, WeightedTerms? terms = null, WeightedTerms? lead = null, double toBeat = double.NegativeInfinity)
    {
        var jaccard = 0.0;
        var own = document.Document.Signature;
        var ownValues = own.Values as uint[];
        for (var k = 0; k < _signatures.Count; k++)
        {
            var (values, shingles) = _signatureValues[k];
            double j;
            var copy = ownValues is not null && values is not null
                ? AreCopies(ownValues, document.Shingles, values, shingles, out j)
                : AreCopies(own, document.Shingles, _signatures[k].Signature, _signatures[k].Shingles, out j);
            if (copy)
            {
                return new Measures(1, 1, 1, true, j, true, 1 + j);
            }

            jaccard = Math.Max(jaccard, j);
        }

        // Every measure is at most 1 and every factor below at most 1, so the weights bound the score: what a copy
        // scores is out of reach of anything else, and a low cosine can leave the rest unable to make up the gap.
        var most = ((Weights.Cosine + Weights.Lead + Weights.Names) * MeasureCeiling) + Weights.SameDay;
        if (most <= toBeat)
        {
            return new Measures(0, 0, 0, false, jaccard, false, most);
        }

        var cosine = Cosine(terms ?? WeightedTerms.Of(document.TermIds, document.TermWeights, idf), _centroid, ref _norm, idf);
        most = (Weights.Cosine * cosine) + ((Weights.Lead + Weights.Names) * MeasureCeiling) + (cosine >= DayEvidenceFloor ? Weights.SameDay : 0);
        if (most <= toBeat)
        {
            return new Measures(cosine, 0, 0, false, jaccard, false, most);
        }

        // The names and the factors cost a few look-ups where the lead's cosine costs one per lead term: with them the
        // bound is tighter (a story over a year apart keeps a fifth of its score), and a fifth of the lead cosines go.
        var names = Names(document, idf);
        var factors = Factors(document);
        most = ((Weights.Cosine * cosine) + (Weights.Lead * MeasureCeiling) + (Weights.Names * names) + (cosine >= DayEvidenceFloor ? Weights.SameDay : 0))
            * factors.OtherDays * factors.Stranger * factors.Damping * MeasureCeiling;
        if (most <= toBeat)
        {
            return new Measures(cosine, 0, names, false, jaccard, false, most);
        }

        var leadCosine = Cosine(lead ?? WeightedTerms.Of(document.LeadIds, document.LeadWeights, idf), _lead, ref _leadNorm, idf);
        // Naming the same day supports lexical evidence but cannot replace it: most of a day's news names the same days.
        var sameDay = cosine >= DayEvidenceFloor && (_mentionedDays.Near(document.MentionedDays)
            || _publishedDays.Near(document.MentionedDays)
            || _mentionedDays.Near(document.PublishedDays));

        // Multiplied in this order, factor by factor, as always: the same rounding, so the same decisions.
        var combined = (Weights.Cosine * cosine) + (Weights.Lead * leadCosine) + (Weights.Names * names) + (sameDay ? Weights.SameDay : 0);
        combined *= factors.OtherDays;
        combined *= factors.Stranger;
        combined *= factors.Damping;
        return new Measures(cosine, leadCosine, names, sameDay, jaccard, false, combined);
    }

    /// <summary>The overlap of the names the document and the story mention, weighed by how rare each is.</summary>
    private double Names(DocumentFeatures document, float[] idf)
    {
        double entityDot = 0;
        double entityDocumentNorm = 0;
        foreach (var id in document.EntityIds)
        {
            var weight = idf[id];
            entityDocumentNorm += weight * weight;
            if (_entities.TryGetValue(id, out var known))
            {
                entityDot += weight * idf[id] * known.Count / _members;
            }
        }

        var entityNorm = Math.Sqrt(_entitySquares) / _members;
        return entityDocumentNorm == 0 || entityNorm == 0 ? 0 : entityDot / (Math.Sqrt(entityDocumentNorm) * entityNorm);
    }

    /// <summary>
    /// What the score keeps (each 1 or less) when an undated document names other days than the story's, when the
    /// headline names a person the story never mentions, and for the time between the document and the story.
    /// </summary>
    private (double OtherDays, double Stranger, double Damping) Factors(DocumentFeatures document)
    {
        var otherDays = 1.0;
        if (document.Document.Published is null && IsDated && document.MentionedDays.Length > 0
            && !_publishedDays.Near(document.MentionedDays) && !_mentionedDays.Near(document.MentionedDays))
        {
            // An undated report whose own days ("Dec. 17") are none of the story's days tells of another occasion.
            otherDays = OtherDaysFactor;
        }

        // Same kind of event, someone else: "Pierre Thomas on injured reserve" is not "Reggie Bush's season over".
        var stranger = _members >= 2 && HeadlineNamesSomeoneElse(document) ? HeadlineStrangerFactor : 1.0;
        var damping = 1.0;
        if (document.Document.Published is { } published && _firstPublished is { } first && _lastPublished is { } last)
        {
            var gap = published < first ? first - published : published > last ? published - last : TimeSpan.Zero;
            // One development is reported within days; months apart it is a different development.
            damping = DateDamping(gap);
        }

        return (otherDays, stranger, damping);
    }

    /// <summary>The most a cosine or the names' overlap can be: 1, and a little for rounding.</summary>
    private const double MeasureCeiling = 1 + 1e-6;

    private readonly record struct Measures(double Cosine, double LeadCosine, double Names, bool SameDay, double Jaccard, bool IsCopy, double Combined);

    /// <summary>Whether the headline names a person none of the story's documents mention.</summary>
    private bool HeadlineNamesSomeoneElse(DocumentFeatures document)
    {
        foreach (var id in document.HeadlinePeople)
        {
            if (!_entities.ContainsKey(id))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Reports of one development come within days; follow-ups (a trial, a recovery) within months; a year apart it is
    /// another development of the same kind. The damping grows with the gap rather than cutting at one.
    /// </summary>
    internal static double DateDamping(TimeSpan gap) =>
        gap <= TimeSpan.FromDays(7) ? 1.0 : gap <= TimeSpan.FromDays(120) ? 0.8 : gap <= TimeSpan.FromDays(365) ? 0.5 : 0.2;
}
