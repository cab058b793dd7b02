using System.Collections;
using System.Numerics;

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

    private readonly CentroidStore? _store;

    // The table is _slotCount slots of _slots from _slotStart (a range of the store's, or an array of its own). Key is
    // the term id + 1, so that 0 marks an empty slot.
    private Slot[] _slots = [];
    private int _slotStart;
    private int _slotCount;
    private int _mask = -1;
    private int _shift = 32;
    private int _count;

    // The ids in enumeration order by place (_placeCapacity of _order from _orderStart), -1 where one was removed;
    // places removed are reused last first.
    private int[] _order = [];
    private int _orderStart;
    private int _placeCapacity;
    private int _places;
    private int[] _free = [];
    private int _freeCount;

    /// <summary>A map whose slots and places are ranges of <paramref name="store"/>'s arrays, or arrays of its own without one.</summary>
    public CentroidMap(CentroidStore? store = null) => _store = store;

    public int Count => _count;

    /// <summary>Makes room for <paramref name="capacity"/> terms without growing.</summary>
    public void EnsureCapacity(int capacity)
    {
        if (SlotsFor(capacity) > _slotCount)
        {
            Rehash(SlotsFor(capacity));
        }

        if (_placeCapacity < capacity)
        {
            GrowPlaces((int)BitOperations.RoundUpToPowerOf2((uint)capacity));
        }
    }

    public bool TryGetValue(int id, out float weight)
    {
        if (_slotCount > 0)
        {
            var slots = _slots.AsSpan(_slotStart, _slotCount);
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
        if (_count + 1 > _slotCount - (_slotCount >> 2))
        {
            Rehash(Math.Max(MinimumSlots, _slotCount * 2));
        }

        var slots = _slots.AsSpan(_slotStart, _slotCount);
        var key = id + 1;
        var i = Home(id);
        while (slots[i].Key != 0)
        {
            if (slots[i].Key == key)
            {
                return ref slots[i].Weight;
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
            if (_places == _placeCapacity)
            {
                GrowPlaces(Math.Max(4, _placeCapacity * 2));
            }

            place = _places++;
        }

        _order[_orderStart + place] = id;
        _count++;
        slots[i] = new Slot { Key = key };
        return ref slots[i].Weight;
    }

    public bool Remove(int id)
    {
        if (_slotCount == 0)
        {
            return false;
        }

        var slots = _slots.AsSpan(_slotStart, _slotCount);
        var key = id + 1;
        var i = Home(id);
        while (slots[i].Key != key)
        {
            if (slots[i].Key == 0)
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
            if (slots[j].Key == 0)
            {
                break;
            }

            var home = Home(slots[j].Key - 1);
            var between = i <= j ? home > i && home <= j : home > i || home <= j;
            if (!between)
            {
                slots[i] = slots[j];
                i = j;
            }
        }

        slots[i] = default;
        var places = _order.AsSpan(_orderStart, _places);
        var place = places.IndexOf(id);
        places[place] = -1;
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
        var (old, oldStart, oldCount) = (_slots, _slotStart, _slotCount);
        (_slots, _slotStart) = _store is null ? (new Slot[size], 0) : _store.Slots.Take(size);
        _slotCount = size;
        _mask = size - 1;
        _shift = 32 - BitOperations.Log2((uint)size);
        var slots = _slots.AsSpan(_slotStart, size);
        foreach (var slot in old.AsSpan(oldStart, oldCount))
        {
            if (slot.Key != 0)
            {
                var i = Home(slot.Key - 1);
                while (slots[i].Key != 0)
                {
                    i = (i + 1) & _mask;
                }

                slots[i] = slot;
            }
        }

        _store?.Slots.Return(old, oldStart, oldCount);
    }

    private void GrowPlaces(int capacity)
    {
        var (old, oldStart, oldCapacity) = (_order, _orderStart, _placeCapacity);
        (_order, _orderStart) = _store is null ? (new int[capacity], 0) : _store.Places.Take(capacity);
        _placeCapacity = capacity;
        old.AsSpan(oldStart, _places).CopyTo(_order.AsSpan(_orderStart));
        _store?.Places.Return(old, oldStart, oldCapacity);
    }

    internal struct Slot
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
                var id = map._order[map._orderStart + _place];
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
