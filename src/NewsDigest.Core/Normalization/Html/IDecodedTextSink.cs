namespace NewsDigest.Normalization.Html;

/// <summary>Takes decoded text a piece at a time from <see cref="CharacterReferences.DecodeInto"/>.</summary>
internal interface IDecodedTextSink
{
    void Add(ReadOnlySpan<char> piece);
}
