using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsDigest.Ingestion;
using NewsDigest.IntegrationTests.Infrastructure;
using NewsDigest.Normalization;
using NewsDigest.Storage;
using NewsDigest.Stories;

namespace NewsDigest.IntegrationTests.Ingestion;

public sealed class IngestionServiceTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task IngestAsync_NewBlob_StoresTheNormalizedDocumentAndARecord()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = azurite.CreateServices();
        var bytes = await File.ReadAllBytesAsync(Inbox.Seed("002"), ct);
        await Inbox.UploadAsync(services, "korea-times.txt", bytes, "text/plain", ct);
        var expected = services.GetRequiredService<DocumentNormalizer>()
            .Normalize(new NormalizationInput(bytes, "korea-times.txt", "text/plain")).Documents.Single();

        var outcome = await services.GetRequiredService<IngestionService>().IngestAsync("korea-times.txt", ct);
        var stored = await services.GetRequiredService<DocumentRepository>().GetAsync(outcome.DocumentIds.Single(), ct);

        Assert.Equal(IngestionStatus.Ingested, outcome.Status);
        Assert.NotNull(stored);
        Assert.Equal(expected.ContentHash, stored.Document.ContentHash);
        Assert.Equal(expected.Paragraphs, stored.Document.Paragraphs);
        // The features grouping reads from the text are worked out here once and stored with the document.
        Assert.True(stored.Document.TextFeatures?.IsCurrent());
        Assert.Equal(TextFeatures.Of(expected).Terms, stored.Document.TextFeatures!.Terms);
        Assert.Equal(expected.Title, stored.Summary.Title);
        Assert.Equal(["korea-times.txt"], stored.Summary.SourceBlobs);
        var record = Assert.Single(await Inbox.ListRecordsAsync(services, ct));
        Assert.Equal(IngestionStatus.Ingested, record.Status);
        Assert.Equal(outcome.DocumentIds, record.DocumentIds);
    }

    [Fact]
    public async Task IngestAsync_NewDocument_TakesAtMostFiveStorageRequests()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = azurite.CreateServices();
        var requests = new StorageRequestCounter();
        var storage = new StorageClients(services.GetRequiredService<IOptions<StorageOptions>>(), requests);
        var ingestion = ActivatorUtilities.CreateInstance<IngestionService>(
            services,
            storage,
            ActivatorUtilities.CreateInstance<DocumentRepository>(services, storage),
            ActivatorUtilities.CreateInstance<IngestionLedger>(services, storage));
        await Inbox.UploadAsync(services, "warm-up.txt", "A first text, so that the tables and containers exist before counting.", ct);
        await ingestion.IngestAsync("warm-up.txt", ct);
        await Inbox.UploadAsync(services, "counted.txt", "A second text about something else entirely, which is new content.", ct);

        var before = requests.Requests;
        var outcome = await ingestion.IngestAsync("counted.txt", ct);

        Assert.Equal(IngestionStatus.Ingested, outcome.Status);
        Assert.InRange(requests.Requests - before, 1, 5);
    }

    [Fact]
    public async Task IngestAsync_SameBlobRedelivered_IsANoOp()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = azurite.CreateServices();
        await Inbox.UploadAsync(services, "a.txt", await File.ReadAllBytesAsync(Inbox.Seed("002"), ct), "text/plain", ct);
        var ingestion = services.GetRequiredService<IngestionService>();

        var first = await ingestion.IngestAsync("a.txt", ct);
        var second = await ingestion.IngestAsync("a.txt", ct);

        Assert.Equal(IngestionStatus.Ingested, first.Status);
        Assert.Equal(IngestionStatus.AlreadyProcessed, second.Status);
        Assert.Equal(first.DocumentIds, second.DocumentIds);
        Assert.Single(await Inbox.ListDocumentsAsync(services, ct));
        Assert.Single(await Inbox.ListRecordsAsync(services, ct));
    }

    [Fact]
    public async Task IngestAsync_SameBlobConcurrentlyOnTwoInstances_StoresOneDocument()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var first = azurite.CreateServices();
        await using var second = azurite.CreateServices(s => s["Storage:NamePrefix"] = first.GetRequiredService<StorageClients>().Options.NamePrefix);
        await Inbox.UploadAsync(first, "same.txt", await File.ReadAllBytesAsync(Inbox.Seed("004"), ct), "text/plain", ct);

        var outcomes = await Task.WhenAll(new[] { first, second, first, second }.Select(services =>
            Task.Run(() => services.GetRequiredService<IngestionService>().IngestAsync("same.txt", ct), ct)));

        Assert.Single(outcomes, o => o.Status == IngestionStatus.Ingested);
        Assert.All(outcomes, o => Assert.Contains(o.Status, new[] { IngestionStatus.Ingested, IngestionStatus.AlreadyProcessed }));
        Assert.Single(outcomes.SelectMany(o => o.DocumentIds).Distinct());
        var document = Assert.Single(await Inbox.ListDocumentsAsync(first, ct));
        Assert.Equal(["same.txt"], document.SourceBlobs);
        Assert.Single(await Inbox.ListRecordsAsync(first, ct));
    }

    [Fact]
    public async Task IngestAsync_SameContentUnderTwoNamesAtOnce_OneDocumentListingBothBlobs()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var first = azurite.CreateServices();
        await using var second = azurite.CreateServices(s => s["Storage:NamePrefix"] = first.GetRequiredService<StorageClients>().Options.NamePrefix);
        var bytes = await File.ReadAllBytesAsync(Inbox.Seed("002"), ct);
        await Inbox.UploadAsync(first, "original.txt", bytes, "text/plain", ct);
        await Inbox.UploadAsync(first, "copies/renamed copy.txt", bytes, "text/plain", ct);

        var outcomes = await Task.WhenAll(
            Task.Run(() => first.GetRequiredService<IngestionService>().IngestAsync("original.txt", ct), ct),
            Task.Run(() => second.GetRequiredService<IngestionService>().IngestAsync("copies/renamed copy.txt", ct), ct));

        Assert.Equal([IngestionStatus.Ingested, IngestionStatus.Duplicate], outcomes.Select(o => o.Status).Order());
        var document = Assert.Single(await Inbox.ListDocumentsAsync(first, ct));
        Assert.Equal(["copies/renamed copy.txt", "original.txt"], document.SourceBlobs.Order(StringComparer.Ordinal));
        Assert.Equal(2, document.SourceBlobCount);
        Assert.Equal(2, (await Inbox.ListRecordsAsync(first, ct)).Count);
    }

    [Fact]
    public async Task IngestAsync_ChangedBlobUnderSameName_StoresNewVersionLinkedToTheOld()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = azurite.CreateServices();
        var ingestion = services.GetRequiredService<IngestionService>();
        var text = await File.ReadAllTextAsync(Inbox.Seed("002"), ct);
        await Inbox.UploadAsync(services, "story.txt", text, ct);
        var before = await ingestion.IngestAsync("story.txt", ct);

        await Inbox.UploadAsync(services, "story.txt", text + "\n\nCorrection: an earlier version of this article misstated the date of the meeting.\n", ct);
        var after = await ingestion.IngestAsync("story.txt", ct);

        Assert.Equal(IngestionStatus.Ingested, after.Status);
        Assert.NotEqual(before.DocumentIds.Single(), after.DocumentIds.Single());
        var repository = services.GetRequiredService<DocumentRepository>();
        var newVersion = await repository.GetSummaryAsync(after.DocumentIds.Single(), ct);
        Assert.NotNull(newVersion);
        Assert.Equal(before.DocumentIds, newVersion.PreviousVersions);
        Assert.NotNull(await repository.GetSummaryAsync(before.DocumentIds.Single(), ct));
        var records = await Inbox.ListRecordsAsync(services, ct);
        Assert.Equal(2, records.Count);
        Assert.Contains(records, r => r.PreviousVersionKey is not null && r.DocumentIds.SequenceEqual(after.DocumentIds));
    }

    public static TheoryData<string, byte[], RejectionReason> RejectedFiles => new()
    {
        { "empty.txt", [], RejectionReason.Empty },
        { "image.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0], RejectionReason.Binary },
        { "garbled.txt", [.. Enumerable.Range(0, 200).SelectMany(i => new byte[] { (byte)'w', (byte)'o', 0xFF, 0x81, 0x8D, 0xFE, (byte)' ' })], RejectionReason.Undecodable },
        { "huge.txt", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("A sentence that makes the file too long. ", 200))), RejectionReason.TooLarge },
        { "scripts.html", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><head><script>var a = 1;</script></head><body><script>document.write('x');</script><noscript></noscript></body></html>"), RejectionReason.NoContent },
        { "data.json", Encoding.UTF8.GetBytes("{\"name\": \"inventory\", \"items\": [1, 2, 3], \"total\": 6}"), RejectionReason.Unsupported },
    };

    [Theory]
    [MemberData(nameof(RejectedFiles))]
    public async Task IngestAsync_FileThatCannotBeNormalized_RecordsRejectionMarksBlobAndIsNotRetried(string name, byte[] content, RejectionReason reason)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = azurite.CreateServices(s => s["Normalization:MaxDocumentBytes"] = "4000");
        await Inbox.UploadAsync(services, name, content, null, ct);

        var outcome = await services.GetRequiredService<IngestionService>().IngestAsync(name, ct);
        var report = await services.GetRequiredService<InboxReconciler>().ReconcileAsync(ct);
        var again = await services.GetRequiredService<IngestionService>().IngestAsync(name, ct);

        Assert.Equal(IngestionStatus.Rejected, outcome.Status);
        Assert.Equal(reason, outcome.Rejection?.Reason);
        var rejection = Assert.Single(await services.GetRequiredService<IngestionLedger>().ListRejectionsAsync(ct));
        Assert.Equal(name, rejection.BlobName);
        Assert.Equal(reason, rejection.Reason);
        Assert.Equal(content.Length, rejection.Size);
        Assert.False(string.IsNullOrWhiteSpace(rejection.Message));
        Assert.False(string.IsNullOrWhiteSpace(rejection.DetectedFormat));
        Assert.Empty(await Inbox.ListDocumentsAsync(services, ct));
        var storage = services.GetRequiredService<StorageClients>();
        var properties = await storage.Inbox.GetBlobClient(name).GetPropertiesAsync(cancellationToken: ct);
        Assert.Equal(reason.ToString(), properties.Value.Metadata[IngestionService.RejectionMetadata]);
        Assert.Equal((1, 0, 0), (report.Skipped, report.Rejected, report.Ingested));
        Assert.Equal(IngestionStatus.AlreadyProcessed, again.Status);
        Assert.Single(await services.GetRequiredService<IngestionLedger>().ListRejectionsAsync(ct));
    }

    public static TheoryData<string> AwkwardBlobNames => new()
    {
        "folder/sub folder/story.txt",
        @"back\slash\story.txt",
        "hash#and?question.txt",
        "기사 (한국어) — 뉴스.txt",
        string.Concat(Enumerable.Repeat("long-name-", 100)) + ".txt",
        "it's 'quoted' & 100% sure.txt",
    };

    [Theory]
    [MemberData(nameof(AwkwardBlobNames))]
    public async Task IngestAsync_AwkwardBlobName_IngestsOnceAndReconciliationAgrees(string name)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = azurite.CreateServices();
        var text = await File.ReadAllTextAsync(Inbox.Seed("002"), ct);
        await Inbox.UploadAsync(services, name, text, ct);
        var ingestion = services.GetRequiredService<IngestionService>();

        var outcome = await ingestion.IngestAsync(name, ct);
        var again = await ingestion.IngestAsync(name, ct);
        var report = await services.GetRequiredService<InboxReconciler>().ReconcileAsync(ct);

        // A backslash reaches storage as '/' (System.Uri normalizes it), and that is the name listings give.
        var stored = name.Replace('\\', '/');
        Assert.Equal(IngestionStatus.Ingested, outcome.Status);
        Assert.Equal(IngestionStatus.AlreadyProcessed, again.Status);
        Assert.Equal((1, 1, 0), (report.Scanned, report.Skipped, report.Ingested));
        var document = Assert.Single(await Inbox.ListDocumentsAsync(services, ct));
        Assert.Equal([stored], document.SourceBlobs);
        Assert.Equal(stored, Assert.Single(await Inbox.ListRecordsAsync(services, ct)).BlobName);
    }

    /// <summary>Azurite cannot list a blob whose name holds control characters, so this one is ingested by name only (as the blob trigger does).</summary>
    [Fact]
    public async Task IngestAsync_BlobNameWithControlCharacters_IngestsOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = azurite.CreateServices();
        const string name = "tab\tnew\u0001line\u001f.txt";
        await Inbox.UploadAsync(services, name, await File.ReadAllTextAsync(Inbox.Seed("004"), ct), ct);
        var ingestion = services.GetRequiredService<IngestionService>();

        var outcome = await ingestion.IngestAsync(name, ct);
        var again = await ingestion.IngestAsync(name, ct);

        Assert.Equal(IngestionStatus.Ingested, outcome.Status);
        Assert.Equal(IngestionStatus.AlreadyProcessed, again.Status);
        Assert.Equal([name], Assert.Single(await Inbox.ListDocumentsAsync(services, ct)).SourceBlobs);
        Assert.Equal(name, Assert.Single(await Inbox.ListRecordsAsync(services, ct)).BlobName);
    }

    [Fact]
    public async Task IngestAsync_TenMegabyteDocument_StoresAndReadsBackIntact()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = azurite.CreateServices();
        var text = new StringBuilder("A very long report\n\n");
        var paragraphs = new List<string>();
        for (var i = 0; text.Length < 10 * 1024 * 1024; i++)
        {
            var paragraph = $"Paragraph {i}: the committee heard evidence from witness number {i * 7919 % 100_003} about the budget, the schedule and the findings of the review.";
            paragraphs.Add(paragraph);
            text.Append(paragraph).Append("\n\n");
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        await Inbox.UploadAsync(services, "report.txt", bytes, "text/plain", ct);

        var outcome = await services.GetRequiredService<IngestionService>().IngestAsync("report.txt", ct);
        var stored = await services.GetRequiredService<DocumentRepository>().GetAsync(outcome.DocumentIds.Single(), ct);

        Assert.Equal(IngestionStatus.Ingested, outcome.Status);
        Assert.True(bytes.Length >= 10 * 1024 * 1024);
        Assert.NotNull(stored);
        Assert.Equal(paragraphs, stored.Document.Paragraphs);
        var body = Encoding.UTF8.GetBytes(string.Join('\n', stored.Document.Paragraphs));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body)), stored.Document.ContentHash);
        Assert.Equal(stored.Summary.ContentHash, stored.Document.ContentHash);
        Assert.True(stored.Summary.Lead.Length <= DocumentRepository.LeadMaxChars);
    }

    [Fact]
    public async Task IngestAsync_BlobThatDoesNotExist_ReturnsNotFound()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = azurite.CreateServices();
        await Inbox.UploadAsync(services, "other.txt", "x", ct);

        var outcome = await services.GetRequiredService<IngestionService>().IngestAsync("deleted.txt", ct);

        Assert.Equal(IngestionStatus.NotFound, outcome.Status);
        Assert.Empty(await Inbox.ListRecordsAsync(services, ct));
    }
}
