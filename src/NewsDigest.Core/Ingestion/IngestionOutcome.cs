using NewsDigest.Normalization;

namespace NewsDigest.Ingestion;

/// <summary>What ingesting one inbox blob did.</summary>
/// <param name="BlobName">The blob's name in the inbox container.</param>
/// <param name="Status">The kind of outcome.</param>
/// <param name="DocumentIds">The documents the blob maps to (new or existing); empty when rejected.</param>
/// <param name="Rejection">Why the blob was refused, when it was.</param>
internal sealed record IngestionOutcome(
    string BlobName,
    IngestionStatus Status,
    IReadOnlyList<string> DocumentIds,
    DocumentRejection? Rejection = null);

internal enum IngestionStatus
{
    /// <summary>At least one new document was stored.</summary>
    Ingested,

    /// <summary>Every document the blob holds was stored already from another blob; this blob was added to its sources.</summary>
    Duplicate,

    /// <summary>This version of the blob was processed before (a re-delivery): nothing changed.</summary>
    AlreadyProcessed,

    /// <summary>The blob could not be normalized: a rejection record was written and the blob marked.</summary>
    Rejected,

    /// <summary>The blob no longer exists (deleted after its event was sent): nothing to do.</summary>
    NotFound,
}
