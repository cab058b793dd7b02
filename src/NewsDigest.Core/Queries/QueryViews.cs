using NewsDigest.Normalization;

namespace NewsDigest.Queries;

/// <summary>The answer of <c>GET /api/digests</c>: the range it covers and the digests in it, newest first.</summary>
internal sealed record DigestListView(DateOnly From, DateOnly To, int Count, IReadOnlyList<DigestListItem> Digests);

internal sealed record DigestListItem(
    DateOnly Date,
    string TimeZone,
    DateTimeOffset ComposedAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    int StoryCount,
    int DocumentCount,
    string Href);

/// <summary>The answer of <c>GET /api/documents/{id}</c>: the normalized document, where it came from and what was repaired.</summary>
internal sealed record DocumentView(
    string Id,
    DocumentFormat Format,
    string Title,
    string? Subtitle,
    DateTimeOffset? Published,
    DateTimeOffset? Modified,
    DateTimeOffset IngestedAt,
    string? Url,
    DocumentSource Source,
    IReadOnlyList<string> SourceBlobs,
    IReadOnlyList<string> PreviousVersions,
    IReadOnlyList<string> Authors,
    string? Language,
    string? Excerpt,
    IReadOnlyList<string> Tags,
    int WordCount,
    string ContentHash,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<string> Captions);
