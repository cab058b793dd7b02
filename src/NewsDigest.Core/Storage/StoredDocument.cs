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
    IReadOnlyList<string> SourceBlobs)
{
    /// <summary>
    /// Ids of the documents that earlier uploads under the same blob name produced (the versions this one replaces);
    /// empty for a first upload.
    /// </summary>
    public IReadOnlyList<string> PreviousVersions { get; init; } = [];

    /// <summary>How many blobs the document came from; equals <see cref="SourceBlobs"/>' count unless that list was cut to fit its row.</summary>
    public int SourceBlobCount { get; init; }
}

/// <summary>One stored document in full: the normalized document plus where it came from.</summary>
public sealed record StoredDocument(NormalizedDocument Document, DocumentSummary Summary);
