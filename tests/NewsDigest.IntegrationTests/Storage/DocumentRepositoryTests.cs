using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsDigest.IntegrationTests.Infrastructure;
using NewsDigest.Normalization;
using NewsDigest.Storage;
using NewsDigest.Stories;

namespace NewsDigest.IntegrationTests.Storage;

public sealed class DocumentRepositoryTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2024, 11, 20, 22, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task ListIngestedAsync_Window_ReturnsDocumentsIngestedInsideItOldestFirst()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(Start);
        await using var services = azurite.CreateServices(timeProvider: clock);
        var repository = services.GetRequiredService<DocumentRepository>();
        var ids = new List<string>();
        foreach (var step in new[] { TimeSpan.Zero, TimeSpan.FromMinutes(50), TimeSpan.FromHours(2), TimeSpan.FromDays(1) })
        {
            clock.SetUtcNow(Start + step);
            var document = Document("body " + step);
            var (claim, _) = await repository.ClaimContentAsync(document, ct);
            await repository.StoreAsync(claim, document, "blob" + ids.Count, [], ct);
            ids.Add(claim.DocumentId);
        }

        var all = await ListAsync(repository, Start, Start.AddDays(2), ct);
        var middle = await ListAsync(repository, Start.AddMinutes(50), Start.AddHours(2), ct);
        var lastDay = await ListAsync(repository, Start.AddHours(3), Start.AddDays(1).AddTicks(1), ct);

        Assert.Equal(ids, all.Select(d => d.Id));
        Assert.Equal([ids[1]], middle.Select(d => d.Id));
        Assert.Equal([ids[3]], lastDay.Select(d => d.Id));
        Assert.Equal(Start.AddMinutes(50), middle[0].IngestedAt);
        Assert.Empty(await ListAsync(repository, Start.AddDays(3), Start.AddDays(4), ct));
    }

    [Fact]
    public async Task GetAsync_BodyOver64KiB_ReadsBackIntact()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = azurite.CreateServices();
        var repository = services.GetRequiredService<DocumentRepository>();
        var paragraphs = Enumerable.Range(0, 400).Select(i => $"Paragraph {i}: " + string.Concat(Enumerable.Repeat("뉴스 text ", 40))).ToList();
        var document = Document(string.Join('\n', paragraphs)) with
        {
            Paragraphs = paragraphs,
            Title = new string('T', 5_000),
            Authors = ["A. Writer"],
            Tags = ["politics", "korea"],
            Published = Start,
        };
        Assert.True(Encoding.Unicode.GetByteCount(string.Join('\n', paragraphs)) > 64 * 1024);

        var (claim, _) = await repository.ClaimContentAsync(document, ct);
        await repository.StoreAsync(claim, document, "big.txt", [], ct);
        var stored = await repository.GetAsync(document.Id, ct);

        Assert.NotNull(stored);
        Assert.Equal(paragraphs, stored.Document.Paragraphs);
        Assert.Equal(document.Title, stored.Document.Title);
        Assert.Equal(document.Signature, stored.Document.Signature);
        Assert.Equal(document.Published, stored.Document.Published);
        Assert.Equal(document.Authors, stored.Document.Authors);
        Assert.Equal(DocumentRepository.TitleMaxChars, stored.Summary.Title.Length);
        Assert.True(stored.Summary.Lead.Length <= DocumentRepository.LeadMaxChars);
        Assert.Equal(["big.txt"], stored.Summary.SourceBlobs);
    }

    [Fact]
    public async Task GetAsync_WithoutTextForDocumentsStoredWithAndWithoutFeatures_TextLeftUnreadOnlyWhereFeaturesStandForIt()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = azurite.CreateServices();
        var repository = services.GetRequiredService<DocumentRepository>();
        // One stored with current features, one without any (stored before they were), one with another version's.
        var current = Document("The port reopened on Monday after the storm.");
        current = current with { TextFeatures = TextFeatures.Of(current) };
        var none = Document("The council approved the budget on Tuesday.");
        var other = Document("The court heard the appeal on Wednesday.");
        other = other with { TextFeatures = TextFeatures.Of(other) with { Version = TextFeatures.CurrentVersion + 1 } };
        foreach (var document in new[] { current, none, other })
        {
            var (claim, _) = await repository.ClaimContentAsync(document, ct);
            await repository.StoreAsync(claim, document, document.Id + ".txt", [], ct);
        }

        var withFeatures = await repository.GetAsync(current.Id, withText: false, ct);
        var withoutFeatures = await repository.GetAsync(none.Id, withText: false, ct);
        var withOtherFeatures = await repository.GetAsync(other.Id, withText: false, ct);

        Assert.Empty(withFeatures!.Document.Paragraphs);
        Assert.Equal(current.TextFeatures.Terms, withFeatures.Document.TextFeatures!.Terms);
        Assert.Equal(current.Paragraphs, (await repository.GetAsync(current.Id, ct))!.Document.Paragraphs);
        Assert.Equal(none.Paragraphs, withoutFeatures!.Document.Paragraphs);
        Assert.Equal(other.Paragraphs, withOtherFeatures!.Document.Paragraphs);
    }

    [Fact]
    public async Task GetAsync_UnknownId_ReturnsNull()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = azurite.CreateServices();

        Assert.Null(await services.GetRequiredService<DocumentRepository>().GetAsync("no-such-document", ct));
    }

    [Fact]
    public async Task AddSourceAsync_ManyConcurrentSources_ListsEveryOneOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = azurite.CreateServices();
        var repository = services.GetRequiredService<DocumentRepository>();
        var document = Document("shared body");
        var (claim, _) = await repository.ClaimContentAsync(document, ct);
        await repository.StoreAsync(claim, document, "first", [], ct);
        var names = Enumerable.Range(0, 20).Select(i => $"copy/{i}#?.txt").ToList();

        var results = await Task.WhenAll(names.Concat(names).Select(name => Task.Run(() => repository.AddSourceAsync(claim, name, ct), ct)));
        var summary = await repository.GetSummaryAsync(document.Id, ct);

        Assert.Equal(names.Count, results.Count(r => r == SourceAddResult.Added));
        Assert.Equal(names.Count, results.Count(r => r == SourceAddResult.AlreadyListed));
        Assert.NotNull(summary);
        Assert.Equal(new HashSet<string>(["first", .. names]), summary.SourceBlobs.ToHashSet());
        Assert.Equal(names.Count + 1, summary.SourceBlobCount);
    }

    [Fact]
    public async Task ClaimContentAsync_SameContentFromTwoInstancesAtOnce_ExactlyOneWins()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var first = azurite.CreateServices();
        var prefix = first.GetRequiredService<StorageClients>().Options.NamePrefix;
        await using var second = azurite.CreateServices(s => s["Storage:NamePrefix"] = prefix);
        var document = Document("contended body");

        var claims = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(
            () => (i % 2 == 0 ? first : second).GetRequiredService<DocumentRepository>().ClaimContentAsync(document, ct), ct)));

        Assert.Single(claims, c => c.Created);
        Assert.Single(claims.Select(c => c.Claim).Distinct());
    }

    [Fact]
    public async Task ClaimContentAsync_IdTakenByOtherContent_ClaimsADistinctIdAndKeepsBothDocuments()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = azurite.CreateServices();
        var repository = services.GetRequiredService<DocumentRepository>();
        var first = Document("first body");
        var second = Document("second body") with { Id = first.Id };

        var (firstClaim, _) = await repository.ClaimContentAsync(first, ct);
        await repository.StoreAsync(firstClaim, first, "first.txt", [], ct);
        var (secondClaim, created) = await repository.ClaimContentAsync(second, ct);
        await repository.StoreAsync(secondClaim, second, "second.txt", [], ct);
        var again = await repository.ClaimContentAsync(second, ct);

        Assert.True(created);
        Assert.NotEqual(first.Id, secondClaim.DocumentId);
        Assert.StartsWith(first.Id + "-", secondClaim.DocumentId, StringComparison.Ordinal);
        Assert.Equal((secondClaim, false), again);
        Assert.Equal(second.ContentHash, (await repository.GetAsync(secondClaim.DocumentId, ct))?.Document.ContentHash);
        Assert.Equal(first.ContentHash, (await repository.GetAsync(first.Id, ct))?.Document.ContentHash);
    }

    [Fact]
    public async Task GetSummaryAsync_ClaimedButRowNotWrittenYet_ReturnsNull()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = azurite.CreateServices();
        var repository = services.GetRequiredService<DocumentRepository>();
        var document = Document("claimed only");

        var (claim, created) = await repository.ClaimContentAsync(document, ct);

        Assert.True(created);
        Assert.Null(await repository.GetSummaryAsync(claim.DocumentId, ct));
        Assert.Null(await repository.GetAsync(claim.DocumentId, ct));
    }

    internal static NormalizedDocument Document(string body)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        return new NormalizedDocument
        {
            Id = hash[..32],
            Format = DocumentFormat.PlainText,
            Title = "Title of " + body[..Math.Min(20, body.Length)],
            Source = new DocumentSource("Example News", "example.com"),
            Paragraphs = body.Split('\n'),
            WordCount = body.Split(' ').Length,
            ContentHash = hash,
            Signature = new NearDuplicateSignature([.. Enumerable.Range(0, NearDuplicateSignature.Length).Select(i => (uint)(i * 31 + body.Length))]),
        };
    }

    private static async Task<List<DocumentSummary>> ListAsync(DocumentRepository repository, DateTimeOffset since, DateTimeOffset until, CancellationToken ct)
    {
        var list = new List<DocumentSummary>();
        await foreach (var document in repository.ListIngestedAsync(since, until, ct))
        {
            list.Add(document);
        }

        return list;
    }
}
