using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;
using NewsDigest.Queries;

namespace NewsDigest.Functions;

/// <summary>Maps between ASP.NET Core requests and responses and the query services' plain values.</summary>
internal static class QueryHttp
{
    public static QueryRequest ToQueryRequest(this HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new QueryRequest(
            request.Path.Value ?? "/",
            Value(request.Query["format"]),
            Value(request.Headers.Accept),
            Value(request.Headers.IfNoneMatch),
            Value(request.Headers.IfModifiedSince));
    }

    public static string? QueryValue(this HttpRequest request, string name)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Value(request.Query[name]);
    }

    /// <summary>Copies the response's headers onto the outgoing response and gives the result that writes the rest.</summary>
    public static IActionResult ToActionResult(this QueryResponse response, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(request);
        foreach (var (name, value) in response.Headers)
        {
            request.HttpContext.Response.Headers[name] = value;
        }

        // No content type means no body (304 Not Modified): write neither.
        return response.ContentType is null
            ? new StatusCodeResult(response.StatusCode)
            : new ContentResult { StatusCode = response.StatusCode, ContentType = response.ContentType, Content = response.Body };
    }

    // Repeated values are joined with commas, which the header parsers accept.
    private static string? Value(StringValues values) => values.Count == 0 ? null : values.ToString();
}
