namespace NewsDigest.Stories;

/// <summary>
/// A positive weight and a position as one number that sorts in the order wanted, ties in position order: plain
/// numbers sort several times faster than pairs compared by a delegate. A positive float's bits order as it does.
/// </summary>
internal static class RankKey
{
    /// <summary>Sorts ascending as the heaviest first: the weight's bits complemented, then the position.</summary>
    public static long HeaviestFirst(float weight, int position) =>
        ((long)~BitConverter.SingleToUInt32Bits(weight) << 32) | (uint)position;

    /// <summary>Sorts ascending as the lightest first: the weight's bits, then the position.</summary>
    public static long LightestFirst(float weight, int position) =>
        ((long)BitConverter.SingleToUInt32Bits(weight) << 32) | (uint)position;

    /// <summary>The position a key was made with.</summary>
    public static int Position(long key) => (int)(uint)key;
}
