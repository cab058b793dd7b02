using System.Net;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using NewsDigest.Ingestion;
using NewsDigest.Normalization;

namespace NewsDigest.Storage;

/// <summary>What happened to one version of one inbox blob. Its presence makes re-delivery of that version a no-op.</summary>
internal sealed record IngestionRecord(
    string BlobName,
    string VersionKey,
    IngestionStatus Status,
    IReadOnlyList<string> DocumentIds,
    DateTimeOffset ProcessedAt,
    long Size,
    string? ContentType,
    string? PreviousVersionKey,
    string? Reason);

/// <summary>The ingestion records of every processed version of one blob.</summary>
internal sealed record BlobHistory(IReadOnlyList<IngestionRecord> Records)
{
    /// <summary>The record of one version, or null when that version was never processed.</summary>
    public IngestionRecord? Find(string versionKey) =>
        Records.FirstOrDefault(r => string.Equals(r.VersionKey, versionKey, StringComparison.Ordinal));

    /// <summary>The most recently processed version, or null when the blob was never processed.</summary>
    public IngestionRecord? Latest => Records.Count == 0 ? null : Records.MaxBy(r => r.ProcessedAt);
}

/// <summary>Why an inbox blob was refused, kept so a user can see it and fix the file.</summary>
internal sealed record RejectionRecord(
    string BlobName,
    string VersionKey,
    RejectionReason Reason,
    string Message,
    long Size,
    string DetectedFormat,
    DateTimeOffset RejectedAt);

/// <summary>
/// The ingestions table (PartitionKey = sanitized blob name, RowKey = blob version) and the rejections table
/// (same keys). Both are written after the documents, so a failure part-way leaves no record and the blob is
/// processed again.
/// </summary>
internal sealed class IngestionLedger(StorageClients storage)
{
    public const string IngestionsTable = "ingestions";
    public const string RejectionsTable = "rejections";

    private const int DocumentIdChunks = 8;

    public async Task<IngestionRecord?> GetAsync(string blobName, string versionKey, CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(IngestionsTable, cancellationToken);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(StorageKeys.ForName(blobName), versionKey, cancellationToken: cancellationToken);
        return response.HasValue && response.Value is not null ? ToRecord(response.Value) : null;
    }

    /// <summary>
    /// Every processed version of the blob (one partition query): tells both whether a version was processed and
    /// which one came last, for the price of one request.
    /// </summary>
    public async Task<BlobHistory> GetHistoryAsync(string blobName, CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(IngestionsTable, cancellationToken);
        var records = new List<IngestionRecord>();
        var filter = "PartitionKey eq " + StorageKeys.Quote(StorageKeys.ForName(blobName));
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            records.Add(ToRecord(entity));
        }

        return new BlobHistory(records);
    }

    /// <summary>Adds the record unless one exists for that blob version already (then the first one stands).</summary>
    public async Task<bool> TryAddAsync(IngestionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var table = await storage.GetTableAsync(IngestionsTable, cancellationToken);
        var entity = new TableEntity(StorageKeys.ForName(record.BlobName), record.VersionKey)
        {
            ["BlobName"] = record.BlobName,
            ["Status"] = record.Status.ToString(),
            ["ProcessedAt"] = record.ProcessedAt,
            ["Size"] = record.Size,
            ["ContentType"] = record.ContentType is null ? null : EntityLimits.Truncate(record.ContentType, 200),
            ["PreviousVersionKey"] = record.PreviousVersionKey,
            ["Reason"] = record.Reason is null ? null : EntityLimits.Truncate(record.Reason, 2_000),
            ["DocumentCount"] = record.DocumentIds.Count,
        };
        EntityLimits.SetPacked(entity, "DocumentIds", record.DocumentIds, DocumentIdChunks);
        EntityLimits.EnsureWithinLimits(entity);
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == (int)HttpStatusCode.Conflict)
        {
            return false;
        }
    }

    public async IAsyncEnumerable<IngestionRecord> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(IngestionsTable, cancellationToken);
        await foreach (var entity in table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            yield return ToRecord(entity);
        }
    }

    /// <summary>Writes (or rewrites) the rejection of one blob version.</summary>
    public async Task AddRejectionAsync(RejectionRecord rejection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        var table = await storage.GetTableAsync(RejectionsTable, cancellationToken);
        var entity = new TableEntity(StorageKeys.ForName(rejection.BlobName), rejection.VersionKey)
        {
            ["BlobName"] = rejection.BlobName,
            ["Reason"] = rejection.Reason.ToString(),
            ["Message"] = EntityLimits.Truncate(rejection.Message, 4_000),
            ["Size"] = rejection.Size,
            ["DetectedFormat"] = EntityLimits.Truncate(rejection.DetectedFormat, 200),
            ["RejectedAt"] = rejection.RejectedAt,
        };
        EntityLimits.EnsureWithinLimits(entity);
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Every rejection, newest first.</summary>
    public async Task<IReadOnlyList<RejectionRecord>> ListRejectionsAsync(CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(RejectionsTable, cancellationToken);
        var rejections = new List<RejectionRecord>();
        await foreach (var entity in table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            rejections.Add(new RejectionRecord(
                entity.GetString("BlobName"),
                entity.RowKey,
                Enum.TryParse<RejectionReason>(entity.GetString("Reason"), out var reason) ? reason : RejectionReason.Unsupported,
                entity.GetString("Message") ?? string.Empty,
                entity.GetInt64("Size") ?? 0,
                entity.GetString("DetectedFormat") ?? string.Empty,
                entity.GetDateTimeOffset("RejectedAt") ?? default));
        }

        return [.. rejections.OrderByDescending(r => r.RejectedAt)];
    }

    private static IngestionRecord ToRecord(TableEntity entity) =>
        new(
            entity.GetString("BlobName"),
            entity.RowKey,
            Enum.TryParse<IngestionStatus>(entity.GetString("Status"), out var status) ? status : IngestionStatus.Ingested,
            EntityLimits.Unpack(entity, "DocumentIds"),
            entity.GetDateTimeOffset("ProcessedAt") ?? default,
            entity.GetInt64("Size") ?? 0,
            entity.GetString("ContentType"),
            entity.GetString("PreviousVersionKey"),
            entity.GetString("Reason"));
}
