using System.Globalization;
using System.Net;
using Azure;
using Azure.Data.Tables;
using NewsDigest.Delivery;

namespace NewsDigest.Digest;

/// <summary>The claim on a local date: taking it, recording each channel's state under it, giving it up.</summary>
internal sealed partial class DigestArchive
{
    /// <summary>
    /// Takes the local date for this run: inserts its row, or takes over a row whose lease has lapsed and that is not
    /// delivered yet. Returns why not otherwise.
    /// </summary>
    public async Task<DigestClaimResult> TryClaimAsync(
        DateOnly localDate,
        string timeZone,
        IReadOnlyCollection<DeliveryChannel> channels,
        TimeSpan lease,
        CancellationToken cancellationToken)
    {
        var table = await clients.GetTableAsync(TableName, cancellationToken);
        var now = timeProvider.GetUtcNow();
        var owner = Guid.NewGuid().ToString("N");
        var row = new TableEntity(DatePartition, DateKey(localDate))
        {
            ["TimeZone"] = timeZone,
            ["State"] = "Claimed",
            ["LeaseOwner"] = owner,
            ["LeaseUntil"] = now + lease,
            ["Attempts"] = 1,
        };
        foreach (var channel in Enum.GetValues<DeliveryChannel>())
        {
            row[channel.ToString()] = (channels.Contains(channel) ? ChannelState.Pending : ChannelState.Off).ToString();
        }

        try
        {
            var added = await table.AddEntityAsync(row, cancellationToken);
            row.ETag = added.Headers.ETag ?? ETag.All;
            return new DigestClaimResult(DigestClaimOutcome.Claimed, ToClaim(row, localDate, owner));
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
        {
            // Someone claimed the date before: fall through and look at how far they got.
        }

        var existing = await GetRowAsync(DatePartition, DateKey(localDate), cancellationToken)
            ?? throw new InvalidOperationException($"The digest row for {DateKey(localDate)} vanished while being claimed.");
        if (existing.GetString("State") == "Delivered")
        {
            return new DigestClaimResult(DigestClaimOutcome.AlreadyDelivered, null);
        }

        if (existing.GetDateTimeOffset("LeaseUntil") is { } until && until > now)
        {
            return new DigestClaimResult(DigestClaimOutcome.Busy, null);
        }

        var update = new TableEntity(DatePartition, DateKey(localDate))
        {
            ["LeaseOwner"] = owner,
            ["LeaseUntil"] = now + lease,
            ["Attempts"] = (existing.GetInt32("Attempts") ?? 0) + 1,
        };
        foreach (var channel in Enum.GetValues<DeliveryChannel>())
        {
            var state = ParseState(existing.GetString(channel.ToString()));
            // A channel configured since the first attempt joins; one removed since is not sent to; one that was
            // sent to, or whose send was started without its outcome being recorded, is never sent to again.
            state = state is ChannelState.Sent or ChannelState.Sending ? state : channels.Contains(channel) ? ChannelState.Pending : ChannelState.Off;
            update[channel.ToString()] = state.ToString();
            existing[channel.ToString()] = state.ToString();
        }

        try
        {
            var response = await table.UpdateEntityAsync(update, existing.ETag, TableUpdateMode.Merge, cancellationToken);
            existing.ETag = response.Headers.ETag ?? ETag.All;
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.PreconditionFailed)
        {
            return new DigestClaimResult(DigestClaimOutcome.Busy, null);
        }

        return new DigestClaimResult(DigestClaimOutcome.Claimed, ToClaim(existing, localDate, owner));
    }

    /// <summary>
    /// Records that a send is about to start, before it starts: if the outcome cannot be recorded afterwards (storage
    /// down, run killed), later runs see the send as started and do not repeat it.
    /// </summary>
    public async Task<DigestClaim> RecordSendingAsync(DigestClaim claim, DeliveryChannel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var update = new TableEntity(DatePartition, DateKey(claim.LocalDate))
        {
            [channel.ToString()] = ChannelState.Sending.ToString(),
            [channel + "StartedAt"] = timeProvider.GetUtcNow(),
        };
        var etag = await UpdateOwnedAsync(claim, update, cancellationToken);
        var states = new Dictionary<DeliveryChannel, ChannelState>(claim.Channels) { [channel] = ChannelState.Sending };
        return claim with { ETag = etag, Channels = states };
    }

    /// <summary>
    /// The oldest digest before <paramref name="localDate"/> and after the latest-delivered pointer that a run left
    /// unfinished: composed but never marked delivered (storage failed after the sends), or marked delivered without
    /// the pointer having moved. Null when there is none.
    /// </summary>
    public async Task<(DateOnly Date, bool Delivered)?> FindUnfinishedBeforeAsync(DateOnly localDate, CancellationToken cancellationToken)
    {
        var latest = await GetLatestDeliveredAsync(cancellationToken);
        var after = latest is null ? string.Empty : DateKey(latest.LocalDate);
        var table = clients.GetTable(TableName);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {DatePartition} and RowKey gt {after} and RowKey lt {DateKey(localDate)} and (State eq {"Composed"} or State eq {"Delivered"})");
        try
        {
            await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey", "State"], cancellationToken: cancellationToken))
            {
                return (DateOnly.ParseExact(row.RowKey, "yyyy-MM-dd", CultureInfo.InvariantCulture), row.GetString("State") == "Delivered");
            }
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            // No digests table yet.
        }

        return null;
    }

    /// <summary>Gives up a composed digest that no channel got: its documents go into the next digest instead.</summary>
    public async Task AbandonAsync(DigestClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var update = new TableEntity(DatePartition, DateKey(claim.LocalDate))
        {
            ["State"] = "Abandoned",
            ["LeaseUntil"] = timeProvider.GetUtcNow(),
        };
        await UpdateOwnedAsync(claim, update, cancellationToken);
    }

    public async Task<DigestClaim> RecordChannelAsync(
        DigestClaim claim,
        DeliveryChannel channel,
        bool sent,
        string? error,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var now = timeProvider.GetUtcNow();
        var update = new TableEntity(DatePartition, DateKey(claim.LocalDate))
        {
            [channel.ToString()] = (sent ? ChannelState.Sent : ChannelState.Pending).ToString(),
        };
        if (sent)
        {
            update[channel + "SentAt"] = now;
        }
        else
        {
            update[channel + "Error"] = Truncate(error ?? "failed", 4000);
            update[channel + "FailedAt"] = now;
        }

        var etag = await UpdateOwnedAsync(claim, update, cancellationToken);
        var states = new Dictionary<DeliveryChannel, ChannelState>(claim.Channels)
        {
            [channel] = sent ? ChannelState.Sent : ChannelState.Pending,
        };
        return claim with { ETag = etag, Channels = states };
    }

    /// <summary>Gives the lease up so the next run can retry at once; harmless when someone else holds it now.</summary>
    public async Task ReleaseAsync(DigestClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var table = clients.GetTable(TableName);
        var update = new TableEntity(DatePartition, DateKey(claim.LocalDate)) { ["LeaseUntil"] = timeProvider.GetUtcNow() };
        try
        {
            await table.UpdateEntityAsync(update, claim.ETag, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            // The lease changed hands or the row is gone: nothing of ours to release.
        }
    }

    private async Task<ETag> UpdateOwnedAsync(DigestClaim claim, TableEntity update, CancellationToken cancellationToken)
    {
        var table = clients.GetTable(TableName);
        try
        {
            var response = await table.UpdateEntityAsync(update, claim.ETag, TableUpdateMode.Merge, cancellationToken);
            return response.Headers.ETag ?? ETag.All;
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.PreconditionFailed)
        {
            throw new DigestClaimLostException(claim.LocalDate, e);
        }
    }

    private static DigestClaim ToClaim(TableEntity row, DateOnly localDate, string owner)
    {
        var channels = Enum.GetValues<DeliveryChannel>().ToDictionary(c => c, c => ParseState(row.GetString(c.ToString())));
        var record = IsComposed(row) ? ToRecord(row, localDate) : null;
        return new DigestClaim(localDate, owner, row.ETag, record, channels);
    }

    private static ChannelState ParseState(string? value) =>
        Enum.TryParse<ChannelState>(value, out var state) ? state : ChannelState.Off;
}

internal enum DigestClaimOutcome
{
    Claimed,

    /// <summary>The digest for that date went out already.</summary>
    AlreadyDelivered,

    /// <summary>Another run holds the date right now.</summary>
    Busy,
}

internal sealed record DigestClaimResult(DigestClaimOutcome Outcome, DigestClaim? Claim);

/// <summary>A run's hold on one local date: the row's version, the composed record (once stored) and each channel's state.</summary>
internal sealed record DigestClaim(
    DateOnly LocalDate,
    string LeaseOwner,
    ETag ETag,
    DigestRecord? Record,
    IReadOnlyDictionary<DeliveryChannel, ChannelState> Channels);

/// <summary>Another run took the date over (this run's lease lapsed): this run stops without sending more.</summary>
internal sealed class DigestClaimLostException(DateOnly localDate, Exception inner)
    : Exception($"The digest for {localDate:yyyy-MM-dd} was taken over by another run.", inner);
