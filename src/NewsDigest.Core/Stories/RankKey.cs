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

    /// <summary>
    /// Puts the <paramref name="count"/> smallest of <paramref name="keys"/> (distinct) first, in ascending order, as
    /// sorting them all would, and returns how many that is; what follows them is left in no order. A document's
    /// strongest terms are a few of hundreds: most keys are turned away by one comparison with the last kept.
    /// </summary>
    public static int SelectSmallest(Span<long> keys, int count)
    {
        if (count <= 0)
        {
            return 0;
        }

        if (keys.Length <= count)
        {
            keys.Sort();
            return keys.Length;
        }

        var kept = keys[..count];
        kept.Sort();
        for (var i = count; i < keys.Length; i++)
        {
            var key = keys[i];
            if (key >= kept[^1])
            {
                continue;
            }

            var at = count - 1;
            for (; at > 0 && kept[at - 1] > key; at--)
            {
                kept[at] = kept[at - 1];
            }

            kept[at] = key;
        }

        return count;
    }

    /// <summary>The position a key was made with.</summary>
    public static int Position(long key) => (int)(uint)key;
}
