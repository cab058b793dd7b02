using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsDigest.Delivery;
using NewsDigest.Digest;
using NewsDigest.Ingestion;
using NewsDigest.IntegrationTests.Infrastructure;
using NewsDigest.Storage;

namespace NewsDigest.IntegrationTests.Digest;

/// <summary>The daily digest end to end: seeds ingested into Azurite, sent to a real SMTP server and a real HTTP listener.</summary>
public sealed class DailyDigestDeliveryTests(AzuriteFixture azurite, MailDevServer mail) : IClassFixture<MailDevServer>
{
    // 06:00 in London on a winter day: an hour before the digest is due.
    private static readonly DateTimeOffset Start = new(2026, 1, 15, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RunAsync_SeedsIngested_EmailAndCardCarryEveryStoryOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(Start);
        await using var teams = new WebhookListener();
        var recipient = Recipient();
        await using var services = Services(azurite.NewPrefix(), recipient, mail.SmtpPort, teams, clock);
        await DeliverySettings.IngestSeedsAsync(services, ct);
        var digest = services.GetRequiredService<DailyDigestService>();

        var early = await digest.RunAsync(ct);
        clock.Advance(TimeSpan.FromMinutes(65));
        var due = await digest.RunAsync(ct);
        var again = await digest.RunAsync(ct);

        Assert.Equal(DigestRunOutcome.NotDue, early.Outcome);
        Assert.Equal(DigestRunOutcome.Delivered, due.Outcome);
        Assert.Equal(DigestRunOutcome.AlreadyDelivered, again.Outcome);

        var message = Assert.Single(await mail.GetMessagesAsync(recipient, ct));
        Assert.Contains("3 stories", message.GetProperty("subject").GetString(), StringComparison.Ordinal);
        var html = message.GetProperty("html").GetString()!;
        var text = message.GetProperty("text").GetString()!;
        foreach (var title in new[]
        {
            "South Korea eyes AUKUS role and Ukraine mission as Trump wins US election",
            "Will S. Korea join AUKUS Pillar 2 in face of deepening Russia-NK ties?",
            "South Korea being considered as potential member of AUKUS second pillar",
            "South Korea Interested in Joining AUKUS Agreement",
        })
        {
            Assert.Contains(System.Net.WebUtility.HtmlEncode(title), html, StringComparison.Ordinal);
            Assert.Contains(title, text, StringComparison.Ordinal);
        }

        Assert.Contains("3 stories from 5 documents", text, StringComparison.Ordinal);
        Assert.Contains("older coverage", text, StringComparison.Ordinal);
        Assert.Contains("https://koreapro.org/2024/05/south-korea-being-considered-as-potential-member-of-aukus-second-pillar/", html, StringComparison.Ordinal);

        var request = Assert.Single(teams.Requests);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        using var card = JsonDocument.Parse(request.Body);
        Assert.Equal("message", card.RootElement.GetProperty("type").GetString());
        var attachment = card.RootElement.GetProperty("attachments")[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        var cardText = attachment.GetProperty("content").GetRawText();
        Assert.Contains("Shin Won-sik", cardText, StringComparison.Ordinal);
        Assert.Contains("South Korea Interested in Joining AUKUS Agreement", cardText, StringComparison.Ordinal);
        Assert.Contains("3 stories from 5 documents", cardText, StringComparison.Ordinal);

        var archive = services.GetRequiredService<DigestArchive>();
        var latest = await archive.GetLatestDeliveredAsync(ct);
        Assert.NotNull(latest);
        Assert.Equal(new DateOnly(2026, 1, 15), latest.LocalDate);
        Assert.Equal(3, latest.StoryCount);
        Assert.Equal(5, latest.DocumentCount);
        Assert.Equal(latest, Assert.Single(await archive.ListAsync(latest.LocalDate.AddDays(-3), latest.LocalDate.AddDays(3), ct)));
        Assert.Equal(latest, await archive.GetAsync(latest.LocalDate, ct));
        using var json = JsonDocument.Parse((await archive.ReadRenderingAsync(latest.LocalDate, DigestFormat.Json, ct))!);
        Assert.Equal(5, json.RootElement.GetProperty("entries").EnumerateArray().Sum(e => e.GetProperty("sources").GetArrayLength()));

        // One entry per development: 000 and its plain-text copy 001 together, 003 and 004 (the Melbourne meeting) together, 002 alone.
        var entries = json.RootElement.GetProperty("entries").EnumerateArray()
            .Select(e => e.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("title").GetString()).ToList())
            .ToList();
        Assert.Contains(entries, titles => titles.Count == 2
            && titles.Contains("South Korea eyes AUKUS role and Ukraine mission as Trump wins US election")
            && titles.Contains("Seoul weighs strategic tech partnership with AUKUS while balancing its relations with Washington, Beijing and Moscow"));
        Assert.Contains(entries, titles => titles.Count == 2
            && titles.Contains("South Korea being considered as potential member of AUKUS second pillar")
            && titles.Contains("South Korea Interested in Joining AUKUS Agreement"));
        Assert.Contains(entries, titles => titles.SequenceEqual(["Will S. Korea join AUKUS Pillar 2 in face of deepening Russia-NK ties?"]));
    }

