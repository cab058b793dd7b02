using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using NewsDigest.Normalization;

namespace NewsDigest.Storage;

/// <summary>
/// Reads and writes documents: metadata in the documents table, the full normalized JSON in the normalized container.
/// </summary>
/// <remarks>
/// Tables: <c>documents</c> (PartitionKey = UTC hour of ingestion <c>yyyyMMddHH</c>, RowKey = ingestion ticks + "_" + id,
/// so "everything since T" is one bounded range scan in time order), <c>documentids</c> (id → documents row) and
/// <c>contenthashes</c> (content hash → document; inserted with insert-or-conflict so concurrent ingestions of the
/// same content agree on one document).
/// </remarks>
internal sealed partial class DocumentRepository(StorageClients storage, TimeProvider time, ILogger<DocumentRepository> logger)
{
    public const string DocumentsTable = "documents";
    public const string DocumentIdsTable = "documentids";
    public const string ContentHashesTable = "contenthashes";

    /// <summary>Characters of body text kept in the row as the lead (the body itself lives in the blob).</summary>
    public const int LeadMaxChars = 600;

    public const int TitleMaxChars = 1_000;
    public const int UrlMaxChars = 4_000;
    public const int SourceBlobChunks = 12;
    public const int PreviousVersionChunks = 1;

    private const string IdRowKey = "id";
    private const int MaxConcurrencyAttempts = 50;

    private static readonly DateTimeOffset EarliestTableDate = new(1601, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Every document first ingested in [<paramref name="since"/>, <paramref name="until"/>), oldest first.</summary>
    public async IAsyncEnumerable<DocumentSummary> ListIngestedAsync(
        DateTimeOffset since, DateTimeOffset until, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (until <= since)
        {
            yield break;
        }

        var table = await storage.GetTableAsync(DocumentsTable, cancellationToken);
        var filter =
            $"PartitionKey ge {StorageKeys.Quote(Bucket(since))} and PartitionKey le {StorageKeys.Quote(Bucket(until))}" +
            $" and RowKey ge {StorageKeys.Quote(Ticks(since))} and RowKey lt {StorageKeys.Quote(Ticks(until))}";
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return ToSummary(entity);
        }
    }

    /// <summary>One document by id with its sources, or null when there is none.</summary>
    public async Task<StoredDocument?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var entity = await FindEntityAsync(id, cancellationToken);
        if (entity is null)
        {
            return null;
        }

