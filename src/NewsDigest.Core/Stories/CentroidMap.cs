using System.Collections;

namespace NewsDigest.Stories;

/// <summary>
/// A story's summed term weights by term id (its centroid or its lead). A look-up reads one open-addressed slot that
/// holds both the id and the weight, where a <see cref="Dictionary{TKey, TValue}"/> reads a bucket and then an entry:
/// candidate stories are looked up term by term with their vectors out of cache, so that is half the cache misses.
/// </summary>
/// <remarks>
/// It enumerates in the order a <see cref="Dictionary{TKey, TValue}"/> of the same additions and removals would: a new
/// term takes the place of the term removed last, else the next place. Every sum over a vector adds its weights in
/// that order, so the rounding, and every decision taken on it, stays what it was.
/// </remarks>
internal sealed class CentroidMap : IEnumerable<KeyValuePair<int, float>>
{
    private const int MinimumSlots = 8;

    // Key is the term id + 1, so that 0 marks an empty slot.
    private Slot[] _slots = [];
    private int _mask = -1;
    private int _shift = 32;
    private int _count;

    // The ids in enumeration order by place, -1 where one was removed; places removed are reused last first.
    private int[] _order = [];
    private int _places;
    private int[] _free = [];
    private int _freeCount;

    public int Count => _count;

    /// <summary>Makes room for <paramref name="capacity"/> terms without growing.</summary>
    public void EnsureCapacity(int capacity)
    {
        if (SlotsFor(capacity) > _slots.Length)
        {
            Rehash(SlotsFor(capacity));
        }

        if (_order.Length < capacity)
        {
            Array.Resize(ref _order, capacity);
        }
    }

    public bool TryGetValue(int id, out float weight)
    {
        var slots = _slots;
        if (slots.Length > 0)
        {
            var key = id + 1;
            for (var i = Home(id); ; i = (i + 1) & _mask)
            {
                var slot = slots[i];
                if (slot.Key == key)
                {
                    weight = slot.Weight;
                    return true;
                }

                if (slot.Key == 0)
                {
                    break;
                }
            }
        }

        weight = 0;
        return false;
    }

    /// <summary>The weight of <paramref name="id"/>, added at 0 if the map does not have it yet.</summary>
    public ref float GetValueRefOrAddDefault(int id)
    {
        if (_count + 1 > _slots.Length - (_slots.Length >> 2))
        {
            Rehash(Math.Max(MinimumSlots, _slots.Length * 2));
        }

        var key = id + 1;
        var i = Home(id);
        while (_slots[i].Key != 0)
        {
            if (_slots[i].Key == key)
            {
                return ref _slots[i].Weight;
            }

            i = (i + 1) & _mask;
        }

        int place;
        if (_freeCount > 0)
        {
            place = _free[--_freeCount];
        }
        else
        {
            if (_places == _order.Length)
            {
                Array.Resize(ref _order, Math.Max(4, _order.Length * 2));
            }

            place = _places++;
        }

        _order[place] = id;
        _count++;
        _slots[i] = new Slot { Key = key };
        return ref _slots[i].Weight;
    }

    public bool Remove(int id)
    {
        if (_slots.Length == 0)
        {
            return false;
        }

        var key = id + 1;
        var i = Home(id);
        while (_slots[i].Key != key)
        {
            if (_slots[i].Key == 0)
            {
                return false;
            }

            i = (i + 1) & _mask;
        }

        // Backward-shift deletion: later slots of the run move up when their home allows, so no tombstones are left.
        var j = i;
        while (true)
        {
            j = (j + 1) & _mask;
            if (_slots[j].Key == 0)
            {
                break;
            }

            var home = Home(_slots[j].Key - 1);
            var between = i <= j ? home > i && home <= j : home > i || home <= j;
            if (!between)
            {
                _slots[i] = _slots[j];
                i = j;
            }
        }

        _slots[i] = default;
        var place = _order.AsSpan(0, _places).IndexOf(id);
        _order[place] = -1;
        if (_freeCount == _free.Length)
        {
            Array.Resize(ref _free, Math.Max(4, _free.Length * 2));
        }

        _free[_freeCount++] = place;
        _count--;
        return true;
    }

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<KeyValuePair<int, float>> IEnumerable<KeyValuePair<int, float>>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int Home(int id) => (int)((uint)id * 2654435769u >> _shift);

    private static int SlotsFor(int capacity)
    {
        // At most three quarters full.
        var slots = MinimumSlots;
        while (slots - (slots >> 2) < capacity)
        {
            slots *= 2;
        }

        return slots;
    }

    private void Rehash(int size)
    {
        var old = _slots;
        _slots = new Slot[size];
        _mask = size - 1;
        _shift = 32 - System.Numerics.BitOperations.Log2((uint)size);
        foreach (var slot in old)
        {
            if (slot.Key != 0)
            {
                var i = Home(slot.Key - 1);
                while (_slots[i].Key != 0)
                {
                    i = (i + 1) & _mask;
                }

                _slots[i] = slot;
            }
        }
    }

    private struct Slot
    {
        public int Key;
        public float Weight;
    }

    /// <summary>The terms and weights in place order, as a dictionary's enumerator gives them.</summary>
    public struct Enumerator(CentroidMap map) : IEnumerator<KeyValuePair<int, float>>
    {
        private int _place = -1;

        public KeyValuePair<int, float> Current { get; private set; }

        readonly object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            while (++_place < map._places)
            {
                var id = map._order[_place];
                if (id >= 0)
                {
                    map.TryGetValue(id, out var weight);
                    Current = new KeyValuePair<int, float>(id, weight);
                    return true;
                }
            }

            return false;
        }

        public void Reset() => _place = -1;

        public readonly void Dispose()
        {
        }
    }
}
