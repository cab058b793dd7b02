using Microsoft.Extensions.Options;
using NewsDigest.Digest;

namespace NewsDigest.Queries;

/// <summary><c>GET /api/summary/latest</c> and <c>GET /api/summary/pending</c>.</summary>
internal sealed class SummaryQueries(
    DigestArchive archive,
    StoredDigestResponder responder,
    DigestComposer composer,
    IOptions<QueriesOptions> options)
{
    /// <summary>
    /// The latest delivered digest in the negotiated format, served from its stored rendering: one table read for the
    /// record (enough for 404 and 304) and one blob read for the body.
    /// </summary>
    public async Task<QueryResponse> GetLatestAsync(QueryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ContentNegotiation.TryNegotiate(request.Format, request.Accept, ContentNegotiation.DigestFormats, out var format, out var rejection))
        {
            return ProblemDetails.NotAcceptable(request.Path, rejection, [.. ContentNegotiation.DigestFormats.Select(ContentNegotiation.MediaType)]);
        }

        var record = await archive.GetLatestDeliveredAsync(cancellationToken);
        if (record is null)
        {
            return ProblemDetails.NoDigestYet(request.Path);
        }

        return await responder.RespondAsync(
            record, format, request, Representations.PrivateMaxAge(options.Value.LatestMaxAgeSeconds), cancellationToken);
    }

    /// <summary>
    /// What the next digest would say if it were compiled now: composed on demand from the documents since the last
    /// delivered digest; nothing is stored or sent. Clients may revalidate, but never reuse it unasked.
    /// </summary>
    public async Task<QueryResponse> GetPendingAsync(QueryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ContentNegotiation.TryNegotiate(request.Format, request.Accept, ContentNegotiation.DigestFormats, out var format, out var rejection))
        {
            return ProblemDetails.NotAcceptable(request.Path, rejection, [.. ContentNegotiation.DigestFormats.Select(ContentNegotiation.MediaType)]);
        }

        var (record, rendered) = await composer.ComposePendingAsync(cancellationToken);
        return Representations.Serve(
            request,
            ContentNegotiation.ContentType(format),
            () => rendered.Get(format),
            ConditionalRequests.RepresentationTag(record.ETag, format),
            lastModified: null,
            "no-cache");
    }
}
