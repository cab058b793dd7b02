using NewsDigest.Stories;

namespace NewsDigest.Tests.Stories;

public sealed class KeyTableTests
{
    [Fact]
    public void GetValueRefOrAddDefault_ManyBandAndTermKeys_ReadsBackWhatADictionaryHolds()
    {
        var random = new Random(3);
        var table = new KeyTable();
        var expected = new Dictionary<long, int>();
        for (var i = 0; i < 50_000; i++)
        {
            // Band keys as the index makes them (negative), and small term ids, some repeated.
            var key = random.Next(3) == 0 ? random.Next(2000) : long.MinValue + ((long)random.Next(64) << 32) + (uint)random.Next();
            ref var value = ref table.GetValueRefOrAddDefault(key, out var exists);
            Assert.Equal(expected.ContainsKey(key), exists);
            value += i;
            expected[key] = expected.GetValueOrDefault(key) + i;
        }

        foreach (var (key, value) in expected)
        {
            Assert.True(table.TryGetValue(key, out var found));
            Assert.Equal(value, found);
        }

        Assert.False(table.TryGetValue(-5, out _));
    }
}
