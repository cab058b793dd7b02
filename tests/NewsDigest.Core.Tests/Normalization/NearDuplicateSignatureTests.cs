using NewsDigest.Normalization;

namespace NewsDigest.Tests.Normalization;

public sealed class NearDuplicateSignatureTests
{
    [Fact]
    public void FromBase64_RoundTrip_KeepsEveryValue()
    {
        var signature = new NearDuplicateSignature([1u, 2u, uint.MaxValue, 0u]);

        var copy = NearDuplicateSignature.FromBase64(signature.ToBase64());

        Assert.Equal(signature, copy);
    }

    [Fact]
    public void Similarity_HalfTheValuesEqual_IsOneHalf()
    {
        var a = new NearDuplicateSignature([1u, 2u, 3u, 4u]);
        var b = new NearDuplicateSignature([1u, 2u, 9u, 9u]);

        Assert.Equal(0.5, a.Similarity(b));
    }
}
