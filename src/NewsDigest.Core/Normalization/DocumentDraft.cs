namespace NewsDigest.Normalization;

/// <summary>What a format reader found, before the common clean-up, fingerprints and warnings are applied.</summary>
internal sealed record DocumentDraft(DocumentFormat Format)
{
    public string? Title { get; init; }

    public string? Subtitle { get; init; }

    public DateTimeOffset? Published { get; init; }

    public DateTimeOffset? Modified { get; init; }

    public string? Url { get; init; }

    public string? SourceName { get; init; }

    public string? SourceHost { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = [];

    public string? Language { get; init; }

    public string? Excerpt { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<string> Paragraphs { get; init; } = [];

    public IReadOnlyList<string> Captions { get; init; } = [];

    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Whether the body is required: structured formats may stand on title and URL alone.</summary>
    public bool RequiresBody { get; init; }
}
