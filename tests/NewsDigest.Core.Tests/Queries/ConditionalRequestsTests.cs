using NewsDigest.Digest;
using NewsDigest.Queries;

namespace NewsDigest.Tests.Queries;

public sealed class ConditionalRequestsTests
{
    private const string Tag = "\"abc123-html\"";
    private static readonly DateTimeOffset Modified = new(2026, 11, 20, 7, 30, 15, 500, TimeSpan.Zero);

    [Theory]
    [InlineData("\"abc123-html\"")]
    [InlineData("W/\"abc123-html\"")]
    [InlineData("\"other\", \"abc123-html\"")]
    [InlineData("\"other\",W/\"abc123-html\" ,\"third\"")]
    [InlineData("*")]
    [InlineData(" * ")]
    [InlineData("abc123-html")]
    public void IsNotModified_IfNoneMatchMatches_ReturnsTrue(string ifNoneMatch)
    {
        var request = new QueryRequest("/api/summary/latest", IfNoneMatch: ifNoneMatch);

        Assert.True(ConditionalRequests.IsNotModified(request, Tag, Modified));
    }

    [Theory]
    [InlineData("\"abc123-json\"")]
    [InlineData("\"ABC123-HTML\"")]
    [InlineData("\"abc123\"")]
    [InlineData("\"other\", \"more\"")]
    public void IsNotModified_IfNoneMatchDiffers_ReturnsFalse(string ifNoneMatch)
    {
        var request = new QueryRequest("/api/summary/latest", IfNoneMatch: ifNoneMatch);

        Assert.False(ConditionalRequests.IsNotModified(request, Tag, Modified));
    }

    [Fact]
    public void IsNotModified_IfNoneMatchDiffersButNotModifiedSince_IfNoneMatchDecides()
    {
        var request = new QueryRequest(
            "/api/summary/latest", IfNoneMatch: "\"stale\"", IfModifiedSince: ConditionalRequests.FormatHttpDate(Modified.AddDays(1)));

        Assert.False(ConditionalRequests.IsNotModified(request, Tag, Modified));
    }

    [Theory]
    [InlineData("Fri, 20 Nov 2026 07:30:15 GMT", true)]
    [InlineData("Fri, 20 Nov 2026 08:00:00 GMT", true)]
    [InlineData("Fri, 20 Nov 2026 07:30:14 GMT", false)]
    [InlineData("Friday, 20-Nov-26 07:30:15 GMT", true)]
    [InlineData("Fri Nov 20 07:30:15 2026", true)]
    [InlineData("yesterday", false)]
    [InlineData("", false)]
    public void IsNotModified_IfModifiedSince_ComparesWholeSeconds(string ifModifiedSince, bool expected)
    {
        var request = new QueryRequest("/api/summary/latest", IfModifiedSince: ifModifiedSince);

        Assert.Equal(expected, ConditionalRequests.IsNotModified(request, Tag, Modified));
    }

    [Fact]
    public void IsNotModified_NoValidators_ReturnsFalse() =>
        Assert.False(ConditionalRequests.IsNotModified(new QueryRequest("/x"), Tag, Modified));

    [Fact]
    public void IsNotModified_IfModifiedSinceWithoutLastModified_ReturnsFalse()
    {
        var request = new QueryRequest("/x", IfModifiedSince: "Fri, 20 Nov 2026 08:00:00 GMT");

        Assert.False(ConditionalRequests.IsNotModified(request, Tag, lastModified: null));
    }

    [Fact]
    public void RepresentationTag_DifferentFormats_DifferentStrongTags()
    {
        var json = ConditionalRequests.RepresentationTag("\"d41d8c\"", DigestFormat.Json);
        var html = ConditionalRequests.RepresentationTag("\"d41d8c\"", DigestFormat.Html);

        Assert.Equal("\"d41d8c-json\"", json);
        Assert.Equal("\"d41d8c-html\"", html);
    }

    [Fact]
    public void RepresentationTag_WeakStoredTag_StaysWeak() =>
        Assert.Equal("W/\"v1-text\"", ConditionalRequests.RepresentationTag("W/\"v1\"", DigestFormat.Text));

    [Fact]
    public void ContentTag_SameBody_SameTagAndDifferentBody_DifferentTag()
    {
        var first = ConditionalRequests.ContentTag("{\"a\":1}");

        Assert.Equal(first, ConditionalRequests.ContentTag("{\"a\":1}"));
        Assert.NotEqual(first, ConditionalRequests.ContentTag("{\"a\":2}"));
        Assert.Matches("^\"[0-9a-f]{32}\"$", first);
    }

    [Fact]
    public void FormatHttpDate_OffsetTime_WritesImfFixdateInGmt() =>
        Assert.Equal(
            "Fri, 20 Nov 2026 07:30:15 GMT",
            ConditionalRequests.FormatHttpDate(new DateTimeOffset(2026, 11, 20, 16, 30, 15, TimeSpan.FromHours(9))));

    [Fact]
    public void Serve_MatchingTag_Returns304WithValidatorsAndNoBody()
    {
        var request = new QueryRequest("/api/digests", IfNoneMatch: Tag);
        var bodyBuilt = false;

        var response = Representations.Serve(request, "application/json", () => { bodyBuilt = true; return "{}"; }, Tag, Modified, "private, max-age=60");

        Assert.Equal(304, response.StatusCode);
        Assert.Null(response.ContentType);
        Assert.Empty(response.Body);
        Assert.False(bodyBuilt);
        Assert.Equal(Tag, response.GetHeader("etag"));
        Assert.Equal("private, max-age=60", response.GetHeader("Cache-Control"));
        Assert.Equal("Fri, 20 Nov 2026 07:30:15 GMT", response.GetHeader("Last-Modified"));
    }

    [Fact]
    public void Serve_NoValidators_Returns200WithBodyAndHeaders()
    {
        var response = Representations.Serve(new QueryRequest("/api/digests"), "application/json", () => "{}", Tag, null, "no-cache");

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("{}", response.Body);
        Assert.Equal(Tag, response.GetHeader("ETag"));
        Assert.Equal("Accept", response.GetHeader("Vary"));
        Assert.Null(response.GetHeader("Last-Modified"));
    }

    [Fact]
    public void LastModified_DeliveredAfterComposed_IsDeliveryTimeElseCompositionTime()
    {
        var composed = new DateTimeOffset(2026, 11, 20, 7, 0, 0, TimeSpan.Zero);
        var record = new DigestRecord(new DateOnly(2026, 11, 20), "UTC", composed, null, composed.AddDays(-1), composed, 1, 1, "\"a\"");

        Assert.Equal(composed, StoredDigestResponder.LastModified(record));
        Assert.Equal(composed.AddMinutes(3), StoredDigestResponder.LastModified(record with { DeliveredAt = composed.AddMinutes(3) }));
    }
}
