using System.Text.Json;
using NewsDigest.Queries;

namespace NewsDigest.Tests.Queries;

public sealed class ProblemDetailsTests
{
    public static TheoryData<string, int> Problems => new()
    {
        { "no-digest-yet", 404 },
        { "digest-not-found", 404 },
        { "document-not-found", 404 },
        { "invalid-date", 400 },
        { "invalid-range", 400 },
        { "invalid-document-id", 400 },
        { "not-acceptable", 406 },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public void Problem_Body_HasEveryRfc9457Member(string slug, int status)
    {
        var response = Create(slug, "/api/x?y=1");

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Equal("no-store", response.GetHeader("Cache-Control"));
        using var body = JsonDocument.Parse(response.Body);
        var root = body.RootElement;
        Assert.Equal("urn:newsdigest:problem:" + slug, root.GetProperty("type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("title").GetString()));
        Assert.Equal(status, root.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("detail").GetString()));
        Assert.Equal("/api/x?y=1", root.GetProperty("instance").GetString());
    }

    [Fact]
    public void NotAcceptable_Body_ListsSupportedTypes()
    {
        var response = ProblemDetails.NotAcceptable("/api/summary/latest", "no", ["application/json", "text/html"]);

        using var body = JsonDocument.Parse(response.Body);
        var supported = body.RootElement.GetProperty("supported").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(["application/json", "text/html"], supported);
    }

    [Fact]
    public void InvalidDate_Body_OmitsSupportedAndNamesParameterAndValue()
    {
        var response = ProblemDetails.InvalidDate("/api/digests", "from", "2026-13-01");

        using var body = JsonDocument.Parse(response.Body);
        Assert.False(body.RootElement.TryGetProperty("supported", out _));
        var detail = body.RootElement.GetProperty("detail").GetString();
        Assert.Contains("'from'", detail, StringComparison.Ordinal);
        Assert.Contains("2026-13-01", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidDocumentId_HugeInput_DetailStaysShort()
    {
        var response = ProblemDetails.InvalidDocumentId("/api/documents/x", new string('#', 10_000));

        using var body = JsonDocument.Parse(response.Body);
        Assert.True(body.RootElement.GetProperty("detail").GetString()!.Length < 300);
    }

    [Fact]
    public void Problem_Body_WritesApostrophesAndNonAsciiAsIs()
    {
        var response = ProblemDetails.DocumentNotFound("/api/documents/x", "기사");

        Assert.Contains("'기사'", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", response.Body, StringComparison.Ordinal);
    }

    private static QueryResponse Create(string slug, string instance) => slug switch
    {
        "no-digest-yet" => ProblemDetails.NoDigestYet(instance),
        "digest-not-found" => ProblemDetails.DigestNotFound(instance, new DateOnly(2026, 1, 2)),
        "document-not-found" => ProblemDetails.DocumentNotFound(instance, "abc"),
        "invalid-date" => ProblemDetails.InvalidDate(instance, "date", "nope"),
        "invalid-range" => ProblemDetails.InvalidRange(instance, "too long"),
        "invalid-document-id" => ProblemDetails.InvalidDocumentId(instance, "a/b"),
        "not-acceptable" => ProblemDetails.NotAcceptable(instance, "no", ["application/json"]),
        _ => throw new ArgumentOutOfRangeException(nameof(slug), slug, null),
    };
}
