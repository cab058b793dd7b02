namespace NewsDigest.Normalization.Html;

/// <summary>What the extractor found in one HTML page: the main content and its metadata.</summary>
internal sealed record HtmlArticle
{
    public string? Title { get; init; }

    public string? Subtitle { get; init; }

    /// <summary>The byline as a reader would see it, without "By" and dates.</summary>
    public string? Byline { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = [];

    public DateTimeOffset? Published { get; init; }

    public DateTimeOffset? Modified { get; init; }

    public string? SiteName { get; init; }

    public string? Language { get; init; }

    public string? CanonicalUrl { get; init; }

    public string? Excerpt { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Headings, paragraphs, list items, quotes and table rows of the main content, in reading order.</summary>
    public IReadOnlyList<string> Paragraphs { get; init; } = [];

    /// <summary>Figure captions (and their credits), kept apart from the body text.</summary>
    public IReadOnlyList<string> Captions { get; init; } = [];

    /// <summary>For each caption, how many paragraphs precede its figure: where the figure sits in the text.</summary>
    public IReadOnlyList<int> CaptionPositions { get; init; } = [];

    /// <summary>How many boilerplate blocks (navigation, share widgets, related lists, ...) were dropped.</summary>
    public int RemovedBlocks { get; init; }
}
