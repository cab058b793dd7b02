namespace NewsDigest.Normalization;

/// <summary>Either the documents a file normalized to (a feed yields several) or the reason it was refused.</summary>
public sealed record NormalizationResult
{
    private NormalizationResult(IReadOnlyList<NormalizedDocument> documents, DocumentRejection? rejection)
    {
        Documents = documents;
        Rejection = rejection;
    }

    public IReadOnlyList<NormalizedDocument> Documents { get; }

    public DocumentRejection? Rejection { get; }

    public bool IsRejected => Rejection is not null;

    public static NormalizationResult Success(IReadOnlyList<NormalizedDocument> documents) => new(documents, null);

    public static NormalizationResult Rejected(DocumentRejection rejection) => new([], rejection);
}

/// <summary>Why a file was refused, in terms a user can act on.</summary>
/// <param name="Reason">The kind of refusal.</param>
/// <param name="Message">What was found, in plain words.</param>
/// <param name="DetectedFormat">What the content looked like (for example <c>png</c>, <c>json</c>, <c>html</c>).</param>
public sealed record DocumentRejection(RejectionReason Reason, string Message, string DetectedFormat);

public enum RejectionReason
{
    Empty,
    Binary,
    Unsupported,
    TooLarge,
    Undecodable,
    NoContent,
}
