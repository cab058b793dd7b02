using NewsDigest.Stories;

namespace NewsDigest.Tests.Stories;

public sealed class SmallSetTests
{
    [Fact]
    public void Add_RepeatedValues_KeepsEachOnceInTheOrderFirstAdded()
    {
        var set = new SmallSet();
        set.AddAll([40, 7, 40, 12]);
        set.AddAll(new List<int> { 7, 3, 12, 99, 3 });

        Assert.Equal([40, 7, 12, 3, 99], set.Items.ToArray());
        Assert.True(set.Contains(99));
        Assert.False(set.Contains(8));
    }

    [Fact]
    public void Near_RandomDays_AgreesWithLookingUpEachDayAndItsNeighbours()
    {
        var random = new Random(5);
        for (var round = 0; round < 2000; round++)
        {
            var set = new SmallSet();
            var reference = new HashSet<int>();
            for (var i = random.Next(6); i > 0; i--)
            {
                var day = random.Next(30);
                set.Add(day);
                reference.Add(day);
            }

            int[] days = [.. Enumerable.Range(0, random.Next(4)).Select(_ => random.Next(30))];
            var expected = days.Any(d => reference.Contains(d) || reference.Contains(d - 1) || reference.Contains(d + 1));
            Assert.Equal(expected, set.Near(days));
        }
    }
}
