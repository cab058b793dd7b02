namespace NewsDigest.Stories;

/// <summary>
/// Collects garbage between the phases of a large grouping, where most of what the phase before built has just died:
/// reading the window leaves its drafts and the documents' text, and the single pass its key index and the reports'
/// term vectors, in the oldest generation, which the collector would otherwise leave in place while the next phase
/// grows the process beside them.
/// </summary>
/// <remarks>
/// At 100,000 documents the two collections pause the grouping about 0.7 s and take the peak working set from about
/// 790 MB to under 600 MB (README, "Benchmark" under "The daily digest"); a window of a few thousand documents leaves
/// little to reclaim.
/// </remarks>
internal static class PhaseCollector
{
    /// <summary>The fewest documents a window needs for its phases to be separated by a collection.</summary>
    internal const int MinDocuments = 20_000;

    /// <summary>
    /// Collects every generation when a grouping of <paramref name="documents"/> documents is large: sweeping only,
    /// where the next phase's data fills the space freed, or <paramref name="compacting"/> as well, where it is built
    /// in new objects of its own.
    /// </summary>
    /// <returns>Whether it collected.</returns>
    public static bool BetweenPhases(int documents, bool compacting)
    {
        if (documents < MinDocuments)
        {
            return false;
        }

        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting);
        return true;
    }
}