        var container = await storage.GetContainerAsync(storage.Options.NormalizedContainer, cancellationToken);
        var blob = container.GetBlobClient(entity.GetString("NormalizedBlob"));
        var content = await blob.DownloadContentAsync(cancellationToken);
        return new StoredDocument(DocumentJson.Deserialize(content.Value.Content), ToSummary(entity));
    }

    /// <summary>One document's row by id (no blob read), or null when there is none.</summary>
    public async Task<DocumentSummary?> GetSummaryAsync(string id, CancellationToken cancellationToken)
    {
        var entity = await FindEntityAsync(id, cancellationToken);
        return entity is null ? null : ToSummary(entity);
    }

    /// <summary>
    /// Claims <paramref name="document"/>'s content for a new document (insert-or-conflict on its content hash).
    /// Returns the claim and whether this call made it; when another ingestion got there first, its claim.
    /// </summary>
    public async Task<(ContentClaim Claim, bool Created)> ClaimContentAsync(NormalizedDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var table = await storage.GetTableAsync(ContentHashesTable, cancellationToken);
        var hashKey = StorageKeys.ForId(document.ContentHash);
        var documentId = await UnusedIdAsync(document, cancellationToken);
        var ingestedAt = time.GetUtcNow();
        var claim = new ContentClaim(
            document.ContentHash,
            documentId,
            Bucket(ingestedAt),
            Ticks(ingestedAt) + "_" + StorageKeys.ForId(documentId),
            ingestedAt);
        var entity = new TableEntity(hashKey[..2], hashKey)
        {
            ["ContentHash"] = claim.ContentHash,
            ["DocumentId"] = claim.DocumentId,
            ["DocumentPartition"] = claim.DocumentPartition,
            ["DocumentRow"] = claim.DocumentRow,
            ["IngestedAt"] = claim.IngestedAt,
        };
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
            return (claim, true);
        }
        catch (RequestFailedException exception) when (exception.Status == (int)HttpStatusCode.Conflict)
        {
            var existing = await table.GetEntityAsync<TableEntity>(hashKey[..2], hashKey, cancellationToken: cancellationToken);
            return (ToClaim(existing.Value), false);
        }
    }

    /// <summary>
    /// Writes a claimed document: its JSON blob, its id index and its row (listing <paramref name="sourceBlob"/>).
    /// Safe to run again after a failure part-way, and by a second ingestion taking over a claim whose writer died:
    /// when the row already exists the blob is added to its sources instead.
    /// </summary>
    public async Task<SourceAddResult> StoreAsync(
        ContentClaim claim, NormalizedDocument document, string sourceBlob, IReadOnlyList<string> previousVersions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(document);
        document = document with { Id = claim.DocumentId };

        var blobName = StorageKeys.ForId(claim.DocumentId) + ".json";
        var container = await storage.GetContainerAsync(storage.Options.NormalizedContainer, cancellationToken);
        await container.GetBlobClient(blobName).UploadAsync(DocumentJson.Serialize(document), overwrite: true, cancellationToken);

        // Blob, then id index, then row: once the row is listed, everything it points to exists.
        var ids = await storage.GetTableAsync(DocumentIdsTable, cancellationToken);
        var idKey = StorageKeys.ForId(claim.DocumentId);
        await ids.UpsertEntityAsync(
            new TableEntity(idKey, IdRowKey)
            {
                ["DocumentId"] = EntityLimits.Truncate(claim.DocumentId, EntityLimits.MaxStringChars),
                ["DocumentPartition"] = claim.DocumentPartition,
                ["DocumentRow"] = claim.DocumentRow,
                ["ContentHash"] = EntityLimits.Truncate(claim.ContentHash, 200),
            },
            TableUpdateMode.Replace,
            cancellationToken);

        var documents = await storage.GetTableAsync(DocumentsTable, cancellationToken);
        var entity = BuildEntity(claim, document, blobName, sourceBlob, previousVersions);
        SourceAddResult result;
        try
        {
            await documents.AddEntityAsync(entity, cancellationToken);
            result = SourceAddResult.Created;
        }
        catch (RequestFailedException exception) when (exception.Status == (int)HttpStatusCode.Conflict)
        {
            result = await AddSourceAsync(claim, sourceBlob, cancellationToken);
        }

        return result;
    }

    /// <summary>Adds <paramref name="sourceBlob"/> to the sources of the claimed document (optimistic concurrency, retried on 412).</summary>
    public async Task<SourceAddResult> AddSourceAsync(ContentClaim claim, string sourceBlob, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var documents = await storage.GetTableAsync(DocumentsTable, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var response = await documents.GetEntityIfExistsAsync<TableEntity>(claim.DocumentPartition, claim.DocumentRow, cancellationToken: cancellationToken);
            if (!response.HasValue || response.Value is null)
            {
                return SourceAddResult.DocumentMissing;
            }

            var entity = response.Value;
            var sources = EntityLimits.Unpack(entity, "SourceBlobs");
            if (sources.Contains(sourceBlob, StringComparer.Ordinal))
            {
                return SourceAddResult.AlreadyListed;
            }

            sources.Add(sourceBlob);
            var count = (entity.GetInt32("SourceBlobCount") ?? sources.Count - 1) + 1;
            SetSources(entity, sources, count);
            try
            {
                await documents.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
                return SourceAddResult.Added;
            }
            catch (RequestFailedException exception) when (exception.Status == (int)HttpStatusCode.PreconditionFailed && attempt < MaxConcurrencyAttempts)
            {
                LogSourceConflict(logger, claim.DocumentId, attempt);
                // Real time on purpose: a back-off, not a clock reading (a fake clock would never let it end).
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * Math.Min(attempt, 10))), cancellationToken);
            }
        }
    }

    internal static string Bucket(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture);

    internal static string Ticks(DateTimeOffset instant) =>
        instant.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>The documents row for a new document, within the Table service's limits whatever the document holds.</summary>
    internal static TableEntity BuildEntity(
        ContentClaim claim, NormalizedDocument document, string blobName, string sourceBlob, IReadOnlyList<string> previousVersions)
    {
        var entity = new TableEntity(claim.DocumentPartition, claim.DocumentRow)
        {
            ["Id"] = EntityLimits.Truncate(document.Id, EntityLimits.MaxStringChars),
            ["IngestedAt"] = claim.IngestedAt,
            ["Format"] = document.Format.ToString(),
            ["Title"] = EntityLimits.Truncate(document.Title, TitleMaxChars),
            ["Published"] = TableDate(document.Published),
            ["Modified"] = TableDate(document.Modified),
            ["Url"] = document.Url is null ? null : EntityLimits.Truncate(document.Url, UrlMaxChars),
            ["SourceName"] = document.Source.Name is null ? null : EntityLimits.Truncate(document.Source.Name, TitleMaxChars),
            ["SourceHost"] = document.Source.Host is null ? null : EntityLimits.Truncate(document.Source.Host, TitleMaxChars),
            ["Language"] = document.Language is null ? null : EntityLimits.Truncate(document.Language, 100),
            ["WordCount"] = document.WordCount,
            ["ContentHash"] = EntityLimits.Truncate(document.ContentHash, 200),
            ["Signature"] = document.Signature.ToBase64(),
            ["Lead"] = Lead(document.Paragraphs),
            ["NormalizedBlob"] = blobName,
        };
        SetSources(entity, [sourceBlob], 1);
        EntityLimits.SetPacked(entity, "PreviousVersions", previousVersions, PreviousVersionChunks);
        EntityLimits.EnsureWithinLimits(entity);
        return entity;
    }

    /// <summary>The first paragraphs of the body, at most <see cref="LeadMaxChars"/> characters.</summary>
    internal static string Lead(IReadOnlyList<string> paragraphs)
    {
        var lead = new System.Text.StringBuilder();
        foreach (var paragraph in paragraphs)
        {
            if (lead.Length >= LeadMaxChars)
            {
                break;
            }

            if (lead.Length > 0)
            {
                lead.Append('\n');
            }

            lead.Append(paragraph);
        }

        return EntityLimits.Truncate(lead.ToString(), LeadMaxChars);
    }

    internal static DocumentSummary ToSummary(TableEntity entity) =>
        new(
            entity.GetString("Id"),
            entity.GetString("Title") ?? string.Empty,
            entity.GetDateTimeOffset("IngestedAt") ?? default,
            entity.GetDateTimeOffset("Published"),
            entity.GetString("Url"),
            new DocumentSource(entity.GetString("SourceName"), entity.GetString("SourceHost")),
            entity.GetString("Language"),
            entity.GetInt32("WordCount") ?? 0,
            entity.GetString("ContentHash") ?? string.Empty,
            entity.GetString("Signature") is { Length: > 0 } signature
                ? NearDuplicateSignature.FromBase64(signature)
                : new NearDuplicateSignature([]),
            entity.GetString("Lead") ?? string.Empty,
            EntityLimits.Unpack(entity, "SourceBlobs"))
        {
            PreviousVersions = EntityLimits.Unpack(entity, "PreviousVersions"),
            SourceBlobCount = entity.GetInt32("SourceBlobCount") ?? 0,
        };

    private static void SetSources(TableEntity entity, List<string> sources, int count)
    {
        var packed = EntityLimits.SetPacked(entity, "SourceBlobs", sources, SourceBlobChunks);
        entity["SourceBlobCount"] = count;

        // Beyond a few thousand names the list stops growing (the ingestions table still links every blob).
        entity["SourceBlobsTruncated"] = packed < sources.Count;
    }

    private static DateTimeOffset? TableDate(DateTimeOffset? value) =>
        value is { } date && date >= EarliestTableDate ? date.ToUniversalTime() : null;

    private static ContentClaim ToClaim(TableEntity entity) =>
        new(
            entity.GetString("ContentHash"),
            entity.GetString("DocumentId"),
            entity.GetString("DocumentPartition"),
            entity.GetString("DocumentRow"),
            entity.GetDateTimeOffset("IngestedAt") ?? default);

    /// <summary>
    /// The document's own id, unless a document with other content already has it (ids come from the content, so
    /// only a clash of the id scheme causes that): then the id with part of the content hash appended.
    /// </summary>
    private async Task<string> UnusedIdAsync(NormalizedDocument document, CancellationToken cancellationToken)
    {
        var ids = await storage.GetTableAsync(DocumentIdsTable, cancellationToken);
        var existing = await ids.GetEntityIfExistsAsync<TableEntity>(StorageKeys.ForId(document.Id), IdRowKey, cancellationToken: cancellationToken);
        if (!existing.HasValue || existing.Value is null
            || string.Equals(existing.Value.GetString("ContentHash"), EntityLimits.Truncate(document.ContentHash, 200), StringComparison.Ordinal))
        {
            return document.Id;
        }

        var distinct = document.Id + "-" + StorageKeys.Hash(document.ContentHash)[..12];
        LogIdClash(logger, document.Id, distinct);
        return distinct;
    }

    private async Task<TableEntity?> FindEntityAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var ids = await storage.GetTableAsync(DocumentIdsTable, cancellationToken);
        var index = await ids.GetEntityIfExistsAsync<TableEntity>(StorageKeys.ForId(id), IdRowKey, cancellationToken: cancellationToken);
        if (!index.HasValue || index.Value is null)
        {
            return null;
        }

        var documents = await storage.GetTableAsync(DocumentsTable, cancellationToken);
        var row = await documents.GetEntityIfExistsAsync<TableEntity>(
            index.Value.GetString("DocumentPartition"), index.Value.GetString("DocumentRow"), cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Document id {DocumentId} already belongs to other content; storing this content as {DistinctId}")]
    private static partial void LogIdClash(ILogger logger, string documentId, string distinctId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Document {DocumentId} changed while adding a source (attempt {Attempt}); retrying")]
    private static partial void LogSourceConflict(ILogger logger, string documentId, int attempt);
}
