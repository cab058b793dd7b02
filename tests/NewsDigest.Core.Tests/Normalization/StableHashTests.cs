using NewsDigest.Normalization;
using NewsDigest.Stories;

namespace NewsDigest.Tests.Normalization;

public sealed class StableHashTests
{
    [Fact]
    public void Mix_SplitMixFirstOutput_IsTheReferenceValue() =>
        // SplitMix64 from state 0 gives 0xE220A8397B1DCDAF first: the finalizer is the published one, in every process.
        Assert.Equal(0xE220A8397B1DCDAFUL, StableHash.Mix(0x9E3779B97F4A7C15UL));

    [Fact]
    public void Of_SameTextFromDifferentStrings_Same()
    {
        var text = "Seoul weighs a role in AUKUS";

        Assert.Equal(StableHash.Of(text.AsSpan(6, 6)), StableHash.Of(new string("weighs".ToCharArray())));
        Assert.NotEqual(StableHash.Of("weighs"), StableHash.Of("Weighs"));
    }

    [Fact]
    public void Combine_SwappedPair_Differs() =>
        Assert.NotEqual(StableHash.Combine(StableHash.Of("joins"), StableHash.Of("aukus")), StableHash.Combine(StableHash.Of("aukus"), StableHash.Of("joins")));

    [Fact]
    public void BandKey_SameValuesInOtherBands_NegativeAndDistinct()
    {
        var keys = Enumerable.Range(0, 64).Select(b => DocumentFeatures.BandKey(b * 2, 17u, 4_000_000_000u)).ToList();

        Assert.All(keys, k => Assert.True(k < 0));
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }
}
