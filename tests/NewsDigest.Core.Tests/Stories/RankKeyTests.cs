using NewsDigest.Stories;

namespace NewsDigest.Tests.Stories;

public sealed class RankKeyTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Sort_RandomWeightsWithTies_SortsAsTheWeightsThenThePosition(bool heaviestFirst)
    {
        var (weights, keys) = RandomWeights(heaviestFirst ? RankKey.HeaviestFirst : RankKey.LightestFirst);

        Array.Sort(keys);

        var positions = Enumerable.Range(0, weights.Length);
        var expected = heaviestFirst ? positions.OrderByDescending(i => weights[i]) : positions.OrderBy(i => weights[i]);
        Assert.Equal(expected.ThenBy(i => i), keys.Select(RankKey.Position));
    }

    [Fact]
    public void SelectSmallest_RandomKeysAndCounts_FirstCountAreTheSmallestInOrder()
    {
        var random = new Random(5);
        for (var round = 0; round < 2000; round++)
        {
            var keys = Enumerable.Range(0, random.Next(0, 300))
                .Select(i => RankKey.HeaviestFirst(random.Next(4) == 0 ? 1.5f : (float)random.NextDouble(), i))
                .ToArray();
            var count = random.Next(0, 24);
            var sorted = keys.Order().ToArray();

            var kept = RankKey.SelectSmallest(keys, count);

            Assert.Equal(Math.Min(count, keys.Length), kept);
            Assert.Equal(sorted.Take(kept), keys.Take(kept));
        }
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
