namespace NewsDigest.Stories;

/// <summary>
/// Collects garbage once in a large grouping, after the single pass, when most of what the pass built has just died:
/// its key index and the reports' term vectors, in the oldest generation, which the collector would otherwise leave in
/// place while the groups are built beside them.
/// </summary>
/// <remarks>
/// Reading the window leaves nothing to collect: it is handed the documents in small blocks (see
/// <see cref="Digest.DigestComposer.ReadBlock"/>), whose text dies young. At 100,000 documents the collection pauses
/// the grouping about 0.4 s and keeps the peak working set under 600 MB (README, "Benchmark" under "The daily
/// digest"); a window of a few thousand documents leaves little to reclaim.
/// </remarks>
internal static class PhaseCollector
{
    /// <summary>The fewest documents a window needs for its phases to be separated by a collection.</summary>
    internal const int MinDocuments = 20_000;

    /// <summary>Collects and compacts every generation when a grouping of <paramref name="documents"/> documents is large.</summary>
    /// <returns>Whether it collected.</returns>
    public static bool BetweenPhases(int documents)
    {
        if (documents < MinDocuments)
        {
            return false;
        }

        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return true;
    }
}
