using System.Numerics;

namespace NewsDigest.Stories;

/// <summary>
/// A small set of index keys (one report's), reused from report to report: open-addressed with twice the slots it
/// holds keys, where a slot counts only when its stamp is the current one, so starting over clears nothing.
/// </summary>
internal sealed class KeySet
{
    private long[] _keys = new long[256];
    private int[] _stamps = new int[256];
    private int _stamp = 1;
    private int _shift = 64 - 8;

    /// <summary>Empties the set, with room for <paramref name="keys"/>.</summary>
    public void Reset(ReadOnlySpan<long> keys)
    {
        if (2 * keys.Length > _keys.Length)
        {
            var slots = (int)BitOperations.RoundUpToPowerOf2((uint)(2 * keys.Length));
            (_keys, _stamps, _stamp) = (new long[slots], new int[slots], 0);
            _shift = 64 - BitOperations.Log2((uint)slots);
        }

        _stamp++;
        foreach (var key in keys)
        {
            Add(key);
        }
    }

    public bool Contains(long key)
    {
        var mask = _keys.Length - 1;
        for (var slot = Home(key); _stamps[slot] == _stamp; slot = (slot + 1) & mask)
        {
            if (_keys[slot] == key)
            {
                return true;
            }
        }

        return false;
    }

    private void Add(long key)
    {
        var mask = _keys.Length - 1;
        var slot = Home(key);
        while (_stamps[slot] == _stamp)
        {
            if (_keys[slot] == key)
            {
                return;
            }

            slot = (slot + 1) & mask;
        }

        (_keys[slot], _stamps[slot]) = (key, _stamp);
    }

    // Fibonacci hashing: band keys are hashes already, but term and name keys are small consecutive ids.
    private int Home(long key) => (int)((ulong)(key * -7046029254386353131L) >> _shift);
}
