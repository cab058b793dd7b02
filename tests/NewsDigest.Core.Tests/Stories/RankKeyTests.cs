using NewsDigest.Stories;

namespace NewsDigest.Tests.Stories;

public sealed class RankKeyTests
{
    [Fact]
    public void HeaviestFirst_RandomWeightsWithTies_SortsAsWeightDescendingThenPosition()
    {
        var (weights, keys) = RandomWeights(static (weight, position) => RankKey.HeaviestFirst(weight, position));

        Array.Sort(keys);

        var expected = Enumerable.Range(0, weights.Length).OrderByDescending(i => weights[i]).ThenBy(i => i);
        Assert.Equal(expected, keys.Select(RankKey.Position));
    }

    [Fact]
    public void LightestFirst_RandomWeightsWithTies_SortsAsWeightAscendingThenPosition()
    {
        var (weights, keys) = RandomWeights(static (weight, position) => RankKey.LightestFirst(weight, position));

        Array.Sort(keys);

        var expected = Enumerable.Range(0, weights.Length).OrderBy(i => weights[i]).ThenBy(i => i);
        Assert.Equal(expected, keys.Select(RankKey.Position));
    }

    /// <summary>Positive weights from tiny to large, many of them equal, and their keys.</summary>
    private static (float[] Weights, long[] Keys) RandomWeights(Func<float, int, long> key)
    {
        var random = new Random(9);
        var weights = new float[5000];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = random.Next(4) == 0 ? random.Next(1, 20) / 8f : (float)(random.NextDouble() * Math.Pow(10, random.Next(-30, 30)));
        }

        return (weights, [.. weights.Select((w, i) => key(w, i))]);
    }
}
