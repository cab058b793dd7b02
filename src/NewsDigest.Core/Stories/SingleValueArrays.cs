namespace NewsDigest.Stories;

/// <summary>
/// One shared array for each small value a document's days and years hold alone: most documents have one publication
/// day, and many name one day or one year, so a large window held a hundred thousand one-element arrays alike, each
/// one more object for the collector to trace. The shared arrays are only ever read.
/// </summary>
internal static class SingleValueArrays
{
    /// <summary>Above every day (month * 31 + day) and year (1950 to 2099) a document's features hold.</summary>
    internal const int Limit = 2100;

    private static readonly int[]?[] Shared = new int[]?[Limit];

    /// <summary>The shared array for <paramref name="values"/> when it is one value from 0 to under <see cref="Limit"/>; otherwise the array itself.</summary>
    public static int[] Share(int[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != 1 || (uint)values[0] >= Limit)
        {
            return values;
        }

        // Read by the parallel readers: whichever array lands first is everyone's, the others' stay their own.
        return Volatile.Read(ref Shared[values[0]]) ?? Interlocked.CompareExchange(ref Shared[values[0]], values, null) ?? values;
    }
}
