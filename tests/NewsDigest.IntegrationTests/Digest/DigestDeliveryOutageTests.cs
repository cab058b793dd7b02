using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsDigest.Digest;
using NewsDigest.Ingestion;
using NewsDigest.IntegrationTests.Infrastructure;
using NewsDigest.Storage;

namespace NewsDigest.IntegrationTests.Digest;

/// <summary>Storage failing in the middle of a digest run, and documents too big for a table row: every channel still sends exactly once.</summary>
public sealed class DigestDeliveryOutageTests(AzuriteFixture azurite, MailDevServer mail) : IClassFixture<MailDevServer>
{
    // 09:00 in London: the 07:00 digest is due.
    private static readonly DateTimeOffset Due = new(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Endpoints => ["table", "blob"];

    /// <summary>
    /// Storage goes down at every request of a digest run in turn (through a proxy that refuses everything after
    /// request n), then a healthy run follows: on the same day for even n, on the next day for odd n (when the old
    /// code composed the same documents again and sent them a second time). Each channel has the digest exactly once.
    /// </summary>
    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task RunAsync_StorageFailsAtAnyStep_EachChannelSendsExactlyOnce(string endpoint)
    {
        var ct = TestContext.Current.CancellationToken;
        var completedWithoutFailure = false;
        for (var allowed = 0; !completedWithoutFailure; allowed++)
        {
            Assert.True(allowed < 400, "the digest run never finished through the proxy");
            var clock = new FakeTimeProvider(Due);
            var prefix = azurite.NewPrefix();
            var recipient = $"analyst-{Guid.NewGuid():N}@newsdigest.test";
            await using var teams = new WebhookListener();
            await using var healthy = Services(prefix, recipient, teams, clock, azurite.ConnectionString);
            await DeliverySettings.IngestSeedsAsync(healthy, ct);

            await using (var proxy = new FailingProxy(endpoint == "blob" ? azurite.BlobPort : azurite.TablePort, allowed))
            await using (var failing = Services(
                prefix,
                recipient,
                teams,
                clock,
                endpoint == "blob" ? azurite.ConnectionStringWith(blobPort: proxy.Port) : azurite.ConnectionStringWith(tablePort: proxy.Port)))
            {
                try
                {
                    var outcome = await failing.GetRequiredService<DailyDigestService>().RunAsync(ct);
                    Assert.False(proxy.HasFailed, $"the run reported {outcome.Outcome} although storage failed");
                    Assert.Equal(DigestRunOutcome.Delivered, outcome.Outcome);
                    completedWithoutFailure = true;
                }
                catch (Exception exception) when (proxy.HasFailed)
                {
                    Assert.True(StorageFailures.IsTransient(exception) || exception is DigestClaimLostException, $"after {allowed} requests: {exception}");
                }
            }

            // Past the lease the failed run may have left behind.
            clock.Advance(allowed % 2 == 0 ? TimeSpan.FromMinutes(30) : TimeSpan.FromDays(1));
            var again = await healthy.GetRequiredService<DailyDigestService>().RunAsync(ct);
            clock.Advance(TimeSpan.FromDays(1));
            var nextDay = await healthy.GetRequiredService<DailyDigestService>().RunAsync(ct);

            Assert.Single(await mail.GetMessagesAsync(recipient, ct));
            Assert.Single(teams.Requests);
            Assert.NotNull(await healthy.GetRequiredService<DigestArchive>().GetLatestDeliveredAsync(ct));
            Assert.Equal(DigestRunOutcome.NothingNew, nextDay.Outcome);
            Assert.Contains(again.Outcome, new[] { DigestRunOutcome.Delivered, DigestRunOutcome.AlreadyDelivered, DigestRunOutcome.NothingNew });
        }
    }

    /// <summary>A WordPress post with a 37,499-character title: the digest goes out once, is marked delivered, and is not sent again the next day.</summary>
    [Fact]
    public async Task RunAsync_PostWithHugeTitle_DeliveredOnceAndMarkedDelivered()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(Due);
        var recipient = $"analyst-{Guid.NewGuid():N}@newsdigest.test";
        await using var teams = new WebhookListener();
        await using var services = Services(azurite.NewPrefix(), recipient, teams, clock, azurite.ConnectionString);
        var words = string.Join(' ', Enumerable.Range(0, 4_000).Select(i => "harbour" + i.ToString(CultureInfo.InvariantCulture)));
        var title = words[..37_499];
        var post = "{\"id\": 7, \"date_gmt\": \"2026-01-14T09:00:00\", \"link\": \"https://example.com/harbour\", \"title\": {\"rendered\": \"" + title
            + "\"}, \"content\": {\"rendered\": \"<p>Councillors approved the harbour budget after a long debate about dredging and ferries.</p>"
            + "<p>The vote was close, and the mayor said work on the quay starts in spring.</p>\"}}";
        await Inbox.UploadAsync(services, "long-title.json", Encoding.UTF8.GetBytes(post), "application/json", ct);
        await services.GetRequiredService<IngestionService>().IngestAsync("long-title.json", ct);
        clock.Advance(TimeSpan.FromMinutes(1));

        var first = await services.GetRequiredService<DailyDigestService>().SendNowAsync(ct);
        clock.Advance(TimeSpan.FromDays(1));
        var nextDay = await services.GetRequiredService<DailyDigestService>().RunAsync(ct);

        Assert.Equal(DigestRunOutcome.Delivered, first.Outcome);
        Assert.Equal(DigestRunOutcome.NothingNew, nextDay.Outcome);
        var message = Assert.Single(await mail.GetMessagesAsync(recipient, ct));
        Assert.True(message.GetProperty("html").GetString()!.Length < 100 * 1024);
        Assert.Single(teams.Requests);

        // Azurite accepts what the Table service refuses: check the stored stories against the real limits.
        var stories = services.GetRequiredService<StorageClients>().GetTable(StoryRepository.StoriesTable);
        var rows = 0;
        await foreach (var row in stories.QueryAsync<TableEntity>(cancellationToken: ct))
        {
            EntityLimits.EnsureWithinLimits(row);
            rows++;
        }

        Assert.True(rows > 0);
    }

    private ServiceProvider Services(string prefix, string recipient, WebhookListener teams, TimeProvider clock, string connectionString) =>
        azurite.CreateServices(
            s =>
            {
                DeliverySettings.BothChannels(s, prefix, recipient, mail.SmtpPort, teams.Url);
                s["Storage:ConnectionString"] = connectionString;
            },
            clock);
}
