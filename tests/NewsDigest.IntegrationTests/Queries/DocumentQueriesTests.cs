using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsDigest.Ingestion;
using NewsDigest.IntegrationTests.Infrastructure;
using NewsDigest.Queries;
using NewsDigest.Storage;

namespace NewsDigest.IntegrationTests.Queries;

public sealed class DocumentQueriesTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task GetAsync_IngestedSeed_ReturnsDocumentWithSourcesAndWarnings()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = azurite.CreateServices();
        var id = await IngestSeedAsync(services, "000_4e24c021230fb829.txt", ct);

        var response = await services.GetRequiredService<DocumentQueries>().GetAsync(id, new QueryRequest("/api/documents/" + id), ct);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.ContentType);
        Assert.NotNull(response.GetHeader("ETag"));
        using var body = JsonDocument.Parse(response.Body);
        var root = body.RootElement;
        Assert.Equal(id, root.GetProperty("id").GetString());
        Assert.Equal("WordPressJson", root.GetProperty("format").GetString());
        Assert.Equal(["000_4e24c021230fb829.txt"], root.GetProperty("sourceBlobs").EnumerateArray().Select(e => e.GetString()));
        Assert.NotEqual(0, root.GetProperty("paragraphs").GetArrayLength());
        // Seed 000 is truncated, invalid JSON: normalization repairs it and says so.
        Assert.NotEqual(0, root.GetProperty("warnings").GetArrayLength());
        Assert.False(root.TryGetProperty("signature", out _));
    }

    [Fact]
    public async Task GetAsync_SameDocumentFromTwoBlobs_ListsBothSources()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = azurite.CreateServices();
        var id = await IngestSeedAsync(services, "002_23837f97759bb32c.txt", ct);
        var copy = await IngestSeedAsync(services, "002_23837f97759bb32c.txt", ct, blobName: "copies/002.txt");

        var response = await services.GetRequiredService<DocumentQueries>().GetAsync(id, new QueryRequest("/api/documents/" + id), ct);

        Assert.Equal(id, copy);
        using var body = JsonDocument.Parse(response.Body);
        Assert.Equal(
            ["002_23837f97759bb32c.txt", "copies/002.txt"],
            body.RootElement.GetProperty("sourceBlobs").EnumerateArray().Select(e => e.GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GetAsync_IfNoneMatchFromPreviousAnswer_Returns304()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = azurite.CreateServices();
        var id = await IngestSeedAsync(services, "004_f5acb85e53be367e.txt", ct);
        var queries = services.GetRequiredService<DocumentQueries>();
        var first = await queries.GetAsync(id, new QueryRequest("/api/documents/" + id), ct);

        var again = await queries.GetAsync(id, new QueryRequest("/api/documents/" + id, IfNoneMatch: first.GetHeader("ETag")), ct);

        Assert.Equal(304, again.StatusCode);
        Assert.Empty(again.Body);
    }

    [Fact]
    public async Task GetAsync_UnknownId_Returns404Problem()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = azurite.CreateServices();

        var response = await services.GetRequiredService<DocumentQueries>().GetAsync("0123456789abcdef", new QueryRequest("/api/documents/0123456789abcdef"), ct);

        Assert.Equal(404, response.StatusCode);
        Assert.Contains("urn:newsdigest:problem:document-not-found", response.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a'b")]
    [InlineData("a#b")]
    [InlineData("x/../y")]
    [InlineData("")]
    public async Task GetAsync_MalformedId_Returns400Problem(string id)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = azurite.CreateServices();

        var response = await services.GetRequiredService<DocumentQueries>().GetAsync(id, new QueryRequest("/api/documents/" + id), ct);

        Assert.Equal(400, response.StatusCode);
        Assert.Contains("urn:newsdigest:problem:invalid-document-id", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_AsksForHtml_Returns406Problem()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = azurite.CreateServices();

        var response = await services.GetRequiredService<DocumentQueries>().GetAsync("abc", new QueryRequest("/api/documents/abc", Accept: "text/html"), ct);

        Assert.Equal(406, response.StatusCode);
    }

    private static async Task<string> IngestSeedAsync(ServiceProvider services, string seed, CancellationToken cancellationToken, string? blobName = null)
    {
        var clients = services.GetRequiredService<StorageClients>();
        var inbox = await clients.GetContainerAsync(clients.Options.InboxContainer, cancellationToken);
        await inbox.GetBlobClient(blobName ?? seed).UploadAsync(
            BinaryData.FromBytes(await File.ReadAllBytesAsync(Path.Combine(NodeTools.RepositoryRoot, "seeds", seed), cancellationToken)),
            overwrite: true,
            cancellationToken);
        var outcome = await services.GetRequiredService<IngestionService>().IngestAsync(blobName ?? seed, cancellationToken);
        Assert.True(
            outcome.Status is IngestionStatus.Ingested or IngestionStatus.Duplicate,
            $"{seed} was not ingested: {outcome.Status} {outcome.Rejection}");
        return Assert.Single(outcome.DocumentIds);
    }
}
