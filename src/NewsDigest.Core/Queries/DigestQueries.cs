using System.Text.Json;
using Microsoft.Extensions.Options;
using NewsDigest.Digest;

namespace NewsDigest.Queries;

/// <summary><c>GET /api/digests/{date}</c> and <c>GET /api/digests?from=&amp;to=</c>: stored digests by local date.</summary>
internal sealed class DigestQueries(
    DigestArchive archive,
    StoredDigestResponder responder,
    TimeProvider timeProvider,
    IOptions<DigestOptions> digestOptions,
    IOptions<QueriesOptions> options)
{
    public const string ListPath = "/api/digests";

    public async Task<QueryResponse> GetByDateAsync(string? date, QueryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!QueryDates.TryParse(date, out var localDate))
        {
            return ProblemDetails.InvalidDate(request.Path, "date", date);
        }

        if (!ContentNegotiation.TryNegotiate(request.Format, request.Accept, ContentNegotiation.DigestFormats, out var format, out var rejection))
        {
            return ProblemDetails.NotAcceptable(request.Path, rejection, SupportedMediaTypes(ContentNegotiation.DigestFormats));
        }

        var record = await archive.GetAsync(localDate, cancellationToken);
        if (record is null)
        {
            return ProblemDetails.DigestNotFound(request.Path, localDate);
        }

        return await responder.RespondAsync(
            record, format, request, Representations.PrivateMaxAge(options.Value.StoredMaxAgeSeconds), cancellationToken);
    }

    public async Task<QueryResponse> ListAsync(string? from, string? to, QueryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ContentNegotiation.TryNegotiate(request.Format, request.Accept, ContentNegotiation.JsonOnly, out _, out var rejection))
        {
            return ProblemDetails.NotAcceptable(request.Path, rejection, SupportedMediaTypes(ContentNegotiation.JsonOnly));
        }

        var range = ResolveRange(from, to, Today(timeProvider.GetUtcNow(), digestOptions.Value.FindTimeZone()), options.Value);
        if (range.Problem is { } problem)
        {
            return problem(request.Path);
        }

        var records = await archive.ListAsync(range.From, range.To, cancellationToken);
        var items = records
            .OrderByDescending(r => r.LocalDate)
            .Select(r => new DigestListItem(
                r.LocalDate, r.TimeZone, r.ComposedAt, r.DeliveredAt, r.WindowStart, r.WindowEnd, r.StoryCount, r.DocumentCount,
                $"{ListPath}/{QueryDates.Format(r.LocalDate)}"))
            .ToList();
        var body = JsonSerializer.Serialize(new DigestListView(range.From, range.To, items.Count, items), QueryJsonContext.Api.DigestListView);
        return Representations.Serve(
            request,
            ContentNegotiation.ContentType(DigestFormat.Json),
            () => body,
            ConditionalRequests.ContentTag(body),
            lastModified: null,
            Representations.PrivateMaxAge(options.Value.LatestMaxAgeSeconds));
    }

    /// <summary>
    /// The inclusive range to list. Without <c>to</c> it ends today; without <c>from</c> it spans the default number of
    /// days up to <c>to</c>. Unparseable dates, <c>from</c> after <c>to</c> and ranges longer than the cap are refused.
    /// </summary>
    internal static DateRange ResolveRange(string? from, string? to, DateOnly today, QueriesOptions options)
    {
        DateOnly end = today;
        if (!string.IsNullOrWhiteSpace(to) && !QueryDates.TryParse(to, out end))
        {
            return DateRange.Refused(instance => ProblemDetails.InvalidDate(instance, "to", to));
        }

        DateOnly start = end.AddDays(1 - options.DefaultListDays);
        if (!string.IsNullOrWhiteSpace(from) && !QueryDates.TryParse(from, out start))
        {
            return DateRange.Refused(instance => ProblemDetails.InvalidDate(instance, "from", from));
        }

        if (start > end)
        {
            var detail = $"'from' ({QueryDates.Format(start)}) is after 'to' ({QueryDates.Format(end)}"
                + (string.IsNullOrWhiteSpace(to) ? ", today" : string.Empty) + ").";
            return DateRange.Refused(instance => ProblemDetails.InvalidRange(instance, detail));
        }

        var days = end.DayNumber - start.DayNumber + 1;
        if (days > options.MaxListDays)
        {
            var detail = $"The range {QueryDates.Format(start)} to {QueryDates.Format(end)} spans {days} days; at most {options.MaxListDays} can be listed at once.";
            return DateRange.Refused(instance => ProblemDetails.InvalidRange(instance, detail));
        }

        return new DateRange(start, end, null);
    }

    /// <summary>Today in the digest's time zone: digests are keyed by that local date.</summary>
    internal static DateOnly Today(DateTimeOffset utcNow, TimeZoneInfo timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(utcNow, timeZone).DateTime);

    private static string[] SupportedMediaTypes(IReadOnlyList<DigestFormat> formats) => [.. formats.Select(ContentNegotiation.MediaType)];
}

/// <summary>An inclusive range of local dates, or the problem that refuses it (given the request path).</summary>
internal sealed record DateRange(DateOnly From, DateOnly To, Func<string, QueryResponse>? Problem)
{
    public static DateRange Refused(Func<string, QueryResponse> problem) => new(default, default, problem);
}
