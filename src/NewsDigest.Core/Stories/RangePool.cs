using System.Runtime.CompilerServices;

namespace NewsDigest.Stories;

/// <summary>Power-of-two ranges of shared arrays of at most 64 KB, given back to be taken again (<see cref="CentroidStore"/>).</summary>
internal sealed class RangePool<T>
{
    /// <summary>
    /// The longest array the pool allocates to cut ranges from (64 KB: large arrays of their own would count toward
    /// the large-object budget, whose every overrun starts a full collection); a longer range gets an array of its own.
    /// </summary>
    internal static readonly int LargestChunk = (1 << 16) / Unsafe.SizeOf<T>();

    private static readonly int FirstChunk = Math.Min(LargestChunk, 1 << 10);

    // The ranges given back, by the power of two of their length.
    private readonly Stack<(T[] Chunk, int Start)>?[] _returned = new Stack<(T[] Chunk, int Start)>?[31];
    private T[] _chunk = [];
    private int _used;
    private int _nextChunk = FirstChunk;

    /// <summary>A cleared range of <paramref name="length"/> (a power of two) elements: its array and where it starts.</summary>
    public (T[] Chunk, int Start) Take(int length)
    {
        if (!int.IsPow2(length))
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "A range's length is a power of two.");
        }

        if (_returned[int.Log2(length)] is { Count: > 0 } returned)
        {
            var range = returned.Pop();
            Array.Clear(range.Chunk, range.Start, length);
            return range;
        }

        if (length > LargestChunk)
        {
            return (new T[length], 0);
        }

        if (_used + length > _chunk.Length)
        {
            // Chunks grow to the largest length, so a store of a few vectors stays small and one of many has few arrays.
            _chunk = new T[Math.Max(length, _nextChunk)];
            _nextChunk = Math.Min(LargestChunk, _nextChunk * 2);
            _used = 0;
        }

        var start = _used;
        _used += length;
        return (_chunk, start);
    }

    /// <summary>Gives back the range of <paramref name="length"/> elements at <paramref name="start"/> of <paramref name="chunk"/>.</summary>
    public void Return(T[] chunk, int start, int length)
    {
        if (length == 0)
        {
            return;
        }

        (_returned[int.Log2(length)] ??= new Stack<(T[] Chunk, int Start)>()).Push((chunk, start));
    }
}
