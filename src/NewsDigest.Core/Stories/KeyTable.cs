using System.Numerics;

namespace NewsDigest.Stories;

/// <summary>
/// A map from index keys to one integer each (never <see cref="int.MinValue"/>): band keys open-addressed in two flat
/// arrays, term and name ids in an array indexed by the id. The story index holds millions of signature bands, so
/// nearly every band lookup is a cache miss: it touches one slot of the key array (and the value only on a hit), where
/// a dictionary touches a bucket and then an entry.
/// </summary>
/// <remarks>
/// Term and name ids are numbered from 0 by the vocabulary, so they need no hashing: their array, under a megabyte for
/// a window of 100,000 documents, stays in cache, where each of their lookups in the table of bands was two misses
/// (the key's slot, then its value).
/// </remarks>
internal sealed class KeyTable
{
    // Never a key: band keys are negative and term or name ids are small.
    private const long Empty = long.MaxValue;

    /// <summary>The largest key kept in the array by id; larger keys (none the index makes) go into the table.</summary>
    internal const long MaxDirectKey = (1 << 26) - 1;

    // What the array by id holds for an id without a value: never a value.
    private const int Absent = int.MinValue;

    private int[] _direct = [];
    private long[] _keys;
    private int[] _values;
    private int _count;
    private int _shift;

    /// <param name="capacity">
    /// How many keys outside the array by id the table should take before it first grows: each growth allocates both
    /// arrays anew and moves every key (millions, each a cache miss, in a large window), so a table sized at once for
    /// what it will hold skips them. It still grows past that.
    /// </param>
    public KeyTable(int capacity = 0)
    {
        // The smallest power of two, 1,024 at least, that takes the capacity three quarters full, as it grows (below).
        var slots = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Clamp(((capacity * 4L) + 2) / 3, 1024, 1 << 30));
        _keys = NewKeys(slots);
        _values = new int[slots];
        _shift = 64 - BitOperations.Log2((uint)slots);
    }

    /// <summary>The slots of the table of keys outside the array by id (a power of two).</summary>
    internal int Slots => _keys.Length;

    /// <summary>The value of <paramref name="key"/>, if it has one.</summary>
    public bool TryGetValue(long key, out int value)
    {
        if (IsDirect(key))
        {
            value = key < _direct.Length ? _direct[key] : Absent;
            if (value != Absent)
            {
                return true;
            }

            value = 0;
            return false;
        }

        var slot = Find(_keys, key, _shift);
        if (slot >= 0)
        {
            value = _values[slot];
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>
    /// The values of <paramref name="keys"/> into <paramref name="values"/>, <paramref name="missing"/> for a key that
    /// has none. The lookups depend on nothing but their key, so in one tight sweep their cache misses overlap where
    /// one lookup at a time waits for each.
    /// </summary>
    public void GetValues(ReadOnlySpan<long> keys, Span<int> values, int missing)
    {
        var table = _keys;
        var shift = _shift;
        var direct = _direct;
        for (var i = 0; i < keys.Length; i++)
        {
            var key = keys[i];
            if (IsDirect(key))
            {
                var value = key < direct.Length ? direct[key] : Absent;
                values[i] = value != Absent ? value : missing;
                continue;
            }

            var slot = Find(table, key, shift);
            values[i] = slot >= 0 ? _values[slot] : missing;
        }
    }

    /// <summary>The value of <paramref name="key"/> to read or write, added as 0 when it has none.</summary>
    public ref int GetValueRefOrAddDefault(long key, out bool exists)
    {
        if (IsDirect(key))
        {
            if (key >= _direct.Length)
            {
                GrowDirect(key);
            }

            ref var value = ref _direct[key];
            exists = value != Absent;
            if (!exists)
            {
                value = 0;
            }

            return ref value;
        }

        var slot = Find(_keys, key, _shift);
        if (slot >= 0)
        {
            exists = true;
            return ref _values[slot];
        }

        exists = false;
        // Up to three quarters full: linear probing mostly stays within a cache line or two, and the table (the
        // largest structure of a grouping) stays half the size it would be at half full.
        if ((long)(_count + 1) * 4 > (long)_keys.Length * 3)
        {
            Grow();
            slot = Find(_keys, key, _shift);
        }

        slot = ~slot;
        _keys[slot] = key;
        _values[slot] = 0;
        _count++;
        return ref _values[slot];
    }

    private static bool IsDirect(long key) => (ulong)key <= MaxDirectKey;

    private void GrowDirect(long key)
    {
        var had = _direct.Length;
        Array.Resize(ref _direct, (int)Math.Min(MaxDirectKey + 1, Math.Max(key + 1, Math.Max(1024L, had * 2L))));
        _direct.AsSpan(had).Fill(Absent);
    }

    /// <summary>The slot holding <paramref name="key"/>, or the complement of the empty slot where it would go.</summary>
    private static int Find(long[] keys, long key, int shift)
    {
        var mask = keys.Length - 1;
        // Fibonacci hashing spreads both the small term ids and the band hashes over the table.
        var slot = (int)((ulong)key * 0x9E3779B97F4A7C15UL >> shift);
        while (true)
        {
            var found = keys[slot];
            if (found == key)
            {
                return slot;
            }

            if (found == Empty)
            {
                return ~slot;
            }

            slot = (slot + 1) & mask;
        }
    }

    private void Grow()
    {
        var keys = NewKeys(_keys.Length * 2);
        var values = new int[keys.Length];
        var shift = 64 - BitOperations.Log2((uint)keys.Length);
        for (var i = 0; i < _keys.Length; i++)
        {
            if (_keys[i] != Empty)
            {
                var slot = ~Find(keys, _keys[i], shift);
                keys[slot] = _keys[i];
                values[slot] = _values[i];
            }
        }

        (_keys, _values, _shift) = (keys, values, shift);
    }

    private static long[] NewKeys(int length)
    {
        var keys = new long[length];
        Array.Fill(keys, Empty);
        return keys;
    }
}
