using System.Text.Json;
using Microsoft.Extensions.Options;
using NewsDigest.Storage;

namespace NewsDigest.Queries;

/// <summary><c>GET /api/documents/{id}</c>: one stored document with its sources and the warnings normalization left.</summary>
internal sealed class DocumentQueries(DocumentRepository documents, IOptions<QueriesOptions> options)
{
    public const int MaxIdLength = 128;

    public async Task<QueryResponse> GetAsync(string? id, QueryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ContentNegotiation.TryNegotiate(request.Format, request.Accept, ContentNegotiation.JsonOnly, out _, out var rejection))
        {
            return ProblemDetails.NotAcceptable(request.Path, rejection, ["application/json"]);
        }

        if (!IsWellFormedId(id))
        {
            return ProblemDetails.InvalidDocumentId(request.Path, id);
        }

        var stored = await documents.GetAsync(id, cancellationToken);
        if (stored is null)
        {
            return ProblemDetails.DocumentNotFound(request.Path, id);
        }

        var body = JsonSerializer.Serialize(ToView(stored), QueryJsonContext.Api.DocumentView);
        return Representations.Serve(
            request,
            ContentNegotiation.ContentType(Digest.DigestFormat.Json),
            () => body,
            ConditionalRequests.ContentTag(body),
            lastModified: null,
            Representations.PrivateMaxAge(options.Value.StoredMaxAgeSeconds));
    }

    /// <summary>
    /// Ids go straight into a table key, so anything a key cannot hold (<c>/ \ # ?</c>, control characters) or that
    /// no document id looks like is refused before storage sees it.
    /// </summary>
    internal static bool IsWellFormedId([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? id) =>
        id is { Length: > 0 and <= MaxIdLength }
        && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
        && id[0] != '.';

    internal static DocumentView ToView(StoredDocument stored)
    {
        var document = stored.Document;
        return new DocumentView(
            document.Id,
            document.Format,
            document.Title,
            document.Subtitle,
            document.Published,
            document.Modified,
            stored.Summary.IngestedAt,
            document.Url,
            document.Source,
            stored.Summary.SourceBlobs,
            stored.Summary.PreviousVersions,
            document.Authors,
            document.Language,
            document.Excerpt,
            document.Tags,
            document.WordCount,
            document.ContentHash,
            document.Warnings,
            document.Paragraphs,
            document.Captions);
    }
}
