using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsDigest.Digest;
using NewsDigest.Ingestion;
using NewsDigest.IntegrationTests.Infrastructure;
using NewsDigest.Queries;
using NewsDigest.Storage;

namespace NewsDigest.IntegrationTests.Queries;

/// <summary>
/// The whole path the API serves: the seeds ingested, the day's digest composed, stored and delivered (to a local
/// webhook standing in for Teams) by the daily digest service, then read back through the query services.
/// </summary>
public sealed class DeliveredDigestTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Queries_AfterDailyDigestDelivered_ServeWhatWasDelivered()
    {
        var ct = TestContext.Current.CancellationToken;
        using var webhook = new WebhookListener();
        var clock = new FakeTimeProvider(Morning);
        await using var services = azurite.CreateServices(
            s =>
            {
                s["Digest:TimeZone"] = "Europe/London";
                s["Teams:Enabled"] = "true";
                s["Teams:WebhookUrl"] = webhook.Url;
            },
            clock);
        var summaries = services.GetRequiredService<SummaryQueries>();
        var digests = services.GetRequiredService<DigestQueries>();
        var documents = services.GetRequiredService<DocumentQueries>();

        var before = await summaries.GetLatestAsync(new QueryRequest("/api/summary/latest"), ct);
        await IngestSeedsAsync(services, ct);
        clock.Advance(TimeSpan.FromMinutes(5));
        var pending = await summaries.GetPendingAsync(new QueryRequest("/api/summary/pending", Format: "markdown"), ct);
        var run = await services.GetRequiredService<DailyDigestService>().SendNowAsync(ct);
        clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(404, before.StatusCode);
        Assert.Equal(200, pending.StatusCode);
        Assert.Equal("text/markdown; charset=utf-8", pending.ContentType);
        Assert.Equal("no-cache", pending.GetHeader("Cache-Control"));
        Assert.Equal(DigestRunOutcome.Delivered, run.Outcome);
        Assert.Equal(1, webhook.Posts);

        var json = await summaries.GetLatestAsync(new QueryRequest("/api/summary/latest"), ct);
        Assert.Equal(200, json.StatusCode);
        using var digest = JsonDocument.Parse(json.Body);
        Assert.Equal("2026-11-20", digest.RootElement.GetProperty("localDate").GetString());
        var entries = digest.RootElement.GetProperty("entries").EnumerateArray().ToList();
        Assert.NotEmpty(entries);
        Assert.Equal(run.Record!.StoryCount, entries.Count);

        var html = await summaries.GetLatestAsync(new QueryRequest("/api/summary/latest", Accept: "text/html"), ct);
        var archive = services.GetRequiredService<DigestArchive>();
        Assert.Equal(await archive.ReadRenderingAsync(new DateOnly(2026, 11, 20), DigestFormat.Html, ct), html.Body);
        Assert.NotEqual(json.GetHeader("ETag"), html.GetHeader("ETag"));

        var revalidated = await summaries.GetLatestAsync(new QueryRequest("/api/summary/latest", IfNoneMatch: json.GetHeader("ETag")), ct);
        Assert.Equal(304, revalidated.StatusCode);

        var byDate = await digests.GetByDateAsync("2026-11-20", new QueryRequest("/api/digests/2026-11-20"), ct);
        Assert.Equal(json.Body, byDate.Body);
        Assert.Equal(json.GetHeader("ETag"), byDate.GetHeader("ETag"));

        var list = await digests.ListAsync(null, null, new QueryRequest("/api/digests"), ct);
        using var listed = JsonDocument.Parse(list.Body);
        var item = Assert.Single(listed.RootElement.GetProperty("digests").EnumerateArray());
        Assert.Equal(run.Record.DocumentCount, item.GetProperty("documentCount").GetInt32());
        Assert.Equal(JsonValueKind.String, item.GetProperty("deliveredAt").ValueKind);

        // Every source the digest cites resolves to its stored document.
        var sourceIds = entries.SelectMany(e => e.GetProperty("sources").EnumerateArray()).Select(s => s.GetProperty("documentId").GetString()!).Distinct().ToList();
        Assert.NotEmpty(sourceIds);
        foreach (var id in sourceIds)
        {
            var document = await documents.GetAsync(id, new QueryRequest("/api/documents/" + id), ct);
            Assert.Equal(200, document.StatusCode);
        }

        // Everything is in the delivered digest now, so the next one would have no entries.
        var nextPending = await summaries.GetPendingAsync(new QueryRequest("/api/summary/pending"), ct);
        using var next = JsonDocument.Parse(nextPending.Body);
        Assert.Empty(next.RootElement.GetProperty("entries").EnumerateArray());
    }

    private static async Task IngestSeedsAsync(ServiceProvider services, CancellationToken cancellationToken)
    {
        var clients = services.GetRequiredService<StorageClients>();
        var ingestion = services.GetRequiredService<IngestionService>();
        var inbox = await clients.GetContainerAsync(clients.Options.InboxContainer, cancellationToken);
        foreach (var path in Directory.EnumerateFiles(Path.Combine(NodeTools.RepositoryRoot, "seeds"), "*.txt").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            await inbox.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(await File.ReadAllBytesAsync(path, cancellationToken)), overwrite: true, cancellationToken);
            var outcome = await ingestion.IngestAsync(name, cancellationToken);
            Assert.Equal(IngestionStatus.Ingested, outcome.Status);
        }
    }

    /// <summary>A local HTTP endpoint that accepts webhook posts, in place of a Teams workflow.</summary>
    private sealed class WebhookListener : IDisposable
    {
        private readonly HttpListener _listener = new();
        private int _posts;

        public WebhookListener()
        {
            var port = NodeTools.GetFreePort();
            Url = $"http://127.0.0.1:{port}/hook/";
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _ = AcceptAsync();
        }

        public string Url { get; }

        public int Posts => Volatile.Read(ref _posts);

        public void Dispose() => _listener.Close();

        private async Task AcceptAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                Interlocked.Increment(ref _posts);
                context.Response.StatusCode = 202;
                context.Response.Close();
            }
        }
    }
}
