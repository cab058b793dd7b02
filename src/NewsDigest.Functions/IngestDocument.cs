using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using NewsDigest.Ingestion;

namespace NewsDigest.Functions;

/// <summary>Normalizes and stores each document dropped into the inbox, on its Event Grid BlobCreated event.</summary>
/// <remarks>
/// The container comes from the app setting <c>Storage__InboxContainer</c> (binding expression
/// <c>%Storage:InboxContainer%</c>), the same value <c>StorageOptions.InboxContainer</c> binds, so the trigger and
/// the code that reads the blob cannot disagree. Binding a <see cref="BlobClient"/> downloads nothing: the
/// ingestion service reads the blob itself. Bad content never throws (it is recorded as a rejection); a storage
/// outage does, so the host retries the event.
/// </remarks>
internal sealed class IngestDocument(IngestionService ingestion)
{
    [Function(nameof(IngestDocument))]
    public async Task RunAsync(
        [BlobTrigger("%Storage:InboxContainer%/{name}", Source = BlobTriggerSource.EventGrid, Connection = "InboxStorage")] BlobClient blob,
        CancellationToken cancellationToken) =>
        await ingestion.IngestAsync(blob.Name, cancellationToken);
}
