namespace NewsDigest.Stories;

/// <summary>
/// The document's side of a cosine, computed once per candidate search instead of once per candidate story: each
/// term's weight times its inverse document frequency, that frequency alone, and the squared norm. Kept in the
/// document's order, so every sum adds the same numbers in the same order as before and rounds the same.
/// </summary>
internal sealed class WeightedTerms
{
    private float[] _weighted = new float[64];
    private float[] _idf = new float[64];

    public int[] Ids { get; private set; } = [];

    public ReadOnlySpan<float> Weighted => _weighted.AsSpan(0, Ids.Length);

    public ReadOnlySpan<float> Idf => _idf.AsSpan(0, Ids.Length);

    public double NormSquared { get; private set; }

    public static WeightedTerms Of(int[] ids, float[] weights, float[] idf)
    {
        var terms = new WeightedTerms();
        terms.Load(ids, weights, idf);
        return terms;
    }

    public void Load(int[] ids, float[] weights, float[] idf)
    {
        if (_weighted.Length < ids.Length)
        {
            _weighted = new float[Math.Max(ids.Length, _weighted.Length * 2)];
            _idf = new float[_weighted.Length];
        }

        double norm = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            var weight = weights[i] * idf[ids[i]];
            _weighted[i] = weight;
            _idf[i] = idf[ids[i]];
            norm += weight * weight;
        }

        Ids = ids;
        NormSquared = norm;
    }
}
