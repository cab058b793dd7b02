namespace NewsDigest.Stories;

/// <summary>
/// Where the story vectors of one grouping keep their slots and places (<see cref="CentroidMap"/>): ranges of shared
/// 64 KB arrays instead of two small arrays a vector. A large window builds tens of thousands of stories, whose vectors
/// live until the groups are built: as about 130,000 arrays of their own (at 100,000 documents) the collector copied
/// them one by one from generation to generation as the single pass built them, and marked each in every full
/// collection; as ranges they are one array for every 64 KB of them.
/// </summary>
/// <remarks>
/// Ranges are powers of two long. A vector that outgrows its range gives it back, and the next request of that length
/// takes it. Used by one thread at a time, like the stories themselves.
/// </remarks>
internal sealed class CentroidStore
{
    internal RangePool<CentroidMap.Slot> Slots { get; } = new();

    internal RangePool<int> Places { get; } = new();
}
