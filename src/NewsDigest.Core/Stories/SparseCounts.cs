using System.Numerics;
using System.Runtime.InteropServices;

namespace NewsDigest.Stories;

/// <summary>
/// Counts by small integer (a term id, a story number) in a dense array reused from one document to the next, with
/// the indexes touched in the order first counted: clearing costs what was counted, not the size of the array.
/// </summary>
internal sealed class SparseCounts<T>
    where T : struct, INumber<T>
{
    private readonly List<int> _touched = [];
    private T[] _counts = new T[256];

    /// <summary>The indexes counted since <see cref="Clear"/>, in the order first counted.</summary>
    public ReadOnlySpan<int> Touched => CollectionsMarshal.AsSpan(_touched);

    public T this[int index] => _counts[index];

    /// <summary>Adds <paramref name="amount"/> (positive) to the count of <paramref name="index"/>.</summary>
    public void Add(int index, T amount)
    {
        if (index >= _counts.Length)
        {
            Array.Resize(ref _counts, Math.Max(index + 1, _counts.Length * 2));
        }

        if (T.IsZero(_counts[index]))
        {
            _touched.Add(index);
        }

        _counts[index] += amount;
    }

    /// <summary>
    /// Takes <paramref name="amount"/> from the count of <paramref name="index"/>, which has at least that much. The
    /// index stays touched, at zero too, so it must not be added to again before <see cref="Clear"/>.
    /// </summary>
    public void Subtract(int index, T amount) => _counts[index] -= amount;

    public void Clear()
    {
        foreach (var index in CollectionsMarshal.AsSpan(_touched))
        {
            _counts[index] = T.Zero;
        }

        _touched.Clear();
    }
}
