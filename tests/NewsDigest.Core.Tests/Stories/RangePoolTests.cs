using NewsDigest.Stories;

namespace NewsDigest.Tests.Stories;

public sealed class RangePoolTests
{
    [Fact]
    public void Take_ManyRanges_ClearedAndNeverOverlapping()
    {
        var pool = new RangePool<int>();
        var taken = new List<(int[] Chunk, int Start, int Length)>();
        var random = new Random(5);
        for (var i = 0; i < 2000; i++)
        {
            var length = 1 << random.Next(0, 11);
            var (chunk, start) = pool.Take(length);
            Assert.All(chunk.AsSpan(start, length).ToArray(), value => Assert.Equal(0, value));
            chunk.AsSpan(start, length).Fill(i + 1);
            taken.Add((chunk, start, length));
        }

        // Each range still holds what was written into it: no later range was cut from the same elements.
        for (var i = 0; i < taken.Count; i++)
        {
            var (chunk, start, length) = taken[i];
            Assert.All(chunk.AsSpan(start, length).ToArray(), value => Assert.Equal(i + 1, value));
        }

        Assert.True(taken.Select(t => t.Chunk).Distinct().Count() < taken.Count / 10);
        Assert.All(taken, t => Assert.True(t.Chunk.Length <= RangePool<int>.LargestChunk));
    }

    [Fact]
    public void Take_AfterARangeOfThatLengthIsReturned_TakesItAgainCleared()
    {
        var pool = new RangePool<int>();
        var (chunk, start) = pool.Take(64);
        chunk.AsSpan(start, 64).Fill(7);
        var other = pool.Take(32);

        pool.Return(chunk, start, 64);
        var again = pool.Take(64);

        Assert.Same(chunk, again.Chunk);
        Assert.Equal(start, again.Start);
        Assert.All(chunk.AsSpan(start, 64).ToArray(), value => Assert.Equal(0, value));
        Assert.NotEqual((chunk, start), other);
    }

    [Fact]
    public void Take_LongerThanAChunk_AnArrayOfItsOwn()
    {
        var pool = new RangePool<long>();
        var length = RangePool<long>.LargestChunk * 2;

        var (chunk, start) = pool.Take(length);

        Assert.Equal(length, chunk.Length);
        Assert.Equal(0, start);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(100)]
    public void Take_NotAPowerOfTwo_Throws(int length)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RangePool<int>().Take(length));
    }
}
