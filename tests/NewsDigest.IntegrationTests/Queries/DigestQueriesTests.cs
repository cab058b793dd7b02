using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsDigest.Digest;
using NewsDigest.IntegrationTests.Infrastructure;
using NewsDigest.Queries;

namespace NewsDigest.IntegrationTests.Queries;

public sealed class DigestQueriesTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GetByDateAsync_StoredDigest_ServesNegotiatedRenderingWithValidators()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = azurite.CreateServices(timeProvider: new FakeTimeProvider(Now));
        var day = new DateOnly(2026, 11, 21);
        var record = await ArchivedDigests.StoreAsync(services.GetRequiredService<DigestArchive>(), day, Now.AddDays(-2), deliver: true, ct);
        var queries = services.GetRequiredService<DigestQueries>();

        var html = await queries.GetByDateAsync("2026-11-21", new QueryRequest("/api/digests/2026-11-21", Accept: "text/html"), ct);
        var revalidated = await queries.GetByDateAsync("2026-11-21", new QueryRequest("/api/digests/2026-11-21", Accept: "text/html", IfNoneMatch: html.GetHeader("ETag")), ct);

        Assert.Equal(200, html.StatusCode);
        Assert.Equal(ArchivedDigests.Rendering(day).Html, html.Body);
        Assert.Equal(ConditionalRequests.RepresentationTag(record.ETag, DigestFormat.Html), html.GetHeader("ETag"));
        Assert.Equal("private, max-age=3600", html.GetHeader("Cache-Control"));
        Assert.Equal(304, revalidated.StatusCode);
    }

    [Fact]
    public async Task GetByDateAsync_ComposedNotYetDelivered_IsServed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = azurite.CreateServices(timeProvider: new FakeTimeProvider(Now));
        var day = new DateOnly(2026, 11, 23);
        await ArchivedDigests.StoreAsync(services.GetRequiredService<DigestArchive>(), day, Now, deliver: false, ct);

        var response = await services.GetRequiredService<DigestQueries>().GetByDateAsync("2026-11-23", new QueryRequest("/api/digests/2026-11-23", Format: "text"), ct);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(ArchivedDigests.Rendering(day).Text, response.Body);
    }

    [Fact]
    public async Task GetByDateAsync_NoDigestThatDay_Returns404Problem()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = azurite.CreateServices();

        var response = await services.GetRequiredService<DigestQueries>().GetByDateAsync("2026-01-02", new QueryRequest("/api/digests/2026-01-02"), ct);

        Assert.Equal(404, response.StatusCode);
        Assert.Contains("urn:newsdigest:problem:digest-not-found", response.Body, StringComparison.Ordinal);
        Assert.Contains("2026-01-02", response.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("yesterday")]
    [InlineData("2026-11-23'%20or%20'1")]
    [InlineData("")]
    public async Task GetByDateAsync_BadDate_Returns400Problem(string date)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = azurite.CreateServices();

        var response = await services.GetRequiredService<DigestQueries>().GetByDateAsync(date, new QueryRequest("/api/digests/" + date), ct);

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Contains("urn:newsdigest:problem:invalid-date", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_Range_ListsComposedDigestsInRangeNewestFirst()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = azurite.CreateServices(timeProvider: new FakeTimeProvider(Now));
        var archive = services.GetRequiredService<DigestArchive>();
        foreach (var day in new[] { 18, 19, 21, 22 })
        {
            await ArchivedDigests.StoreAsync(archive, new DateOnly(2026, 11, day), Now.AddDays(day - 23), deliver: day != 22, ct);
        }

        var response = await services.GetRequiredService<DigestQueries>().ListAsync("2026-11-19", "2026-11-22", new QueryRequest("/api/digests"), ct);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.ContentType);
        using var body = JsonDocument.Parse(response.Body);
        Assert.Equal("2026-11-19", body.RootElement.GetProperty("from").GetString());
        Assert.Equal("2026-11-22", body.RootElement.GetProperty("to").GetString());
        var digests = body.RootElement.GetProperty("digests").EnumerateArray().ToList();
        Assert.Equal(["2026-11-22", "2026-11-21", "2026-11-19"], digests.Select(d => d.GetProperty("date").GetString()));
        Assert.Equal(JsonValueKind.Null, digests[0].GetProperty("deliveredAt").ValueKind);
        Assert.Equal(JsonValueKind.String, digests[1].GetProperty("deliveredAt").ValueKind);
        Assert.Equal("/api/digests/2026-11-21", digests[1].GetProperty("href").GetString());
        Assert.Equal(4, digests[1].GetProperty("documentCount").GetInt32());
        Assert.Equal(3, body.RootElement.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task ListAsync_NoRange_LastThirtyDaysEndingTodayInDigestTimeZone()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = azurite.CreateServices(s => s["Digest:TimeZone"] = "Asia/Seoul", new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 16, 0, 0, TimeSpan.Zero)));
        var archive = services.GetRequiredService<DigestArchive>();
        await ArchivedDigests.StoreAsync(archive, new DateOnly(2026, 11, 24), Now, deliver: true, ct);
        await ArchivedDigests.StoreAsync(archive, new DateOnly(2026, 10, 25), Now.AddDays(-30), deliver: true, ct);
        await ArchivedDigests.StoreAsync(archive, new DateOnly(2026, 10, 26), Now.AddDays(-29), deliver: true, ct);

        var response = await services.GetRequiredService<DigestQueries>().ListAsync(null, null, new QueryRequest("/api/digests"), ct);

        using var body = JsonDocument.Parse(response.Body);
        Assert.Equal("2026-10-26", body.RootElement.GetProperty("from").GetString());
        Assert.Equal("2026-11-24", body.RootElement.GetProperty("to").GetString());
        Assert.Equal(["2026-11-24", "2026-10-26"], body.RootElement.GetProperty("digests").EnumerateArray().Select(d => d.GetProperty("date").GetString()));
    }

    [Fact]
    public async Task ListAsync_NothingStoredYet_EmptyList()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = azurite.CreateServices();

        var response = await services.GetRequiredService<DigestQueries>().ListAsync(null, null, new QueryRequest("/api/digests"), ct);

        Assert.Equal(200, response.StatusCode);
        using var body = JsonDocument.Parse(response.Body);
        Assert.Equal(0, body.RootElement.GetProperty("count").GetInt32());
        Assert.Empty(body.RootElement.GetProperty("digests").EnumerateArray());
    }

    [Theory]
    [InlineData("2026-11-10", "2026-11-01", null, 400)]
    [InlineData("2020-01-01", "2026-01-01", null, 400)]
    [InlineData("01/11/2026", null, null, 400)]
    [InlineData(null, null, "html", 406)]
    public async Task ListAsync_BadInput_ReturnsProblem(string? from, string? to, string? format, int status)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = azurite.CreateServices();

        var response = await services.GetRequiredService<DigestQueries>().ListAsync(from, to, new QueryRequest("/api/digests", format), ct);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.ContentType);
    }
}
