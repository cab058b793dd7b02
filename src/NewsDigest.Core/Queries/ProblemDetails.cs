using System.Text.Json.Serialization;

namespace NewsDigest.Queries;

/// <summary>An RFC 9457 problem details body.</summary>
/// <param name="Supported">Extension member on 406 answers: the formats the resource does come in.</param>
internal sealed record ProblemDetails(
    string Type,
    string Title,
    int Status,
    string Detail,
    string Instance,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Supported = null)
{
    public const string ContentType = "application/problem+json";

    // URNs: the types identify problems without promising a page to dereference (RFC 9457, section 3.1.1).
    private const string TypePrefix = "urn:newsdigest:problem:";

    public static QueryResponse NoDigestYet(string instance) => Respond(
        404, "no-digest-yet", "No digest yet", "No digest has been delivered yet.", instance);

    public static QueryResponse DigestNotFound(string instance, DateOnly date) => Respond(
        404, "digest-not-found", "Digest not found", $"There is no digest for {date:yyyy-MM-dd}.", instance);

    public static QueryResponse DocumentNotFound(string instance, string id) => Respond(
        404, "document-not-found", "Document not found", $"There is no document with id '{id}'.", instance);

    public static QueryResponse InvalidDate(string instance, string parameter, string? value) => Respond(
        400, "invalid-date", "Invalid date",
        $"'{parameter}' must be a calendar date written yyyy-MM-dd; '{Shorten(value)}' is not one.", instance);

    public static QueryResponse InvalidRange(string instance, string detail) => Respond(
        400, "invalid-range", "Invalid date range", detail, instance);

    public static QueryResponse InvalidDocumentId(string instance, string? id) => Respond(
        400, "invalid-document-id", "Invalid document id",
        $"'{Shorten(id)}' is not a document id: ids are 1 to {DocumentQueries.MaxIdLength} letters, digits, '-', '_' or '.'.", instance);

    public static QueryResponse NotAcceptable(string instance, string detail, IReadOnlyList<string> supported) => Respond(
        406, "not-acceptable", "Not acceptable", detail, instance, supported);

    public static QueryResponse RenderingMissing(string instance, DateOnly date, string format) => Respond(
        500, "rendering-missing", "Stored rendering missing",
        $"The digest for {date:yyyy-MM-dd} is recorded but its {format} rendering is not stored.", instance);

    private static QueryResponse Respond(int status, string slug, string title, string detail, string instance, IReadOnlyList<string>? supported = null)
    {
        var problem = new ProblemDetails(TypePrefix + slug, title, status, detail, instance, supported);
        var body = System.Text.Json.JsonSerializer.Serialize(problem, QueryJsonContext.Api.ProblemDetails);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            // Errors describe a moment (no digest yet, a missing blob); caches must not keep them.
            ["Cache-Control"] = "no-store",
        };
        return new QueryResponse(status, ContentType, body, headers);
    }

    // Echoing unbounded client input back in a body invites abuse; a prefix is enough to recognize it.
    private static string Shorten(string? value) => value switch
    {
        null => string.Empty,
        { Length: > 64 } => string.Concat(value.AsSpan(0, 64), "…"),
        _ => value,
    };
}
