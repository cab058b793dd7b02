namespace NewsDigest.Normalization;

/// <summary>Turns the bytes of one uploaded file into normalized documents or a typed rejection. Never throws for bad input.</summary>
internal sealed class DocumentNormalizer
{
    public NormalizationResult Normalize(NormalizationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        throw new NotImplementedException("Normalization is not written yet.");
    }
}
