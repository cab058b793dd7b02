using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsDigest.Ingestion;
using NewsDigest.IntegrationTests.Infrastructure;
using NewsDigest.Storage;
using NewsDigest.Stories;

namespace NewsDigest.IntegrationTests.Digest;

public sealed class DebugTmpTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Print()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 15, 6, 0, 0, TimeSpan.Zero));
        await using var services = azurite.CreateServices(null, clock);
        var ingestion = services.GetRequiredService<IngestionService>();
        foreach (var name in await Inbox.UploadSeedsAsync(services, ct))
        {
            await ingestion.IngestAsync(name, ct);
        }

        var repo = services.GetRequiredService<DocumentRepository>();
        var docs = new List<StoryDocument>();
        foreach (var s in await Inbox.ListDocumentsAsync(services, ct))
        {
            var d = (await repo.GetAsync(s.Id, ct))!;
            docs.Add(StoryDocument.From(d.Document, s.IngestedAt));
        }

        var lines = docs.Select(d => $"{d.Id} {d.Title} pub={d.Published:o} ing={d.IngestedAt:o} paras={d.Paragraphs.Count} sig={d.Signature.Values.Count} mentioned={string.Join(",", EventDates.Mentioned(d.Paragraphs))}").ToList();
        var d3 = docs.Single(d => d.Title.StartsWith("South Korea being", StringComparison.Ordinal));
        var d4 = docs.Single(d => d.Title.StartsWith("South Korea Interested", StringComparison.Ordinal));
        lines.Add(StoryClusterer.Compare(d4, d3, docs).ToString());
        foreach (var g in StoryClusterer.Group(docs, []).Groups)
        {
            lines.Add("GROUP " + string.Join(" | ", g.Documents.Select(d => d.Title[..20])));
        }

        Assert.Fail(string.Join("\n", lines));
    }
}
