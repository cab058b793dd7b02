using System.Globalization;
using System.Net;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsDigest.Normalization;
using NewsDigest.Storage;
using NewsDigest.Stories;

namespace NewsDigest.Ingestion;

/// <summary>
/// Ingests one inbox blob exactly once: normalizes it and stores its documents, or records why it was refused.
/// Called by the blob-triggered function and by inbox reconciliation; safe to call again for the same blob
/// (also concurrently) because every write is keyed by the blob version or the content hash.
/// </summary>
internal sealed partial class IngestionService(
    StorageClients storage,
    DocumentNormalizer normalizer,
    DocumentRepository documents,
    IngestionLedger ledger,
    IOptions<NormalizationOptions> normalizationOptions,
    IOptions<IngestionOptions> ingestionOptions,
    TimeProvider time,
    ILogger<IngestionService> logger)
{
    /// <summary>Metadata set on a refused inbox blob; uploading the blob again replaces the metadata and clears it.</summary>
    public const string RejectionMetadata = "newsdigestrejection";

    public const string RejectedAtMetadata = "newsdigestrejectedat";

    /// <summary>
    /// Ingests the inbox blob <paramref name="blobName"/>. Bad input never throws (it is rejected); a storage failure
    /// does, so that the caller retries later.
    /// </summary>
    public async Task<IngestionOutcome> IngestAsync(string blobName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);

        // .NET's Uri turns '\' into '/' on the way out, so that is the name the blob really has (and is listed under).
        blobName = blobName.Replace('\\', '/');
        var blob = storage.Inbox.GetBlobClient(blobName);

        // One GET gives the content and the properties of one version together (no race between them, no separate
        // properties request); the blob's history is read meanwhile, and the body is only read when it is needed.
        var opening = OpenAsync(blob, cancellationToken);
        var reading = ledger.GetHistoryAsync(blobName, cancellationToken);
        try
        {
            await Task.WhenAll(opening, reading);
        }
        catch (Exception) when (opening.IsCompletedSuccessfully)
        {
            opening.Result?.Dispose();
            throw;
        }

        using var download = opening.Result;
        if (download is null)
        {
            LogNotFound(logger, blobName);
            return new IngestionOutcome(blobName, IngestionStatus.NotFound, []);
        }

        return await IngestVersionAsync(blob, download, reading.Result, cancellationToken);
    }

    /// <summary>The key of one version of a blob: its Content-MD5 when the service has one (stable across metadata changes), else its ETag.</summary>
    internal static string VersionKey(byte[]? contentMd5, ETag etag) =>
        contentMd5 is { Length: > 0 }
            ? "md5-" + Convert.ToHexStringLower(contentMd5)
            : "etag-" + new string([.. etag.ToString().Where(char.IsAsciiLetterOrDigit)]);

    private static async Task<BlobDownloadStreamingResult?> OpenAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            return (await blob.DownloadStreamingAsync(cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException exception) when (exception.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private async Task<IngestionOutcome> IngestVersionAsync(
        BlobClient blob, BlobDownloadStreamingResult download, BlobHistory history, CancellationToken cancellationToken)
    {
        var blobName = blob.Name;
        var details = download.Details;
        var version = new InboxVersion(
            VersionKey(details.ContentHash is { Length: > 0 } ? details.ContentHash : details.BlobContentHash, details.ETag),
            details.ETag,
            details.ContentLength,
            details.ContentType,
            details.Metadata);
        if (history.Find(version.Key) is { } existing)
        {
            LogAlreadyProcessed(logger, blobName, existing.Status);
            return new IngestionOutcome(blobName, IngestionStatus.AlreadyProcessed, existing.DocumentIds);
        }

        if (version.Metadata.ContainsKey(RejectionMetadata))
        {
            // Marked by an earlier run whose record went to an older key (the mark itself changes the ETag).
            LogAlreadyProcessed(logger, blobName, IngestionStatus.Rejected);
            return new IngestionOutcome(blobName, IngestionStatus.AlreadyProcessed, []);
        }

        var maxBytes = normalizationOptions.Value.MaxDocumentBytes;
        if (version.Size > maxBytes)
        {
            // Refused before reading the body: the size alone decides, and the content may be huge.
            var tooLarge = new DocumentRejection(
                RejectionReason.TooLarge,
                string.Create(CultureInfo.InvariantCulture, $"The file has {version.Size:N0} bytes; the limit is {maxBytes:N0}."),
                "unknown");
            return await RejectAsync(blob, version, tooLarge, cancellationToken);
        }

        var content = new byte[version.Size];
        await download.Content.ReadExactlyAsync(content, cancellationToken);
        var input = new NormalizationInput(
            content,
            FileName: FileName(blobName),
            ContentType: version.ContentType,
            Metadata: new Dictionary<string, string>(version.Metadata, StringComparer.OrdinalIgnoreCase));

        var result = Normalize(blobName, input);
        if (result.Rejection is { } rejection)
        {
            return await RejectAsync(blob, version, rejection, cancellationToken);
        }

        var previous = history.Latest;
        IReadOnlyList<string> previousVersions = result.Documents.Count == 1 && previous is { Status: not IngestionStatus.Rejected }
            ? [.. previous.DocumentIds.Where(id => id != result.Documents[0].Id)]
            : [];

        var statuses = new List<IngestionStatus>(result.Documents.Count);
        var ids = new List<string>(result.Documents.Count);
        foreach (var document in result.Documents)
        {
            var (status, id) = await StoreDocumentAsync(document, blobName, previousVersions, cancellationToken);
            statuses.Add(status);
            if (!ids.Contains(id, StringComparer.Ordinal))
            {
                ids.Add(id);
            }
        }

        var overall = statuses.Contains(IngestionStatus.Ingested) ? IngestionStatus.Ingested
            : statuses.Contains(IngestionStatus.Duplicate) ? IngestionStatus.Duplicate
            : IngestionStatus.AlreadyProcessed;

        await ledger.TryAddAsync(
            new IngestionRecord(blobName, version.Key, overall, ids, time.GetUtcNow(), version.Size, version.ContentType, previous?.VersionKey, null),
            cancellationToken);

        switch (overall)
        {
            case IngestionStatus.Ingested:
                LogIngested(logger, blobName, ids.Count, string.Join(' ', ids));
                break;
            case IngestionStatus.Duplicate:
                LogDuplicate(logger, blobName, string.Join(' ', ids));
                break;
            default:
                LogAlreadyProcessed(logger, blobName, overall);
                break;
        }

        return new IngestionOutcome(blobName, overall, ids);
    }

    private NormalizationResult Normalize(string blobName, NormalizationInput input)
    {
        try
        {
            return normalizer.Normalize(input);
        }
        catch (Exception exception) when (exception is not (OperationCanceledException or NotImplementedException or OutOfMemoryException))
        {
            // The normalizer refuses bad input with a result; an exception here is a defect. Refusing the file keeps
            // the blob from being retried forever, and the rejection record says what broke.
            LogNormalizerFailed(logger, exception, blobName);
            return NormalizationResult.Rejected(new DocumentRejection(
                RejectionReason.Unsupported,
                "Normalization failed: " + exception.GetType().Name + ": " + exception.Message,
                "unknown"));
        }
    }

    /// <summary>Stores one document, or adds the blob to the document that already has the same content.</summary>
    private async Task<(IngestionStatus Status, string DocumentId)> StoreDocumentAsync(
        NormalizedDocument document, string blobName, IReadOnlyList<string> previousVersions, CancellationToken cancellationToken)
    {
        // Worked out once here, stored with the document: every digest whose window holds it loads them instead.
        document = document with { TextFeatures = TextFeatures.Of(document) };
        var (claim, created) = await documents.ClaimContentAsync(document, cancellationToken);
        if (created)
        {
            var stored = await documents.StoreAsync(claim, document, blobName, previousVersions, cancellationToken);
            return (ToStatus(stored), claim.DocumentId);
        }

        var takeoverAfter = ingestionOptions.Value.ClaimTakeoverAfter;
        var waited = TimeSpan.Zero;
        var delay = TimeSpan.FromMilliseconds(25);
        while (true)
        {
            var added = await documents.AddSourceAsync(claim, blobName, cancellationToken);
            if (added != SourceAddResult.DocumentMissing)
            {
                return (ToStatus(added), claim.DocumentId);
            }

            // Another ingestion claimed this content and is still writing the document, or died doing so.
            if (waited >= takeoverAfter || time.GetUtcNow() - claim.IngestedAt >= takeoverAfter)
            {
                LogClaimTakeover(logger, blobName, claim.DocumentId);
                var stored = await documents.StoreAsync(claim, document, blobName, [], cancellationToken);
                return (ToStatus(stored), claim.DocumentId);
            }

            // Real time on purpose: a back-off, not a clock reading.
            await Task.Delay(delay, cancellationToken);
            waited += delay;
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 1_000));
        }
    }

    private static IngestionStatus ToStatus(SourceAddResult result) => result switch
    {
        SourceAddResult.Created => IngestionStatus.Ingested,
        SourceAddResult.Added => IngestionStatus.Duplicate,
        _ => IngestionStatus.AlreadyProcessed,
    };

    private async Task<IngestionOutcome> RejectAsync(
        BlobClient blob, InboxVersion version, DocumentRejection rejection, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await ledger.AddRejectionAsync(
            new RejectionRecord(blob.Name, version.Key, rejection.Reason, rejection.Message, version.Size, rejection.DetectedFormat, now),
            cancellationToken);

        var metadata = new Dictionary<string, string>(version.Metadata, StringComparer.OrdinalIgnoreCase)
        {
            [RejectionMetadata] = rejection.Reason.ToString(),
            [RejectedAtMetadata] = now.ToString("O", CultureInfo.InvariantCulture),
        };
        try
        {
            await blob.SetMetadataAsync(metadata, new BlobRequestConditions { IfMatch = version.ETag }, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            // Overwritten or deleted meanwhile: the new version is ingested on its own, and its metadata must stay clean.
        }

        await ledger.TryAddAsync(
            new IngestionRecord(blob.Name, version.Key, IngestionStatus.Rejected, [], now, version.Size, version.ContentType, null, rejection.Reason + ": " + rejection.Message),
            cancellationToken);
        LogRejected(logger, blob.Name, rejection.Reason, rejection.DetectedFormat, rejection.Message);
        return new IngestionOutcome(blob.Name, IngestionStatus.Rejected, [], rejection);
    }

    private static string FileName(string blobName)
    {
        var slash = blobName.LastIndexOf('/');
        return slash >= 0 && slash < blobName.Length - 1 ? blobName[(slash + 1)..] : blobName;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingested {BlobName}: {DocumentCount} document(s) {DocumentIds}")]
    private static partial void LogIngested(ILogger logger, string blobName, int documentCount, string documentIds);

    [LoggerMessage(Level = LogLevel.Information, Message = "{BlobName} duplicates stored document(s) {DocumentIds}; added as a source")]
    private static partial void LogDuplicate(ILogger logger, string blobName, string documentIds);

    [LoggerMessage(Level = LogLevel.Information, Message = "{BlobName} was processed before ({Status}); nothing to do")]
    private static partial void LogAlreadyProcessed(ILogger logger, string blobName, IngestionStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected {BlobName}: {Reason} ({DetectedFormat}): {Message}")]
    private static partial void LogRejected(ILogger logger, string blobName, RejectionReason reason, string detectedFormat, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "{BlobName} no longer exists; nothing to ingest")]
    private static partial void LogNotFound(ILogger logger, string blobName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{BlobName}: the ingestion that claimed document {DocumentId} did not finish it; finishing it here")]
    private static partial void LogClaimTakeover(ILogger logger, string blobName, string documentId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Normalizing {BlobName} threw; the file is rejected")]
    private static partial void LogNormalizerFailed(ILogger logger, Exception exception, string blobName);
}

/// <summary>The properties of the inbox blob version being ingested, as its download reported them.</summary>
internal sealed record InboxVersion(string Key, ETag ETag, long Size, string? ContentType, IDictionary<string, string> Metadata);
