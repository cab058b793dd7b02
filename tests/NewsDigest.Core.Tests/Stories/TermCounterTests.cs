using NewsDigest.Stories;

namespace NewsDigest.Tests.Stories;

public sealed class TermCounterTests
{
    [Fact]
    public void ToUnitVector_WholeAndFractionalCounts_WeighsEachOnePlusLogOfItsCountScaledToUnitLength()
    {
        var counter = new TermCounter();
        float[] counts = [1, 2, 3, 7, 255, 256, 300, 0.5f, 2.5f, 1000];
        for (var id = 0; id < counts.Length; id++)
        {
            // In pieces, as a headline (3) and body words (1) add up.
            counter.Add(id, counts[id] / 2);
            counter.Add(id, counts[id] / 2);
        }

        var (ids, weights) = counter.ToUnitVector();

        var raw = counts.Select(c => (float)(1 + Math.Log(c))).ToArray();
        var norm = Math.Sqrt(raw.Aggregate(0.0, (sum, w) => sum + (w * w)));
        Assert.Equal(Enumerable.Range(0, counts.Length), ids);
        Assert.Equal(raw.Select(w => (float)(w / norm)), weights);
    }
}
