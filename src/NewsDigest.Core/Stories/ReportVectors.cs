namespace NewsDigest.Stories;

/// <summary>
/// The weighted term and lead vectors (<see cref="WeightedTerms"/>) of one story's reports, loaded when the story is
/// first weighed and reused for every candidate it is weighed against: the merge passes weigh a story against up to
/// four candidates, and loading a report's vectors looks up every term's weight, as much work as a cosine.
/// </summary>
internal sealed class ReportVectors
{
    private readonly List<(WeightedTerms Terms, WeightedTerms Lead)> _vectors = [];
    private List<DocumentFeatures>? _reports;
    private int _loaded;

    /// <summary>Moves on to another story, or to one whose reports changed: its vectors are loaded when next asked for.</summary>
    public void Forget() => (_reports, _loaded) = (null, 0);

    /// <summary>The vectors of each of <paramref name="reports"/>, in their order: loaded now unless they were since <see cref="Forget"/>.</summary>
    public IReadOnlyList<(WeightedTerms Terms, WeightedTerms Lead)> Of(List<DocumentFeatures> reports, float[] idf)
    {
        if (!ReferenceEquals(reports, _reports) || _loaded != reports.Count)
        {
            while (_vectors.Count < reports.Count)
            {
                _vectors.Add((new WeightedTerms(), new WeightedTerms()));
            }

            for (var r = 0; r < reports.Count; r++)
            {
                var (terms, lead) = _vectors[r];
                terms.Load(reports[r].TermIds, reports[r].TermWeights, idf);
                lead.Load(reports[r].LeadIds, reports[r].LeadWeights, idf);
            }

            (_reports, _loaded) = (reports, reports.Count);
        }

        return _vectors;
    }
}
