using System.Text.Json.Serialization;
using NewsDigest.Stories;

namespace NewsDigest.Normalization;

/// <summary>One uploaded document after normalization: the unit every later stage works on.</summary>
public sealed record NormalizedDocument
{
    /// <summary>Stable id derived from the normalized content (the same text always gets the same id).</summary>
    public required string Id { get; init; }

    public required DocumentFormat Format { get; init; }

    public required string Title { get; init; }

    /// <summary>Subtitle or dek, when the source has one.</summary>
    public string? Subtitle { get; init; }

    /// <summary>Publication time in UTC; null when the source does not say (never the upload time).</summary>
    public DateTimeOffset? Published { get; init; }

    public DateTimeOffset? Modified { get; init; }

    /// <summary>Canonical URL (http or https), when known.</summary>
    public string? Url { get; init; }

    public required DocumentSource Source { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>BCP 47 language tag (for example <c>en</c>, <c>ko</c>), or null when unknown.</summary>
    public string? Language { get; init; }

    /// <summary>Description or excerpt the source gives for itself, when it has one.</summary>
    public string? Excerpt { get; init; }

    /// <summary>Categories and tags (WordPress terms, feed categories, article:tag).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Body text in reading order: headings, paragraphs, list items and quotes, one entry each.</summary>
    public required IReadOnlyList<string> Paragraphs { get; init; }

    /// <summary>Photo captions and credits, kept apart from the body.</summary>
    public IReadOnlyList<string> Captions { get; init; } = [];

    public int WordCount { get; init; }

    /// <summary>Lower-case hex SHA-256 of the normalized body text.</summary>
    public required string ContentHash { get; init; }

    /// <summary>MinHash over word shingles, for near-duplicate detection.</summary>
    public required NearDuplicateSignature Signature { get; init; }

    /// <summary>What normalization repaired or removed, in plain words.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>
    /// What grouping reads from the text, worked out at ingestion and stored with the document (null until then, and
    /// for documents stored before): a digest loads it instead of reading the text again. Current ones only: stored
    /// features of another version, or that do not hold together, are read as none (<see cref="TextFeatures.LenientConverter"/>).
    /// </summary>
    [JsonInclude]
    [JsonConverter(typeof(TextFeatures.LenientConverter))]
    internal TextFeatures? TextFeatures { get; init; }
}

/// <summary>Who published a document: the publisher's name and the host it was served from.</summary>
public sealed record DocumentSource(string? Name, string? Host);

public enum DocumentFormat
{
    WordPressJson,
    Html,
    PlainText,
    Rss,
    Atom,
}
