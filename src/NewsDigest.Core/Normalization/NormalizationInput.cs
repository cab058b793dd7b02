namespace NewsDigest.Normalization;

/// <summary>The bytes of one uploaded file and what the upload said about it (all optional but the bytes).</summary>
public sealed record NormalizationInput(
    ReadOnlyMemory<byte> Content,
    string? FileName = null,
    string? ContentType = null,
    IReadOnlyDictionary<string, string>? Metadata = null);