    [Fact]
    public async Task RunAsync_SmtpDownOnce_RetrySendsOnlyTheEmail()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(Start.AddHours(2));
        var prefix = azurite.NewPrefix();
        await using var teams = new WebhookListener();
        var recipient = Recipient();
        var deadPort = NodeTools.GetFreePort();
        await using var broken = Services(prefix, recipient, deadPort, teams, clock);
        await DeliverySettings.IngestSeedsAsync(broken, ct);

        var failed = await broken.GetRequiredService<DailyDigestService>().RunAsync(ct);

        Assert.Equal(DigestRunOutcome.Incomplete, failed.Outcome);
        Assert.Equal(ChannelState.Pending, failed.Channels[DeliveryChannel.Email]);
        Assert.Equal(ChannelState.Sent, failed.Channels[DeliveryChannel.Teams]);
        Assert.Null(await broken.GetRequiredService<DigestArchive>().GetLatestDeliveredAsync(ct));

        clock.Advance(TimeSpan.FromHours(1));
        await using var repaired = Services(prefix, recipient, mail.SmtpPort, teams, clock);
        var retried = await repaired.GetRequiredService<DailyDigestService>().RunAsync(ct);

        Assert.Equal(DigestRunOutcome.Delivered, retried.Outcome);
        Assert.Single(await mail.GetMessagesAsync(recipient, ct));
        Assert.Single(teams.Requests);
        Assert.NotNull(await repaired.GetRequiredService<DigestArchive>().GetLatestDeliveredAsync(ct));
    }

    [Fact]
    public async Task RunAsync_TwoInstancesAtOnce_OneDelivery()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(Start.AddHours(2));
        var prefix = azurite.NewPrefix();
        await using var teams = new WebhookListener();
        var recipient = Recipient();
        await using var first = Services(prefix, recipient, mail.SmtpPort, teams, clock);
        await using var second = Services(prefix, recipient, mail.SmtpPort, teams, clock);
        await DeliverySettings.IngestSeedsAsync(first, ct);

        var outcomes = await Task.WhenAll(
            first.GetRequiredService<DailyDigestService>().RunAsync(ct),
            second.GetRequiredService<DailyDigestService>().RunAsync(ct));

        Assert.Single(outcomes, o => o.Outcome == DigestRunOutcome.Delivered);
        Assert.Single(outcomes, o => o.Outcome is DigestRunOutcome.Busy or DigestRunOutcome.AlreadyDelivered);
        Assert.Single(await mail.GetMessagesAsync(recipient, ct));
        Assert.Single(teams.Requests);
    }

    [Fact]
    public async Task RunAsync_NextDayWithNothingNew_SendsNothingAndKeepsTheWatermark()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(Start.AddHours(2));
        await using var teams = new WebhookListener();
        var recipient = Recipient();
        await using var services = Services(azurite.NewPrefix(), recipient, mail.SmtpPort, teams, clock);
        await DeliverySettings.IngestSeedsAsync(services, ct);
        var digest = services.GetRequiredService<DailyDigestService>();
        await digest.RunAsync(ct);
        var watermark = await services.GetRequiredService<DigestArchive>().GetWatermarkAsync(ct);

        clock.Advance(TimeSpan.FromDays(1));
        var nextDay = await digest.RunAsync(ct);

        Assert.Equal(DigestRunOutcome.NothingNew, nextDay.Outcome);
        Assert.Single(await mail.GetMessagesAsync(recipient, ct));
        Assert.Single(teams.Requests);
        Assert.Equal(watermark, await services.GetRequiredService<DigestArchive>().GetWatermarkAsync(ct));
        Assert.Null(await services.GetRequiredService<DigestArchive>().GetAsync(new DateOnly(2026, 1, 16), ct));
    }

    [Fact]
    public async Task RunAsync_Delivered_NextDigestStartsFromItsTermStatistics()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(Start.AddHours(2));
        await using var teams = new WebhookListener();
        await using var services = Services(azurite.NewPrefix(), Recipient(), mail.SmtpPort, teams, clock);
        await DeliverySettings.IngestSeedsAsync(services, ct);
        await services.GetRequiredService<DailyDigestService>().RunAsync(ct);
        var archive = services.GetRequiredService<DigestArchive>();

        var stored = await archive.ReadTermStatisticsAsync(new DateOnly(2026, 1, 15), ct);
        clock.Advance(TimeSpan.FromDays(1));
        var next = await services.GetRequiredService<DigestComposer>().ComposeAsync(new DateOnly(2026, 1, 16), ct);

        Assert.NotNull(stored);
        Assert.Equal(5, stored.Documents);
        Assert.Contains("aukus", stored.Frequencies.Keys);
        // Nothing new the next day: the statistics are the delivered digest's, not counted again.
        Assert.Equal(stored.Documents, next.Statistics.Documents);
        Assert.Equal(stored.Frequencies["aukus"], next.Statistics.Frequencies["aukus"]);
        Assert.Null(await archive.ReadTermStatisticsAsync(new DateOnly(2026, 1, 16), ct));
    }

    [Fact]
    public async Task RunAsync_NextDigestWhileStatisticsYoung_RefilesMovedDocumentsAndSendsNothingTwice()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(Start);
        await using var teams = new WebhookListener();
        await using var services = Services(azurite.NewPrefix(), Recipient(), mail.SmtpPort, teams, clock);
        var digest = services.GetRequiredService<DailyDigestService>();
        var stories = services.GetRequiredService<StoryRepository>();
        await IngestAsync(services, ["000", "001", "002"], ct);
        clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(DigestRunOutcome.Delivered, (await digest.RunAsync(ct)).Outcome);
        var seeds = (await Inbox.ListDocumentsAsync(services, ct)).ToDictionary(d => d.Id, d => d.SourceBlobs[0][..3], StringComparer.Ordinal);
        var ids = seeds.ToDictionary(s => s.Value, s => s.Key, StringComparer.Ordinal);

        // As a digest with few documents read may: 002 filed with the copies 000 and 001, and its own story gone.
        var copies = (await stories.GetStoryOfAsync(ids["000"], ct))!;
        var alone = (await stories.GetStoryOfAsync(ids["002"], ct))!;
        var known = await stories.ListRecentAsync(DateTimeOffset.MinValue, ct);
        await stories.SaveAsync(
            [new StoryUpdate(known.Single(s => s.Id == copies), [ids["002"]]), new StoryUpdate(known.Single(s => s.Id == alone), []) { Left = [ids["002"]], Retired = true }],
            clock.GetUtcNow(),
            ct);
        clock.Advance(TimeSpan.FromHours(22));
        await IngestAsync(services, ["003", "004"], ct);
        clock.Advance(TimeSpan.FromHours(2));
        var second = await digest.RunAsync(ct);

        Assert.Equal(DigestRunOutcome.Delivered, second.Outcome);
        seeds = (await Inbox.ListDocumentsAsync(services, ct)).ToDictionary(d => d.Id, d => d.SourceBlobs[0][..3], StringComparer.Ordinal);
        // Each document is filed under exactly one story, and the stories are those one batch of all five gives.
        var filed = new List<(string Story, string Seed)>();
        foreach (var story in await stories.ListRecentAsync(DateTimeOffset.MinValue, ct))
        {
            foreach (var member in await stories.ListMembersAsync(story.Id, ct))
            {
                filed.Add((story.Id, seeds[member]));
                Assert.Equal(story.Id, await stories.GetStoryOfAsync(member, ct));
            }
        }

        Assert.Equal(
            ["000,001", "002", "003,004"],
            filed.GroupBy(f => f.Story, StringComparer.Ordinal).Select(s => string.Join(",", s.Select(f => f.Seed).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal));
        Assert.Contains(filed, f => f.Story == copies && f.Seed == "000");
        // The second digest sends only the documents it received; the refiled one is in no entry.
        Assert.Equal(2, second.Record!.DocumentCount);
        using var json = JsonDocument.Parse((await services.GetRequiredService<DigestArchive>().ReadRenderingAsync(second.LocalDate, DigestFormat.Json, ct))!);
        var titles = json.RootElement.GetProperty("entries").EnumerateArray()
            .SelectMany(e => e.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("title").GetString()))
            .Order(StringComparer.Ordinal);
        Assert.Equal(["South Korea Interested in Joining AUKUS Agreement", "South Korea being considered as potential member of AUKUS second pillar"], titles);
    }

    [Fact]
    public async Task ComposePendingAsync_SeedsIngested_StoresAndSendsNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(Start);
        await using var teams = new WebhookListener();
        var recipient = Recipient();
        await using var services = Services(azurite.NewPrefix(), recipient, mail.SmtpPort, teams, clock);
        await DeliverySettings.IngestSeedsAsync(services, ct);

        var (record, rendered) = await services.GetRequiredService<DigestComposer>().ComposePendingAsync(ct);

        Assert.Equal(3, record.StoryCount);
        Assert.Equal(5, record.DocumentCount);
        Assert.Null(record.DeliveredAt);
        Assert.Contains("AUKUS", rendered.Markdown, StringComparison.Ordinal);
        Assert.Null(await services.GetRequiredService<DigestArchive>().GetAsync(record.LocalDate, ct));
        Assert.Empty(await mail.GetMessagesAsync(recipient, ct));
        Assert.Empty(teams.Requests);
    }

    [Fact]
    public async Task ComposePendingAsync_WindowPastTheRegroupingBound_SameDigestWithItsSummariesReadAgain()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(Start);
        await using var teams = new WebhookListener();
        var recipient = Recipient();
        var prefix = azurite.NewPrefix();
        await using var held = Services(prefix, recipient, mail.SmtpPort, teams, clock);
        // No document may be held whole: each block is read into features and its text let go.
        await using var streamed = azurite.CreateServices(
            s =>
            {
                DeliverySettings.BothChannels(s, prefix, recipient, mail.SmtpPort, teams.Url);
                s["Digest:RegroupMaxDocuments"] = "0";
            },
            clock);
        await DeliverySettings.IngestSeedsAsync(held, ct);

        var (heldRecord, heldDigest) = await held.GetRequiredService<DigestComposer>().ComposePendingAsync(ct);
        var (streamedRecord, streamedDigest) = await streamed.GetRequiredService<DigestComposer>().ComposePendingAsync(ct);

        Assert.Equal(heldRecord, streamedRecord);
        Assert.Equal(heldDigest.Json, streamedDigest.Json);
        Assert.Equal(heldDigest.Markdown, streamedDigest.Markdown);
        using var json = JsonDocument.Parse(streamedDigest.Json);
        var entries = json.RootElement.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(3, entries.Count);
        Assert.All(entries, e => Assert.NotEqual(0, e.GetProperty("summary").GetArrayLength()));
    }

    private static string Recipient() => $"analyst-{Guid.NewGuid():N}@newsdigest.test";

    /// <summary>Uploads and ingests the seeds with these numbers ("000"), then moves the clock a minute on.</summary>
    private static async Task IngestAsync(IServiceProvider services, IReadOnlyList<string> seeds, CancellationToken cancellationToken)
    {
        var ingestion = services.GetRequiredService<IngestionService>();
        foreach (var path in seeds.Select(Inbox.Seed))
        {
            var name = Path.GetFileName(path);
            await Inbox.UploadAsync(services, name, await File.ReadAllBytesAsync(path, cancellationToken), "text/plain", cancellationToken);
            await ingestion.IngestAsync(name, cancellationToken);
        }

        ((FakeTimeProvider)services.GetRequiredService<TimeProvider>()).Advance(TimeSpan.FromMinutes(1));
    }

    private ServiceProvider Services(string prefix, string recipient, int smtpPort, WebhookListener teams, TimeProvider clock) =>
        azurite.CreateServices(s => DeliverySettings.BothChannels(s, prefix, recipient, smtpPort, teams.Url), clock);
}
