namespace NewsDigest.Storage;

/// <summary>
/// Who owns a piece of content: the first ingestion to insert the content-hash row decides the document id and
/// where the document's row goes. Every later ingestion of the same content adds its blob to that document.
/// </summary>
internal sealed record ContentClaim(
    string ContentHash,
    string DocumentId,
    string DocumentPartition,
    string DocumentRow,
    DateTimeOffset IngestedAt);

/// <summary>What storing a document, or adding a source blob to an existing one, did.</summary>
internal enum SourceAddResult
{
    /// <summary>The document's row was created with this blob as its first source.</summary>
    Created,

    /// <summary>The blob was added to an existing document's sources.</summary>
    Added,
    AlreadyListed,

    /// <summary>The content is claimed but its document row is not written yet (its writer is busy or died).</summary>
    DocumentMissing,
}
