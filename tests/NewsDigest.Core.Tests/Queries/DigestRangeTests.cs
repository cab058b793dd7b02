using NewsDigest.Queries;

namespace NewsDigest.Tests.Queries;

public sealed class DigestRangeTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly QueriesOptions Options = new() { DefaultListDays = 30, MaxListDays = 366 };

    [Fact]
    public void ResolveRange_NoBounds_DefaultDaysEndingToday()
    {
        var range = DigestQueries.ResolveRange(null, null, Today, Options);

        Assert.Null(range.Problem);
        Assert.Equal(Today, range.To);
        Assert.Equal(Today.AddDays(-29), range.From);
    }

    [Fact]
    public void ResolveRange_OnlyTo_DefaultDaysEndingThere()
    {
        var range = DigestQueries.ResolveRange("", "2026-03-01", Today, Options);

        Assert.Null(range.Problem);
        Assert.Equal(new DateOnly(2026, 3, 1), range.To);
        Assert.Equal(new DateOnly(2026, 1, 31), range.From);
    }

    [Fact]
    public void ResolveRange_OnlyFrom_EndsToday()
    {
        var range = DigestQueries.ResolveRange("2026-11-01", null, Today, Options);

        Assert.Null(range.Problem);
        Assert.Equal(new DateOnly(2026, 11, 1), range.From);
        Assert.Equal(Today, range.To);
    }

    [Fact]
    public void ResolveRange_SameDay_OneDay()
    {
        var range = DigestQueries.ResolveRange("2026-05-05", "2026-05-05", Today, Options);

        Assert.Null(range.Problem);
        Assert.Equal(range.From, range.To);
    }

    [Theory]
    [InlineData("2026-02-30", null, "invalid-date")]
    [InlineData("2026-1-5", null, "invalid-date")]
    [InlineData("05/01/2026", null, "invalid-date")]
    [InlineData(null, "tomorrow", "invalid-date")]
    [InlineData("2026-11-10", "2026-11-01", "invalid-range")]
    [InlineData("2026-12-01", null, "invalid-range")]
    [InlineData("2024-01-01", "2026-01-01", "invalid-range")]
    public void ResolveRange_BadInput_RefusedWith400(string? from, string? to, string slug)
    {
        var range = DigestQueries.ResolveRange(from, to, Today, Options);

        Assert.NotNull(range.Problem);
        var response = range.Problem("/api/digests");
        Assert.Equal(400, response.StatusCode);
        Assert.Contains("urn:newsdigest:problem:" + slug, response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void ResolveRange_ExactlyMaxDays_Accepted()
    {
        var range = DigestQueries.ResolveRange("2025-01-01", "2026-01-01", Today, Options);

        Assert.Null(range.Problem);
        Assert.Equal(366, range.To.DayNumber - range.From.DayNumber + 1);
    }

    [Theory]
    [InlineData("2026-11-23", true)]
    [InlineData(" 2026-11-23 ", true)]
    [InlineData("2024-02-29", true)]
    [InlineData("2025-02-29", false)]
    [InlineData("2026-11-23T00:00:00", false)]
    [InlineData("20261123", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void QueryDatesTryParse_OnlyRealIsoDates(string? value, bool expected) =>
        Assert.Equal(expected, QueryDates.TryParse(value, out _));

    [Theory]
    [InlineData("2026-11-22T14:59:00Z", "Asia/Seoul", "2026-11-22")]
    [InlineData("2026-11-22T15:00:00Z", "Asia/Seoul", "2026-11-23")]
    [InlineData("2026-11-23T04:59:00Z", "America/New_York", "2026-11-22")]
    [InlineData("2026-07-01T23:30:00Z", "Europe/London", "2026-07-02")]
    public void Today_DigestTimeZone_LocalDate(string utcNow, string timeZone, string expected) =>
        Assert.Equal(
            DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            DigestQueries.Today(DateTimeOffset.Parse(utcNow, System.Globalization.CultureInfo.InvariantCulture), TimeZoneInfo.FindSystemTimeZoneById(timeZone)));
}
