using System.Numerics;

namespace NewsDigest.Normalization;

/// <summary>
/// MinHash signature over 3-word shingles of the body: <see cref="Length"/> minimum hash values, one per hash
/// function. The share of equal positions estimates the Jaccard similarity of two documents' shingle sets.
/// </summary>
public sealed record NearDuplicateSignature(IReadOnlyList<uint> Values)
{
    public const int Length = 128;

    /// <summary>Estimated Jaccard similarity in [0, 1].</summary>
    public double Similarity(NearDuplicateSignature other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var count = Math.Min(Values.Count, other.Values.Count);
        if (count == 0)
        {
            return 0;
        }

        // Signatures are arrays almost always: compared several lanes at a time, since grouping compares thousands per document.
        return Values is uint[] mine && other.Values is uint[] theirs
            ? Similarity(mine, theirs)
            : (double)CountEqual(Values, other.Values, count) / count;
    }

    /// <summary>The estimated Jaccard similarity of two signatures' values, as <see cref="Similarity(NearDuplicateSignature)"/> gives it.</summary>
    internal static double Similarity(uint[] a, uint[] b)
    {
        var count = Math.Min(a.Length, b.Length);
        return count == 0 ? 0 : (double)CountEqual(a.AsSpan(0, count), b.AsSpan(0, count)) / count;
    }

    private static int CountEqual(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        var equal = 0;
        var i = 0;
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<uint>.Count)
        {
            // Equal lanes are all ones (-1 as an integer): subtracting them counts them.
            var counts = Vector<int>.Zero;
            for (; i + Vector<uint>.Count <= a.Length; i += Vector<uint>.Count)
            {
                counts -= Vector.AsVectorInt32(Vector.Equals(new Vector<uint>(a[i..]), new Vector<uint>(b[i..])));
            }

            equal = Vector.Sum(counts);
        }

        for (; i < a.Length; i++)
        {
            if (a[i] == b[i])
            {
                equal++;
            }
        }

        return equal;
    }

    private static int CountEqual(IReadOnlyList<uint> a, IReadOnlyList<uint> b, int count)
    {
        var equal = 0;
        for (var i = 0; i < count; i++)
        {
            if (a[i] == b[i])
            {
                equal++;
            }
        }

        return equal;
    }

    public string ToBase64()
    {
        var bytes = new byte[Values.Count * sizeof(uint)];
        for (var i = 0; i < Values.Count; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * sizeof(uint)), Values[i]);
        }

        return Convert.ToBase64String(bytes);
    }

    public static NearDuplicateSignature FromBase64(string value)
    {
        var bytes = Convert.FromBase64String(value);
        var values = new uint[bytes.Length / sizeof(uint)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i * sizeof(uint)));
        }

        return new NearDuplicateSignature(values);
    }

    public bool Equals(NearDuplicateSignature? other) =>
        other is not null && Values.SequenceEqual(other.Values);

    public override int GetHashCode() => Values.Count == 0 ? 0 : HashCode.Combine(Values.Count, Values[0]);
}
