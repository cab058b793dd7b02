using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using NewsDigest.Normalization;

namespace NewsDigest.Storage;

/// <summary>
/// Reads and writes documents: metadata in the documents table, the full normalized JSON in the normalized container.
/// </summary>
/// <remarks>
/// Table <c>documents</c>: PartitionKey = UTC hour of ingestion <c>yyyyMMddHH</c>, RowKey = ingestion ticks + "_" + id,
/// so "everything since T" is one bounded range scan in time order. Container <c>normalized</c>: one blob per
/// document, named by its id and written with <c>If-None-Match: *</c>, so the blob is also the claim on the content:
/// its metadata says which content it holds and where the document's row is (concurrent ingestions of the same
/// content agree on one document, and a lookup by id needs no index of its own).
/// </remarks>
internal sealed partial class DocumentRepository(StorageClients storage, TimeProvider time, ILogger<DocumentRepository> logger)
{
    public const string DocumentsTable = "documents";

    /// <summary>Characters of body text kept in the row as the lead (the body itself lives in the blob).</summary>
    public const int LeadMaxChars = 600;

    public const int TitleMaxChars = 1_000;
    public const int UrlMaxChars = 4_000;
    public const int SourceBlobChunks = 12;
    public const int PreviousVersionChunks = 1;

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
    public Task<StoredDocument?> GetAsync(string id, CancellationToken cancellationToken) =>
        GetAsync(id, withText: true, cancellationToken);

    /// <summary>
    /// One document by id with its sources, or null when there is none. Without its text (<paramref name="withText"/>
    /// false), its paragraphs and captions are left unread when the features stored with it are current ones
    /// (<see cref="Stories.TextFeatures.IsCurrent"/>); a document stored before them, or with older ones, comes whole.
    /// </summary>
    public async Task<StoredDocument?> GetAsync(string id, bool withText, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var container = await storage.GetContainerAsync(storage.Options.NormalizedContainer, cancellationToken);
        Response<BlobDownloadResult> content;
        try
        {
            content = await container.GetBlobClient(BlobName(id)).DownloadContentAsync(cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }

        // The blob's metadata says where the row is; no row yet means its ingestion has not finished.
        var entity = await FindRowAsync(ContentClaims.FromMetadata(content.Value.Details.Metadata), cancellationToken);
        if (entity is null)
        {
            return null;
        }

        var document = withText ? null : DocumentJson.DeserializeWithoutText(content.Value.Content);
        if (document?.TextFeatures is null)
        {
            document = DocumentJson.Deserialize(content.Value.Content);
        }

        return new StoredDocument(document, ToSummary(entity));
    }

    /// <summary>One document's row by id (no blob read), or null when there is none.</summary>
    public async Task<DocumentSummary?> GetSummaryAsync(string id, CancellationToken cancellationToken)
    {
        var entity = await FindEntityAsync(id, cancellationToken);
        return entity is null ? null : ToSummary(entity);
    }

    /// <summary>
    /// Claims <paramref name="document"/>'s content for a new document by writing its JSON blob with
    /// <c>If-None-Match: *</c>. Returns the claim and whether this call made it; when another ingestion got there
    /// first, its claim (read from its blob's metadata). A blob of that id holding other content (a clash of the id
    /// scheme) sends this content to the id with part of its hash appended.
    /// </summary>
    public async Task<(ContentClaim Claim, bool Created)> ClaimContentAsync(NormalizedDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var container = await storage.GetContainerAsync(storage.Options.NormalizedContainer, cancellationToken);
        var documentId = document.Id;
        for (var attempt = 1; ; attempt++)
        {
            var ingestedAt = time.GetUtcNow();
            var claim = new ContentClaim(document.ContentHash, documentId, Bucket(ingestedAt), Ticks(ingestedAt) + "_" + StorageKeys.ForId(documentId), ingestedAt);
            var blob = container.GetBlobClient(BlobName(documentId));
            try
            {
                await blob.UploadAsync(
                    DocumentJson.Serialize(document with { Id = documentId }),
                    new BlobUploadOptions
                    {
                        Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                        Metadata = ContentClaims.ToMetadata(claim),
                        HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
                    },
                    cancellationToken);
                return (claim, true);
            }
            catch (RequestFailedException exception) when (exception.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
            {
                var existing = ContentClaims.FromMetadata((await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value.Metadata);
                if (ContentClaims.SameContent(existing, document.ContentHash) || attempt > 1)
                {
                    return (existing, false);
                }

                var distinct = document.Id + "-" + StorageKeys.Hash(document.ContentHash)[..12];
                LogIdClash(logger, document.Id, distinct);
                documentId = distinct;
            }
        }
    }

    /// <summary>
    /// Writes a claimed document's row (listing <paramref name="sourceBlob"/>); its blob was written by the claim.
    /// Safe to run again after a failure, and by a second ingestion taking over a claim whose writer died: when the
    /// row already exists the blob is added to its sources instead.
    /// </summary>
    public async Task<SourceAddResult> StoreAsync(
        ContentClaim claim, NormalizedDocument document, string sourceBlob, IReadOnlyList<string> previousVersions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(document);
        document = document with { Id = claim.DocumentId };

        var documents = await storage.GetTableAsync(DocumentsTable, cancellationToken);
        var entity = BuildEntity(claim, document, BlobName(claim.DocumentId), sourceBlob, previousVersions);
        try
        {
            await documents.AddEntityAsync(entity, cancellationToken);
            return SourceAddResult.Created;
        }
        catch (RequestFailedException exception) when (exception.Status == (int)HttpStatusCode.Conflict)
        {
            return await AddSourceAsync(claim, sourceBlob, cancellationToken);
        }
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

    /// <summary>The normalized blob of a document id (ids are plain keys already, other strings are made safe).</summary>
    internal static string BlobName(string documentId) => StorageKeys.ForId(documentId) + ".json";

    private async Task<TableEntity?> FindEntityAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var container = await storage.GetContainerAsync(storage.Options.NormalizedContainer, cancellationToken);
        try
        {
            var properties = await container.GetBlobClient(BlobName(id)).GetPropertiesAsync(cancellationToken: cancellationToken);
            return await FindRowAsync(ContentClaims.FromMetadata(properties.Value.Metadata), cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private async Task<TableEntity?> FindRowAsync(ContentClaim claim, CancellationToken cancellationToken)
    {
        var documents = await storage.GetTableAsync(DocumentsTable, cancellationToken);
        var row = await documents.GetEntityIfExistsAsync<TableEntity>(claim.DocumentPartition, claim.DocumentRow, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Document id {DocumentId} already belongs to other content; storing this content as {DistinctId}")]
    private static partial void LogIdClash(ILogger logger, string documentId, string distinctId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Document {DocumentId} changed while adding a source (attempt {Attempt}); retrying")]
    private static partial void LogSourceConflict(ILogger logger, string documentId, int attempt);
}
