namespace NewsDigest.Stories;

/// <summary>
/// Counts of term ids for one document at a time, in a dense array reused across the documents of one grouping
/// (a dictionary per document was most of what building features allocated). Ids come out in the order they were
/// first counted, as a dictionary's keys did, so the vectors built from them are the same.
/// </summary>
internal sealed class TermCounter
{
    private readonly SparseCounts<float> _counts = new();

    /// <summary>Adds <paramref name="amount"/> (positive) to the count of <paramref name="id"/>.</summary>
    public void Add(int id, float amount) => _counts.Add(id, amount);

    /// <summary>The counted ids with weights 1 + log(count), scaled to unit length; then forgets the counts.</summary>
    public (int[] Ids, float[] Weights) ToUnitVector()
    {
        var ids = _counts.Touched.ToArray();
        var weights = new float[ids.Length];
        double norm = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            weights[i] = Weight(_counts[ids[i]]);
            norm += weights[i] * weights[i];
        }

        norm = Math.Sqrt(norm);
        for (var i = 0; i < weights.Length && norm > 0; i++)
        {
            weights[i] = (float)(weights[i] / norm);
        }

        _counts.Clear();
        return (ids, weights);
    }

    // 1 + log(count) for the whole counts most terms have (counts are sums of whole amounts): the same numbers,
    // looked up instead of a logarithm per term of every document.
    private static readonly float[] SmallCountWeights = [.. Enumerable.Range(0, 256).Select(static n => (float)(1 + Math.Log(n)))];

    private static float Weight(float count)
    {
        var whole = (int)count;
        return whole == count && (uint)whole < (uint)SmallCountWeights.Length ? SmallCountWeights[whole] : (float)(1 + Math.Log(count));
    }
}
