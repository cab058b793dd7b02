using Microsoft.Extensions.DependencyInjection;
using NewsDigest.Ingestion;
using NewsDigest.IntegrationTests.Infrastructure;
using NewsDigest.Storage;

namespace NewsDigest.IntegrationTests.Ingestion;

public sealed class InboxReconcilerTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ReconcileAsync_FiveSeeds_AccountsForEveryBlobOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = azurite.CreateServices();
        var names = await Inbox.UploadSeedsAsync(services, ct);
        var reconciler = services.GetRequiredService<InboxReconciler>();

        var first = await reconciler.ReconcileAsync(ct);
        var second = await reconciler.ReconcileAsync(ct);

        Assert.Equal(5, names.Count);
        Assert.Equal((5, 5, 0, 0, 0, 0), (first.Scanned, first.Ingested, first.Duplicates, first.Skipped, first.Rejected, first.Failed));
        Assert.Equal((5, 0, 5), (second.Scanned, second.Ingested, second.Skipped));
        var records = await Inbox.ListRecordsAsync(services, ct);
        Assert.Equal(names, records.Select(r => r.BlobName).Order(StringComparer.Ordinal));
        Assert.All(records, r => Assert.Equal(IngestionStatus.Ingested, r.Status));

        // Seeds 000 and 001 are one article in two renditions with different text: two documents here, which
        // story clustering links when the digest reads them.
        var documents = await Inbox.ListDocumentsAsync(services, ct);
        Assert.Equal(names, documents.SelectMany(d => d.SourceBlobs).Order(StringComparer.Ordinal));
        Assert.Equal(5, documents.Count);
        var repository = services.GetRequiredService<DocumentRepository>();
        foreach (var summary in documents)
        {
            var stored = await repository.GetAsync(summary.Id, ct);
            Assert.NotNull(stored);
            Assert.Equal(summary.ContentHash, stored.Document.ContentHash);
            Assert.NotEmpty(stored.Document.Paragraphs);
        }
    }

    [Fact]
    public async Task ReconcileAsync_StorageDown_ThrowsARetryableError()
    {
        var ct = TestContext.Current.CancellationToken;
        var deadPort = NodeTools.GetFreePort();
        await using var services = azurite.CreateServices(s => s["Storage:ConnectionString"] = azurite.ConnectionStringWith(blobPort: deadPort, tablePort: deadPort));

        var exception = await Assert.ThrowsAnyAsync<Exception>(() => services.GetRequiredService<InboxReconciler>().ReconcileAsync(ct));

        Assert.True(StorageFailures.IsTransient(exception), exception.ToString());
    }

    public static TheoryData<string> Endpoints => ["blob", "table"];

    /// <summary>
    /// Storage goes down at every request of an ingestion in turn (through a proxy that refuses everything after
    /// request n); each time the ingestion fails with a retryable error, and a reconciliation once storage is back
    /// finishes the job: one document listing the blob, one ingestion record, the document intact.
    /// </summary>
    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task IngestAsync_StorageGoesDownAtAnyStep_FailsRetryablyAndReconciliationRecovers(string endpoint)
    {
        var ct = TestContext.Current.CancellationToken;
        var seed = await File.ReadAllBytesAsync(Inbox.Seed("003"), ct);
        var completedWithoutFailure = false;
        for (var allowed = 0; !completedWithoutFailure; allowed++)
        {
            Assert.True(allowed < 40, "the ingestion never finished through the proxy");
            await using var healthy = azurite.CreateServices(s => s["Ingestion:ClaimTakeoverAfter"] = "00:00:01");
            var prefix = healthy.GetRequiredService<StorageClients>().Options.NamePrefix;
            await Inbox.UploadAsync(healthy, "meeting.txt", seed, "text/plain", ct);

            await using var proxy = new FailingProxy(endpoint == "blob" ? azurite.BlobPort : azurite.TablePort, allowed);
            await using (var failing = azurite.CreateServices(s =>
            {
                s["Storage:NamePrefix"] = prefix;
                s["Storage:ConnectionString"] = endpoint == "blob"
                    ? azurite.ConnectionStringWith(blobPort: proxy.Port)
                    : azurite.ConnectionStringWith(tablePort: proxy.Port);
            }))
            {
                try
                {
                    var outcome = await failing.GetRequiredService<IngestionService>().IngestAsync("meeting.txt", ct);
                    Assert.False(proxy.HasFailed, $"ingestion reported {outcome.Status} although storage failed");
                    completedWithoutFailure = true;
                }
                catch (Exception exception) when (proxy.HasFailed)
                {
                    Assert.True(StorageFailures.IsTransient(exception), $"after {allowed} requests: {exception}");
                }
            }

            var report = await healthy.GetRequiredService<InboxReconciler>().ReconcileAsync(ct);

            Assert.Equal(0, report.Failed);
            var document = Assert.Single(await Inbox.ListDocumentsAsync(healthy, ct));
            Assert.Equal(["meeting.txt"], document.SourceBlobs);
            var record = Assert.Single(await Inbox.ListRecordsAsync(healthy, ct));
            Assert.Equal([document.Id], record.DocumentIds);
            var stored = await healthy.GetRequiredService<DocumentRepository>().GetAsync(document.Id, ct);
            Assert.NotNull(stored);
            Assert.Equal(document.ContentHash, stored.Document.ContentHash);
        }
    }
}
