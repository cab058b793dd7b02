using Microsoft.Extensions.Options;
using NewsDigest.Storage;
using NewsDigest.Stories;

namespace NewsDigest.Digest;

/// <summary>A composed digest, rendered, with the record the archive keeps for it.</summary>
internal sealed record DigestComposition(DigestEdition Edition, DigestRecord Record, RenderedDigest Rendered)
{
    /// <summary>The term statistics the digest was grouped with, its documents included: the next digest starts from them.</summary>
    public TermStatistics Statistics { get; init; } = TermStatistics.Empty;
}

/// <summary>
/// Composes the digest of everything ingested since the last delivered digest: reads the window's documents and
/// the stories still open, and hands them to <see cref="DigestEditor"/>. Stores and sends nothing.
/// </summary>
internal sealed class DigestComposer(
    DocumentRepository documents,
    StoryRepository stories,
    DigestArchive archive,
    DigestRenderer renderer,
    IOptions<DigestOptions> options,
    TimeProvider timeProvider)
{
    /// <summary>
    /// Windows overlap by this much, because a document's ingestion time is stamped just before its row is written;
    /// documents a delivered digest already filed are skipped, so the overlap never repeats anything.
    /// </summary>
    internal static readonly TimeSpan WindowOverlap = TimeSpan.FromMinutes(2);

    private const int ParallelReads = 8;

    /// <summary>
    /// Documents read before a large window's block is read into features and its text let go. Small, so that the text
    /// dies young, in the collections of the youngest generations: a block of thousands lives long enough to be moved
    /// to the oldest generation first, and dies there, where only a collection of the whole heap reclaims it.
    /// </summary>
    internal const int ReadBlock = 128;

    /// <summary>What the next digest would say if it were compiled now, without storing or sending anything.</summary>
    public async Task<(DigestRecord Record, RenderedDigest Rendered)> ComposePendingAsync(CancellationToken cancellationToken)
    {
        var composition = await ComposeAsync(LocalToday(), cancellationToken);
        return (composition.Record, composition.Rendered);
    }

    /// <summary>Today's date in the configured time zone.</summary>
    public DateOnly LocalToday()
    {
        var zone = options.Value.FindTimeZone();
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(timeProvider.GetUtcNow(), zone).DateTime);
    }

    public async Task<DigestComposition> ComposeAsync(DateOnly localDate, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = timeProvider.GetUtcNow();
        // The last delivered digest gives both where this window starts and the term statistics it starts from.
        var latest = await archive.GetLatestDeliveredAsync(cancellationToken);
        var watermark = latest?.WindowEnd;
        var start = watermark ?? now - settings.InitialLookback;
        var summaries = new List<DocumentSummary>();
        await foreach (var summary in documents.ListIngestedAsync(watermark is null ? start : start - WindowOverlap, now, cancellationToken))
        {
            summaries.Add(summary);
        }

        var known = await stories.ListRecentAsync(now - settings.StoryMemory, cancellationToken);
        var earlier = latest is null ? null : await archive.ReadTermStatisticsAsync(latest.LocalDate, cancellationToken);
        var (grouping, documentCount) = await GroupWindowAsync(
            summaries.DistinctBy(s => s.Id).ToList(), start, known, earlier, settings.RegroupMaxDocuments, cancellationToken);
        var draft = DigestEditor.Draft(
            grouping,
            documentCount,
            new DigestWindow(localDate, settings.TimeZone, now, start, now),
            settings,
            settings.FullDigestUrl(localDate));
        var edition = draft.Finish(await ReadTextsAsync(draft.Unread, cancellationToken));
        edition = edition with { StoryUpdates = StoryRefiling.Apply(edition.StoryUpdates, grouping.Changes) };
        var rendered = renderer.Render(edition.Content);
        var record = new DigestRecord(
            localDate,
            settings.TimeZone,
            now,
            null,
            start,
            now,
            edition.Content.Entries.Count,
            edition.Content.DocumentCount,
            DigestArchive.ComputeETag(rendered));
        return new DigestComposition(edition, record, rendered) { Statistics = grouping.Statistics };
    }

    /// <summary>
    /// Reads the window's documents (<paramref name="listed"/>) a block at a time and groups them. While they and the
    /// open stories' documents are few enough to regroup, they are held whole and grouped as
    /// <see cref="StoryRegrouping"/> does; past that, each block is read into features and its text let go, so a
    /// window of any size holds features, not text, and only the documents the summaries read are read again.
    /// </summary>
    private async Task<(StoryGrouping Grouping, int Documents)> GroupWindowAsync(
        List<DocumentSummary> listed,
        DateTimeOffset start,
        IReadOnlyList<StoryProfile> known,
        TermStatistics? earlier,
        int maxRegrouped,
        CancellationToken cancellationToken)
    {
        var knownDocuments = known.Sum(s => (long)s.DocumentCount);
        List<StoryDocument>? held = [];
        var window = new StoryWindow(earlier);
        for (var from = 0; from < listed.Count; from += ReadBlock)
        {
            var block = await ReadInOrderAsync(
                listed.GetRange(from, Math.Min(ReadBlock, listed.Count - from)),
                async (summary, ct) =>
                {
                    if (summary.IngestedAt < start && await stories.GetStoryOfAsync(summary.Id, ct) is not null)
                    {
                        return null;
                    }

                    // Past the regrouping bound only the features are read: the text is let go once read anyway.
                    var stored = await documents.GetAsync(summary.Id, withText: held is not null, ct);
                    return stored is null ? null : StoryDocument.From(stored.Document, summary.IngestedAt);
                },
                cancellationToken);
            if (held is null)
            {
                window.Add(block, keepText: false);
                continue;
            }

            held.AddRange(block);
            if (knownDocuments + held.Count > maxRegrouped)
            {
                // Too many to regroup, now or with any later block: grouping adds them to the open stories.
                window.Add(held, keepText: false);
                held = null;
            }
        }

        return held is null
            ? (window.Group(known), window.Count)
            : (await StoryRegrouping.GroupAsync(held, known, earlier, ct => ReadFiledAsync(known, ct), maxRegrouped, cancellationToken), held.Count);
    }

    /// <summary>The documents <paramref name="ids"/> with their text, by id; one deleted since is left out.</summary>
    private async Task<IReadOnlyDictionary<string, StoryDocument>> ReadTextsAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var read = await ReadInOrderAsync(
            ids,
            async (id, ct) => await documents.GetAsync(id, ct) is { } stored
                ? StoryDocument.From(stored.Document, stored.Summary.IngestedAt)
                : null,
            cancellationToken);
        return read.ToDictionary(d => d.Id, StringComparer.Ordinal);
    }

    /// <summary>
    /// The documents filed under the open stories (<paramref name="known"/>), read while they are few enough to group
    /// again: each story's members (one query a story, so the cost follows the open stories, not the history), then
    /// the documents. A document listed under two stories (a delivery cut between refiling and deleting) counts once.
    /// </summary>
    private async Task<IReadOnlyList<FiledDocument>> ReadFiledAsync(IReadOnlyList<StoryProfile> known, CancellationToken cancellationToken)
    {
        var members = await ReadInOrderAsync(
            known,
            async (story, ct) => (story.Id, Members: await stories.ListMembersAsync(story.Id, ct)),
            cancellationToken);
        var filed = members
            .SelectMany(s => s.Members.Select(id => (DocumentId: id, StoryId: s.Id)))
            .DistinctBy(m => m.DocumentId)
            .ToList();
        return await ReadInOrderAsync(
            filed,
            async (member, ct) => await documents.GetAsync(member.DocumentId, ct) is { } stored
                ? new FiledDocument(StoryDocument.From(stored.Document, stored.Summary.IngestedAt), member.StoryId)
                : null,
            cancellationToken);
    }

    /// <summary>What <paramref name="read"/> gives for each item, read <see cref="ParallelReads"/> at a time, in the items' order; nulls left out.</summary>
    private static async Task<List<TResult>> ReadInOrderAsync<TItem, TResult>(
        IReadOnlyList<TItem> items, Func<TItem, CancellationToken, Task<TResult?>> read, CancellationToken cancellationToken)
    {
        var results = new TResult?[items.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, items.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = cancellationToken },
            async (i, ct) => results[i] = await read(items[i], ct));
        return [.. results.OfType<TResult>()];
    }
}
