using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsDigest.Digest;
using NewsDigest.IntegrationTests.Infrastructure;
using NewsDigest.Queries;

namespace NewsDigest.IntegrationTests.Queries;

public sealed class SummaryQueriesTests(AzuriteFixture azurite)
{
    private const string Path = "/api/summary/latest";
    private static readonly DateOnly Day = new(2026, 11, 20);
    private static readonly DateTimeOffset Composed = new(2026, 11, 20, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GetLatestAsync_NoDigestYet_Returns404Problem()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = azurite.CreateServices();

        var response = await services.GetRequiredService<SummaryQueries>().GetLatestAsync(new QueryRequest(Path), ct);

        Assert.Equal(404, response.StatusCode);
        Assert.Equal("application/problem+json", response.ContentType);
        using var problem = JsonDocument.Parse(response.Body);
        Assert.Equal("urn:newsdigest:problem:no-digest-yet", problem.RootElement.GetProperty("type").GetString());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(Path, problem.RootElement.GetProperty("instance").GetString());
    }

    [Fact]
    public async Task GetLatestAsync_DeliveredDigest_Returns200JsonWithValidators()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 7, 0, 3, TimeSpan.Zero));
        await using var services = azurite.CreateServices(timeProvider: clock);
        var record = await ArchivedDigests.StoreAsync(services.GetRequiredService<DigestArchive>(), Day, clock.GetUtcNow(), deliver: true, ct);

        var response = await services.GetRequiredService<SummaryQueries>().GetLatestAsync(new QueryRequest(Path), ct);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.ContentType);
        Assert.Equal(ArchivedDigests.Rendering(Day).Json, response.Body);
        Assert.Equal(ConditionalRequests.RepresentationTag(record.ETag, DigestFormat.Json), response.GetHeader("ETag"));
        Assert.Equal("Fri, 20 Nov 2026 07:00:03 GMT", response.GetHeader("Last-Modified"));
        Assert.Equal("private, max-age=60", response.GetHeader("Cache-Control"));
        Assert.Equal("Accept", response.GetHeader("Vary"));
    }

    [Theory]
    [InlineData("text/html", null, "text/html; charset=utf-8")]
    [InlineData("text/markdown, text/plain;q=0.5", null, "text/markdown; charset=utf-8")]
    [InlineData("text/plain", null, "text/plain; charset=utf-8")]
    [InlineData("text/html", "txt", "text/plain; charset=utf-8")]
    [InlineData(null, "md", "text/markdown; charset=utf-8")]
    public async Task GetLatestAsync_NegotiatedFormat_ServesThatStoredRendering(string? accept, string? format, string contentType)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = azurite.CreateServices();
        await ArchivedDigests.StoreAsync(services.GetRequiredService<DigestArchive>(), Day, Composed, deliver: true, ct);

        var response = await services.GetRequiredService<SummaryQueries>().GetLatestAsync(new QueryRequest(Path, format, accept), ct);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(contentType, response.ContentType);
        var rendering = ArchivedDigests.Rendering(Day);
        var expected = contentType.StartsWith("text/html", StringComparison.Ordinal) ? rendering.Html
            : contentType.StartsWith("text/markdown", StringComparison.Ordinal) ? rendering.Markdown
            : rendering.Text;
        Assert.Equal(expected, response.Body);
    }

    [Fact]
    public async Task GetLatestAsync_IfNoneMatchFromPreviousAnswer_Returns304()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = azurite.CreateServices();
        await ArchivedDigests.StoreAsync(services.GetRequiredService<DigestArchive>(), Day, Composed, deliver: true, ct);
        var queries = services.GetRequiredService<SummaryQueries>();
        var first = await queries.GetLatestAsync(new QueryRequest(Path, Accept: "text/html"), ct);
        var etag = first.GetHeader("ETag")!;

        var again = await queries.GetLatestAsync(new QueryRequest(Path, Accept: "text/html", IfNoneMatch: etag), ct);
        var weakInList = await queries.GetLatestAsync(new QueryRequest(Path, Accept: "text/html", IfNoneMatch: "\"x\", W/" + etag), ct);
        var otherFormat = await queries.GetLatestAsync(new QueryRequest(Path, Accept: "application/json", IfNoneMatch: etag), ct);

        Assert.Equal(304, again.StatusCode);
        Assert.Empty(again.Body);
        Assert.Null(again.ContentType);
        Assert.Equal(etag, again.GetHeader("ETag"));
        Assert.Equal(first.GetHeader("Last-Modified"), again.GetHeader("Last-Modified"));
        Assert.Equal(304, weakInList.StatusCode);
        Assert.Equal(200, otherFormat.StatusCode);
    }

    [Fact]
    public async Task GetLatestAsync_IfModifiedSinceDelivery_Returns304()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 7, 0, 3, TimeSpan.Zero));
        await using var services = azurite.CreateServices(timeProvider: clock);
        await ArchivedDigests.StoreAsync(services.GetRequiredService<DigestArchive>(), Day, clock.GetUtcNow(), deliver: true, ct);
        var queries = services.GetRequiredService<SummaryQueries>();

        var same = await queries.GetLatestAsync(new QueryRequest(Path, IfModifiedSince: "Fri, 20 Nov 2026 07:00:03 GMT"), ct);
        var before = await queries.GetLatestAsync(new QueryRequest(Path, IfModifiedSince: "Fri, 20 Nov 2026 07:00:02 GMT"), ct);

        Assert.Equal(304, same.StatusCode);
        Assert.Equal(200, before.StatusCode);
    }

    [Fact]
    public async Task GetLatestAsync_ComposedButNotDelivered_StillNoDigest()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = azurite.CreateServices();
        await ArchivedDigests.StoreAsync(services.GetRequiredService<DigestArchive>(), Day, Composed, deliver: false, ct);

        var response = await services.GetRequiredService<SummaryQueries>().GetLatestAsync(new QueryRequest(Path), ct);

        Assert.Equal(404, response.StatusCode);
    }

    [Fact]
    public async Task GetLatestAsync_NewerDigestDelivered_ServesItWithNewETag()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 7, 0, 0, TimeSpan.Zero));
        await using var services = azurite.CreateServices(timeProvider: clock);
        var archive = services.GetRequiredService<DigestArchive>();
        var queries = services.GetRequiredService<SummaryQueries>();
        await ArchivedDigests.StoreAsync(archive, Day, clock.GetUtcNow(), deliver: true, ct);
        var first = await queries.GetLatestAsync(new QueryRequest(Path), ct);

        clock.Advance(TimeSpan.FromDays(1));
        await ArchivedDigests.StoreAsync(archive, Day.AddDays(1), clock.GetUtcNow(), deliver: true, ct);
        var second = await queries.GetLatestAsync(new QueryRequest(Path, IfNoneMatch: first.GetHeader("ETag")), ct);

        Assert.Equal(200, second.StatusCode);
        Assert.Equal(ArchivedDigests.Rendering(Day.AddDays(1)).Json, second.Body);
        Assert.NotEqual(first.GetHeader("ETag"), second.GetHeader("ETag"));
    }

    [Theory]
    [InlineData("application/pdf", null)]
    [InlineData(null, "pdf")]
    public async Task GetLatestAsync_UnsupportedFormat_Returns406Problem(string? accept, string? format)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = azurite.CreateServices();
        await ArchivedDigests.StoreAsync(services.GetRequiredService<DigestArchive>(), Day, Composed, deliver: true, ct);

        var response = await services.GetRequiredService<SummaryQueries>().GetLatestAsync(new QueryRequest(Path, format, accept), ct);

        Assert.Equal(406, response.StatusCode);
        Assert.Equal("application/problem+json", response.ContentType);
        using var problem = JsonDocument.Parse(response.Body);
        Assert.Contains("text/html", problem.RootElement.GetProperty("supported").EnumerateArray().Select(e => e.GetString()));
    }
}
