using System.ComponentModel.DataAnnotations;
using NewsDigest.Digest;

namespace NewsDigest.Tests.Digest;

public sealed class DigestOptionsTests
{
    [Theory]
    [InlineData("Europe/London", "07:00", null, true)]
    [InlineData("Asia/Seoul", "23:59", "https://example.com/api/summary/latest?format=html", true)]
    [InlineData("Mars/Olympus_Mons", "07:00", null, false)]
    [InlineData("Europe/London", "7am", null, false)]
    [InlineData("Europe/London", "24:00", null, false)]
    [InlineData("Europe/London", "07:00", "javascript:alert(1)", false)]
    public void Validate_Settings_AcceptsOnlyValidZoneTimeAndUrl(string zone, string time, string? url, bool valid)
    {
        var options = new DigestOptions { TimeZone = zone, LocalTime = time, PublicDigestUrl = url };

        var results = new List<ValidationResult>();
        var ok = Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);

        Assert.Equal(valid, ok);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(5_000, true)]
    [InlineData(-1, false)]
    [InlineData(1_000_000, false)]
    public void Validate_RegroupMaxDocuments_AcceptsOnlyTheRange(int documents, bool valid)
    {
        var options = new DigestOptions { RegroupMaxDocuments = documents };

        Assert.Equal(valid, Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true));
    }

    [Fact]
    public void FullDigestUrl_DatePlaceholder_IsFilledIn()
    {
        var options = new DigestOptions { PublicDigestUrl = "https://example.com/api/digests/{date}?format=html" };

        Assert.Equal("https://example.com/api/digests/2026-01-15?format=html", options.FullDigestUrl(new DateOnly(2026, 1, 15))!.AbsoluteUri);
    }
}
