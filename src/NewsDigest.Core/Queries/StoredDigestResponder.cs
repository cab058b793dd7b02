using Microsoft.Extensions.Logging;
using NewsDigest.Digest;

namespace NewsDigest.Queries;

/// <summary>
/// Answers with one stored rendering of a digest whose record is already read: 304 straight from the record's
/// validators, otherwise one blob read.
/// </summary>
internal sealed partial class StoredDigestResponder(DigestArchive archive, ILogger<StoredDigestResponder> logger)
{
    public async Task<QueryResponse> RespondAsync(
        DigestRecord record,
        DigestFormat format,
        QueryRequest request,
        string cacheControl,
        CancellationToken cancellationToken)
    {
        var entityTag = ConditionalRequests.RepresentationTag(record.ETag, format);
        var lastModified = LastModified(record);
        if (ConditionalRequests.IsNotModified(request, entityTag, lastModified))
        {
            return Representations.NotModified(entityTag, lastModified, cacheControl);
        }

        var body = await archive.ReadRenderingAsync(record.LocalDate, format, cancellationToken);
        if (body is null)
        {
            LogRenderingMissing(logger, record.LocalDate, format);
            return ProblemDetails.RenderingMissing(request.Path, record.LocalDate, ContentNegotiation.Name(format));
        }

        return Representations.Ok(ContentNegotiation.ContentType(format), body, entityTag, lastModified, cacheControl);
    }

    /// <summary>A digest's representations last changed when it was delivered (or composed, while undelivered).</summary>
    internal static DateTimeOffset LastModified(DigestRecord record) =>
        record.DeliveredAt is { } delivered && delivered > record.ComposedAt ? delivered : record.ComposedAt;

    [LoggerMessage(Level = LogLevel.Error, Message = "The digest for {LocalDate} is recorded but its {Format} rendering is missing")]
    private static partial void LogRenderingMissing(ILogger logger, DateOnly localDate, DigestFormat format);
}
