namespace NewsDigest.Normalization;

/// <summary>
/// Hashes that are the same in every process and on every machine. <see cref="string.GetHashCode()"/> and
/// <see cref="HashCode"/> are seeded per process, so whatever decides a stored or compared result uses these.
/// </summary>
internal static class StableHash
{
    /// <summary>SplitMix64 finalizer: spreads every input bit over the whole output.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>FNV-1a over the UTF-16 code units of <paramref name="text"/>, mixed.</summary>
    public static ulong Of(ReadOnlySpan<char> text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return Mix(hash);
    }

    /// <summary>A hash of the pair, order mattering.</summary>
    public static ulong Combine(ulong first, ulong second) => Mix(first ^ Mix(second + 0x9E3779B97F4A7C15UL));
}
