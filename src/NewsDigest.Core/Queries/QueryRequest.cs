namespace NewsDigest.Queries;

/// <summary>
/// What a query needs from an HTTP request, as plain values, so the services run without a web host.
/// Every header value is null when the request does not carry it; repeated headers are joined with commas.
/// </summary>
/// <param name="Path">The request path; problem details name it as their <c>instance</c>.</param>
/// <param name="Format">The <c>format</c> query value; when present it wins over <paramref name="Accept"/>.</param>
/// <param name="Accept">The <c>Accept</c> header.</param>
/// <param name="IfNoneMatch">The <c>If-None-Match</c> header.</param>
/// <param name="IfModifiedSince">The <c>If-Modified-Since</c> header; ignored when <paramref name="IfNoneMatch"/> is present.</param>
internal sealed record QueryRequest(
    string Path,
    string? Format = null,
    string? Accept = null,
    string? IfNoneMatch = null,
    string? IfModifiedSince = null);
