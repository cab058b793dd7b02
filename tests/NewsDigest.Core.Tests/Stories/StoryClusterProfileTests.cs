using NewsDigest.Stories;

namespace NewsDigest.Tests.Stories;

/// <summary>How a story is turned into what the next digest remembers of it.</summary>
public sealed class StoryClusterProfileTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void MostNamed_RandomCountsWithTies_TheFirstOfAStableSortByCount(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 200; round++)
        {
            var names = new Dictionary<int, (NamedEntity Entity, int Count)>();
            var size = random.Next(0, 150);
            for (var n = 0; n < size; n++)
            {
                var id = random.Next(0, 10_000);
                names[id] = (new NamedEntity("Name " + id, (EntityKind)random.Next(0, 4)), random.Next(1, 6));
            }

            // Removals leave free slots the table reuses, so its order is not the order of the ids.
            foreach (var id in names.Keys.Where(_ => random.Next(4) == 0).ToList())
            {
                names.Remove(id);
            }

            var expected = names.Values
                .OrderByDescending(e => e.Count)
                .Take(60)
                .Select(e => new StoryEntity(e.Entity.Name, e.Entity.Kind, e.Count))
                .ToArray();

            Assert.Equal(expected, StoryCluster.MostNamed(names, 60));
        }
    }

    [Fact]
    public void MostNamed_NoNames_Empty()
    {
        Assert.Empty(StoryCluster.MostNamed([], 60));
    }
}
