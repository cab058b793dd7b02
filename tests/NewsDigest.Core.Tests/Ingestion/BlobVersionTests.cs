using Azure;
using NewsDigest.Ingestion;
using NewsDigest.Storage;

namespace NewsDigest.Tests.Ingestion;

public sealed class BlobVersionTests
{
    [Fact]
    public void VersionKey_WithContentMd5_UsesTheHashNotTheETag()
    {
        var md5 = Convert.FromHexString("00112233445566778899aabbccddeeff");

        Assert.Equal(
            IngestionService.VersionKey(md5, new ETag("\"0x1\"")),
            IngestionService.VersionKey(md5, new ETag("\"0x2\"")));
        Assert.Equal("md5-00112233445566778899aabbccddeeff", IngestionService.VersionKey(md5, new ETag("\"0x1\"")));
    }

    [Fact]
    public void VersionKey_WithoutContentMd5_UsesAValidKeyFromTheETag()
    {
        var key = IngestionService.VersionKey(null, new ETag("\"0x8DC5A1B2C3D4E5F\""));

        Assert.Equal("etag-0x8DC5A1B2C3D4E5F", key);
        Assert.True(StorageKeys.IsValidKey(key));
    }

    [Theory]
    [InlineData(500, true)]
    [InlineData(503, true)]
    [InlineData(429, true)]
    [InlineData(0, true)]
    [InlineData(404, false)]
    [InlineData(409, false)]
    [InlineData(403, false)]
    public void IsTransient_RequestFailed_DependsOnStatus(int status, bool transient)
    {
        Assert.Equal(transient, StorageFailures.IsTransient(new RequestFailedException(status, "x")));
    }

    [Fact]
    public void IsTransient_RetriesExhausted_IsTransient()
    {
        var exhausted = new AggregateException(new RequestFailedException(0, "refused"), new RequestFailedException(503, "busy"));

        Assert.True(StorageFailures.IsTransient(exhausted));
    }
}
