namespace NewsDigest.Queries;

/// <summary>Builds the 200 and 304 answers, with the validators and caching headers they share.</summary>
internal static class Representations
{
    public static string PrivateMaxAge(int seconds) => seconds > 0 ? $"private, max-age={seconds}" : "no-cache";

    /// <summary>200 with <paramref name="body"/>, or 304 when the request's validators still match.</summary>
    public static QueryResponse Serve(
        QueryRequest request,
        string contentType,
        Func<string> body,
        string entityTag,
        DateTimeOffset? lastModified,
        string cacheControl) =>
        ConditionalRequests.IsNotModified(request, entityTag, lastModified)
            ? NotModified(entityTag, lastModified, cacheControl)
            : Ok(contentType, body(), entityTag, lastModified, cacheControl);

    public static QueryResponse Ok(string contentType, string body, string entityTag, DateTimeOffset? lastModified, string cacheControl) =>
        new(200, contentType, body, Headers(entityTag, lastModified, cacheControl));

    /// <summary>304 repeats the validators and caching headers a 200 would have sent (RFC 9110, section 15.4.5).</summary>
    public static QueryResponse NotModified(string entityTag, DateTimeOffset? lastModified, string cacheControl) =>
        new(304, null, string.Empty, Headers(entityTag, lastModified, cacheControl));

    private static Dictionary<string, string> Headers(string entityTag, DateTimeOffset? lastModified, string cacheControl)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["ETag"] = entityTag,
            ["Cache-Control"] = cacheControl,
            ["Vary"] = "Accept",
        };
        if (lastModified is { } modified)
        {
            headers["Last-Modified"] = ConditionalRequests.FormatHttpDate(modified);
        }

        return headers;
    }
}
