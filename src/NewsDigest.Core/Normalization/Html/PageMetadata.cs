namespace NewsDigest.Normalization.Html;

/// <summary>What the page says about itself in its head, JSON-LD and microdata.</summary>
internal sealed record PageMetadata
{
    public string? Title { get; init; }

    /// <summary>The title as the page's &lt;title&gt; element gives it.</summary>
    public string? DocumentTitle { get; init; }

    public string? Byline { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = [];

    public string? Excerpt { get; init; }

    public string? SiteName { get; init; }

    public DateTimeOffset? Published { get; init; }

    public DateTimeOffset? Modified { get; init; }

    public string? Language { get; init; }

    public string? CanonicalUrl { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>JSON-LD articleBody, when the page carries one.</summary>
    public string? ArticleBody { get; init; }
}
