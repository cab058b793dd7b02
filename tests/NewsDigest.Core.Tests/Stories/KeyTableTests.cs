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

    [Fact]
    public void GetValues_IdsKeysBeyondTheIdsAndBands_ValuesAndMissingAsAdded()
    {
        var table = new KeyTable();
        // An id with 0 and one with a list's number, a key too large to be an id, and a band.
        long[] added = [0, 7, KeyTable.MaxDirectKey + 1, long.MinValue + 12];
        int[] values = [0, -3, 5, int.MinValue + 1];
        for (var i = 0; i < added.Length; i++)
        {
            table.GetValueRefOrAddDefault(added[i], out var exists) = values[i];
            Assert.False(exists);
        }

        long[] asked = [.. added, 1, 6, 100_000, KeyTable.MaxDirectKey, KeyTable.MaxDirectKey + 2, long.MinValue + 13];
        var found = new int[asked.Length];
        table.GetValues(asked, found, missing: 42);

        Assert.Equal([.. values, 42, 42, 42, 42, 42, 42], found);
        Assert.True(table.TryGetValue(0, out var zero));
        Assert.Equal(0, zero);
        Assert.False(table.TryGetValue(100_000, out _));
        Assert.True(table.GetValueRefOrAddDefault(7, out var again) == -3 && again);
    }

    [Theory]
    [InlineData(0, 1024)]
    [InlineData(768, 1024)]
    [InlineData(769, 2048)]
    [InlineData(1_600_000, 1 << 22)]
    public void New_Capacity_SmallestTableThatTakesItThreeQuartersFull(int capacity, int slots)
    {
        Assert.Equal(slots, new KeyTable(capacity).Slots);
    }

    [Fact]
    public void GetValueRefOrAddDefault_AsManyBandsAsTheCapacity_NeverGrowsThenGrowsPastIt()
    {
        const int capacity = 5_000;
        var table = new KeyTable(capacity);
        var slots = table.Slots;
        for (var i = 0; i < capacity; i++)
        {
            table.GetValueRefOrAddDefault(long.MinValue + ((long)i << 20), out _) = i;
        }

        Assert.Equal(slots, table.Slots);
        for (var i = capacity; i < slots; i++)
        {
            table.GetValueRefOrAddDefault(long.MinValue + ((long)i << 20), out _) = i;
        }

        Assert.Equal(2 * slots, table.Slots);
        for (var i = 0; i < slots; i++)
        {
            Assert.True(table.TryGetValue(long.MinValue + ((long)i << 20), out var value) && value == i);
        }
    }
}
