using System.Runtime.InteropServices;
using NewsDigest.Stories;

namespace NewsDigest.Tests.Stories;

/// <summary>The map enumerates as a dictionary of the same additions and removals does: every sum over it adds in that order.</summary>
public sealed class CentroidMapTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Enumerate_RandomAdditionsAndRemovals_SameOrderAndWeightsAsADictionary(int seed)
    {
        var random = new Random(seed);
        var map = new CentroidMap();
        var dictionary = new Dictionary<int, float>();
        map.EnsureCapacity(40);
        dictionary.EnsureCapacity(40);
        for (var step = 0; step < 4000; step++)
        {
            // Ids from a small range collide in the table and recur after removal; now and then a trim removes many.
            var id = random.Next(random.Next(2) == 0 ? 64 : 5000);
            var roll = random.Next(10);
            if (roll < 6)
            {
                var weight = (float)random.NextDouble();
                map.GetValueRefOrAddDefault(id) += weight;
                CollectionsMarshal.GetValueRefOrAddDefault(dictionary, id, out _) += weight;
            }
            else if (roll < 9)
            {
                Assert.Equal(dictionary.Remove(id), map.Remove(id));
            }
            else
            {
                foreach (var removed in dictionary.Keys.Where(_ => random.Next(3) == 0).ToList())
                {
                    Assert.True(map.Remove(removed));
                    dictionary.Remove(removed);
                }
            }

            Assert.Equal(dictionary.Count, map.Count);
            Assert.Equal(dictionary.TryGetValue(id, out var expected), map.TryGetValue(id, out var actual));
            Assert.Equal(expected, actual);
            if (step % 97 == 0)
            {
                Assert.Equal(dictionary.ToList(), map.ToList());
            }
        }

        Assert.Equal(dictionary.ToList(), map.ToList());
        Assert.All(dictionary, pair => Assert.True(map.TryGetValue(pair.Key, out var weight) && weight == pair.Value));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Enumerate_MapsSharingAStore_EachTheSameAsItsDictionary(int seed)
    {
        // Maps grown, trimmed and grown again side by side take and give back ranges of the same arrays.
        var random = new Random(seed);
        var store = new CentroidStore();
        var maps = Enumerable.Range(0, 5).Select(_ => new CentroidMap(store)).ToArray();
        var dictionaries = Enumerable.Range(0, 5).Select(_ => new Dictionary<int, float>()).ToArray();
        for (var step = 0; step < 20_000; step++)
        {
            var m = random.Next(maps.Length);
            var id = random.Next(random.Next(4) == 0 ? 3000 : 400);
            if (random.Next(10) < 7)
            {
                var weight = (float)random.NextDouble();
                maps[m].GetValueRefOrAddDefault(id) += weight;
                CollectionsMarshal.GetValueRefOrAddDefault(dictionaries[m], id, out _) += weight;
            }
            else if (random.Next(50) == 0)
            {
                foreach (var removed in dictionaries[m].Keys.Where(_ => random.Next(4) != 0).ToList())
                {
                    Assert.True(maps[m].Remove(removed));
                    dictionaries[m].Remove(removed);
                }
            }
            else
            {
                Assert.Equal(dictionaries[m].Remove(id), maps[m].Remove(id));
            }
        }

        for (var m = 0; m < maps.Length; m++)
        {
            Assert.Equal(dictionaries[m].ToList(), maps[m].ToList());
            Assert.All(dictionaries[m], pair => Assert.True(maps[m].TryGetValue(pair.Key, out var weight) && weight == pair.Value));
        }
    }

    [Fact]
    public void EnsureCapacity_MapInAStore_KeepsWhatItHolds()
    {
        var map = new CentroidMap(new CentroidStore());
        map.GetValueRefOrAddDefault(3) = 1.5f;
        map.GetValueRefOrAddDefault(9) = 2.5f;

        map.EnsureCapacity(500);

        Assert.Equal([new(3, 1.5f), new(9, 2.5f)], map.ToList());
        Assert.False(map.TryGetValue(4, out _));
    }

    [Fact]
    public void TryGetValue_EmptyMap_FindsNothing()
    {
        var map = new CentroidMap();

        Assert.False(map.TryGetValue(0, out _));
        Assert.False(map.Remove(7));
        Assert.Empty(map);
    }
}
