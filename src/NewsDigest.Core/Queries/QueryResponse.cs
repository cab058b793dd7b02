namespace NewsDigest.Queries;

/// <summary>Everything an HTTP response needs: status, content type and body, and the headers to copy over.</summary>
/// <param name="ContentType">Null for responses without a body (304).</param>
internal sealed record QueryResponse(
    int StatusCode,
    string? ContentType,
    string Body,
    IReadOnlyDictionary<string, string> Headers)
{
    public string? GetHeader(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
