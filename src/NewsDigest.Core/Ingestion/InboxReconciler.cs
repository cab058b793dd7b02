using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsDigest.Storage;

namespace NewsDigest.Ingestion;

/// <summary>What one reconciliation run found and did.</summary>
/// <param name="Scanned">Inbox blobs listed.</param>
/// <param name="Ingested">Blobs that produced at least one new document.</param>
/// <param name="Duplicates">Blobs whose documents existed already (added as sources).</param>
/// <param name="Skipped">Blobs processed before (an ingestion record for their current version, or marked rejected).</param>
/// <param name="Rejected">Blobs refused in this run.</param>
/// <param name="Failed">Blobs that could not be processed now (storage errors); the next run tries them again.</param>
internal sealed record ReconciliationReport(int Scanned, int Ingested, int Duplicates, int Skipped, int Rejected, int Failed)
{
    /// <summary>Names of the blobs that failed (at most 100).</summary>
    public IReadOnlyList<string> FailedBlobs { get; init; } = [];
}

/// <summary>
/// Finds inbox blobs without an ingestion record for their current version (a missed or dead-lettered event, an
/// outage, an upload from before deployment, or any local upload, since Azurite sends no events) and ingests them
/// through <see cref="IngestionService"/>.
/// </summary>
internal sealed partial class InboxReconciler(
    StorageClients storage,
    IngestionService ingestion,
    IngestionLedger ledger,
    IOptions<IngestionOptions> options,
    ILogger<InboxReconciler> logger)
{
    public async Task<ReconciliationReport> ReconcileAsync(CancellationToken cancellationToken)
    {
        var inbox = await storage.GetContainerAsync(storage.Options.InboxContainer, cancellationToken);
        int scanned = 0, ingested = 0, duplicates = 0, skipped = 0, rejected = 0, failed = 0;
        var failedBlobs = new List<string>();
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = options.Value.ReconcileParallelism,
            CancellationToken = cancellationToken,
        };

        await Parallel.ForEachAsync(inbox.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata }, cancellationToken), parallel, async (item, ct) =>
        {
            Interlocked.Increment(ref scanned);
            if (item.Metadata.ContainsKey(IngestionService.RejectionMetadata)
                || await ledger.GetAsync(item.Name, IngestionService.VersionKey(item.Properties.ContentHash, item.Properties.ETag ?? default), ct) is not null)
            {
                Interlocked.Increment(ref skipped);
                return;
            }

            try
            {
                var outcome = await ingestion.IngestAsync(item.Name, ct);
                switch (outcome.Status)
                {
                    case IngestionStatus.Ingested:
                        Interlocked.Increment(ref ingested);
                        break;
                    case IngestionStatus.Duplicate:
                        Interlocked.Increment(ref duplicates);
                        break;
                    case IngestionStatus.Rejected:
                        Interlocked.Increment(ref rejected);
                        break;
                    default:
                        Interlocked.Increment(ref skipped);
                        break;
                }
            }
            catch (Exception exception) when (StorageFailures.IsTransient(exception))
            {
                Interlocked.Increment(ref failed);
                lock (failedBlobs)
                {
                    if (failedBlobs.Count < 100)
                    {
                        failedBlobs.Add(item.Name);
                    }
                }

                LogBlobFailed(logger, exception, item.Name);
            }
        });

        var report = new ReconciliationReport(scanned, ingested, duplicates, skipped, rejected, failed) { FailedBlobs = failedBlobs };
        LogReconciled(logger, scanned, ingested, duplicates, skipped, rejected, failed);
        return report;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not ingest {BlobName} now; the next reconciliation tries again")]
    private static partial void LogBlobFailed(ILogger logger, Exception exception, string blobName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciled inbox: {Scanned} scanned, {Ingested} ingested, {Duplicates} duplicates, {Skipped} skipped, {Rejected} rejected, {Failed} failed")]
    private static partial void LogReconciled(ILogger logger, int scanned, int ingested, int duplicates, int skipped, int rejected, int failed);
}
