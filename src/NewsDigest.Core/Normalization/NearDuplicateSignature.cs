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

        var equal = 0;
        for (var i = 0; i < count; i++)
        {
            if (Values[i] == other.Values[i])
            {
                equal++;
            }
        }

        return (double)equal / count;
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
