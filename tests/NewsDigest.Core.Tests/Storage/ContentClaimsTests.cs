using NewsDigest.Storage;

namespace NewsDigest.Tests.Storage;

public sealed class ContentClaimsTests
{
    [Theory]
    [InlineData("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "9f86d081884c7d659a2feaa0c55ad015")]
    [InlineData("hash with ünïcode", "id/with#odd?chars\u0001")]
    [InlineData("b64:looks encoded", "b64:")]
    public void FromMetadata_WrittenByToMetadata_GivesTheSameClaim(string contentHash, string documentId)
    {
        var claim = new ContentClaim(contentHash, documentId, "2026113010", "0639000000000000000_" + documentId, new DateTimeOffset(2026, 11, 30, 10, 1, 2, TimeSpan.Zero).AddTicks(1234567));

        var metadata = ContentClaims.ToMetadata(claim);

        Assert.All(metadata.Values, value => Assert.All(value, c => Assert.InRange(c, ' ', '~')));
        Assert.Equal(claim, ContentClaims.FromMetadata(metadata));
    }

    [Fact]
    public void FromMetadata_BlobWithoutClaim_ThrowsInvalidData()
    {
        Assert.Throws<InvalidDataException>(() => ContentClaims.FromMetadata(new Dictionary<string, string>()));
    }
}
