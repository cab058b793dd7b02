using System.ComponentModel.DataAnnotations;

namespace NewsDigest.Queries;

/// <summary>How the HTTP API caches and bounds its answers.</summary>
internal sealed class QueriesOptions
{
    public const string SectionName = "Queries";

    /// <summary>How long clients may reuse the latest summary, the pending summary excepted, before revalidating.</summary>
    [Range(0, 86_400)]
    public int LatestMaxAgeSeconds { get; set; } = 60;

    /// <summary>How long clients may reuse a digest of a given date or a stored document.</summary>
    [Range(0, 604_800)]
    public int StoredMaxAgeSeconds { get; set; } = 3_600;

    /// <summary>Days <c>GET /api/digests</c> lists when the request gives no range.</summary>
    [Range(1, 3_660)]
    public int DefaultListDays { get; set; } = 30;

    /// <summary>The longest range <c>GET /api/digests</c> accepts, in days.</summary>
    [Range(1, 3_660)]
    public int MaxListDays { get; set; } = 366;
}
