using System.Diagnostics;

namespace NewsDigest.Stories;

/// <summary>
/// Where a grouping of features already read spent its time, each part with the garbage-collection pauses within it:
/// the collection after its single pass (windows of <see cref="PhaseCollector.MinDocuments"/> documents or more), the
/// single pass over the documents, the merge passes over the stories, and building the groups and the term statistics
/// carried to the next digest.
/// </summary>
internal sealed record GroupingTimes(GroupingPart Collections, GroupingPart Pass, GroupingPart Merges, GroupingPart Groups)
{
    /// <summary>For a grouping that was not timed.</summary>
    public static GroupingTimes None { get; } = new(default, default, default, default);
}

/// <summary>How long a part of a grouping took, and how much of it the garbage collector paused it.</summary>
internal readonly record struct GroupingPart(TimeSpan Elapsed, TimeSpan Paused)
{
    /// <summary>The part from <paramref name="start"/> (<see cref="Mark"/>) to now.</summary>
    public static GroupingPart Since((long Timestamp, TimeSpan Paused) start) =>
        new(Stopwatch.GetElapsedTime(start.Timestamp), GC.GetTotalPauseDuration() - start.Paused);

    /// <summary>Where a part starts: the clock and the pauses so far.</summary>
    public static (long Timestamp, TimeSpan Paused) Mark() => (Stopwatch.GetTimestamp(), GC.GetTotalPauseDuration());

    public static GroupingPart operator +(GroupingPart a, GroupingPart b) => new(a.Elapsed + b.Elapsed, a.Paused + b.Paused);
}
