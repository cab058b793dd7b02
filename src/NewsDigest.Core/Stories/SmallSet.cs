namespace NewsDigest.Stories;

/// <summary>
/// A few distinct integers in the order they were first added, in one array: a story's days and years, a handful
/// each, where a hash set was three objects for the garbage collector to trace per story.
/// </summary>
internal struct SmallSet
{
    private int[]? _items;
    private int _count;

    /// <summary>The values, in the order they were first added.</summary>
    public readonly ReadOnlySpan<int> Items => _items.AsSpan(0, _count);

    public readonly bool Contains(int value) => Items.Contains(value);

    public void Add(int value)
    {
        if (Contains(value))
        {
            return;
        }

        if (_items is null || _count == _items.Length)
        {
            Array.Resize(ref _items, Math.Max(4, _count * 2));
        }

        _items[_count++] = value;
    }

    public void AddAll(int[] values)
    {
        foreach (var value in values)
        {
            Add(value);
        }
    }

    public void AddAll(IEnumerable<int> values)
    {
        foreach (var value in values)
        {
            Add(value);
        }
    }

    /// <summary>Whether any of <paramref name="values"/> is within one of a value in the set (days a day apart count as one).</summary>
    public readonly bool Near(int[] values)
    {
        var items = Items;
        foreach (var value in values)
        {
            foreach (var item in items)
            {
                if (Math.Abs(value - item) <= 1)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
