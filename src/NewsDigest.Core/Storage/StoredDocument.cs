using NewsDigest.Normalization;

namespace NewsDigest.Storage;

/// <summary>What the documents table says about one document: enough to list, group and rank without reading its blob.</summary>
public sealed record DocumentSummary(
    string Id,
    string Title,
    DateTimeOffset IngestedAt,
    DateTimeOffset? Published,
    string? Url,
    DocumentSource Source,
    string? Language,
    int WordCount,
    string ContentHash,
    NearDuplicateSignature Signature,
    string Lead,
    IReadOnlyList<string> SourceBlobs);

/// <summary>One stored document in full: the normalized document plus where it came from.</summary>
public sealed record StoredDocument(NormalizedDocument Document, DocumentSummary Summary);
