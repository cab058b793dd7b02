using NewsDigest.Stories;

namespace NewsDigest.Tests.Stories;

public sealed class OwnerListsTests
{
    [Fact]
    public void MoveToEnd_ManyListsGrowingAndFull_HoldWhatListsOfTheirOwnHold()
    {
        const int capacity = 8;
        var random = new Random(11);
        var lists = new OwnerLists();
        var expected = new List<List<int>>();
        for (var step = 0; step < 200_000; step++)
        {
            if (expected.Count == 0 || random.Next(20) == 0)
            {
                var (first, second) = (random.Next(40), random.Next(40));
                if (first == second)
                {
                    continue;
                }

                Assert.Equal(expected.Count, lists.New(first, second));
                expected.Add([first, second]);
                continue;
            }

            // What the index did with a list of its own: the story moves to the end, the oldest goes past capacity.
            var list = random.Next(expected.Count);
            var story = random.Next(40);
            var owners = expected[list];
            if (owners[^1] != story)
            {
                owners.Remove(story);
                owners.Add(story);
                if (owners.Count > capacity)
                {
                    owners.RemoveAt(0);
                }
            }

            lists.MoveToEnd(list, story, capacity);
        }

        Assert.True(expected.Count > 1000);
        Assert.Contains(expected, owners => owners.Count == capacity);
        for (var list = 0; list < expected.Count; list++)
        {
            Assert.Equal(expected[list][0], lists.First(list));
            Assert.Equal(expected[list][1..], lists.Rest(list).ToArray());
        }
    }
}
