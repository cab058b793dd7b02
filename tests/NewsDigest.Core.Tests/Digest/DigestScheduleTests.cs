using Microsoft.Extensions.Time.Testing;
using NewsDigest.Digest;

namespace NewsDigest.Tests.Digest;

public sealed class DigestScheduleTests
{
    private static readonly TimeOnly Seven = new(7, 0);

    [Theory]
    // London in winter is UTC+0, in summer UTC+1.
    [InlineData("Europe/London", "2026-01-15T06:59:00Z", "2026-01-15", false)]
    [InlineData("Europe/London", "2026-01-15T07:00:00Z", "2026-01-15", true)]
    [InlineData("Europe/London", "2026-07-15T05:59:00Z", "2026-07-15", false)]
    [InlineData("Europe/London", "2026-07-15T06:00:00Z", "2026-07-15", true)]
    // West of UTC: New York 07:00 EST is 12:00 UTC; at 03:00 UTC it is still the previous local day.
    [InlineData("America/New_York", "2026-01-15T11:59:00Z", "2026-01-15", false)]
    [InlineData("America/New_York", "2026-01-15T12:00:00Z", "2026-01-15", true)]
    [InlineData("America/New_York", "2026-01-16T03:00:00Z", "2026-01-15", true)]
    // East of UTC: Seoul 07:00 KST is 22:00 UTC the day before.
    [InlineData("Asia/Seoul", "2026-01-14T21:59:00Z", "2026-01-15", false)]
    [InlineData("Asia/Seoul", "2026-01-14T22:00:00Z", "2026-01-15", true)]
    // Southern-hemisphere daylight saving: Sydney is UTC+11 in January, UTC+10 in July.
    [InlineData("Australia/Sydney", "2026-01-14T20:00:00Z", "2026-01-15", true)]
    [InlineData("Australia/Sydney", "2026-07-14T20:00:00Z", "2026-07-15", false)]
    [InlineData("Australia/Sydney", "2026-07-14T21:00:00Z", "2026-07-15", true)]
    public void Evaluate_ZonesEastAndWestOfUtc_DueFromLocalSeven(string zone, string utc, string localDate, bool due)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

        var result = DigestSchedule.Evaluate(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(zone), Seven);

        Assert.Equal(DateOnly.Parse(localDate, System.Globalization.CultureInfo.InvariantCulture), result.LocalDate);
        Assert.Equal(due, result.Due);
    }

    [Fact]
    public void Evaluate_HourlyRunsAcrossSpringForward_DueOnceFromLocalSeven()
    {
        // London moves from UTC+0 to UTC+1 at 01:00 UTC on 29 March 2026: 07:00 local is 06:00 UTC that day.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 28, 23, 0, 0, TimeSpan.Zero));
        var firstDue = new List<DateTimeOffset>();
        var seen = new HashSet<DateOnly>();
        for (var hour = 0; hour < 48; hour++)
        {
            var (date, due) = DigestSchedule.Evaluate(clock.GetUtcNow(), zone, Seven);
            if (due && seen.Add(date))
            {
                firstDue.Add(clock.GetUtcNow());
            }

            clock.Advance(TimeSpan.FromHours(1));
        }

        Assert.Contains(new DateTimeOffset(2026, 3, 29, 6, 0, 0, TimeSpan.Zero), firstDue);
        Assert.Contains(new DateTimeOffset(2026, 3, 30, 6, 0, 0, TimeSpan.Zero), firstDue);
    }

    [Fact]
    public void Evaluate_HourlyRunsAcrossFallBack_DueFromLocalSevenAfterTheChange()
    {
        // London moves from UTC+1 back to UTC+0 at 01:00 UTC on 25 October 2026.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 10, 24, 5, 0, 0, TimeSpan.Zero));
        var firstDue = new Dictionary<DateOnly, DateTimeOffset>();
        for (var hour = 0; hour < 30; hour++)
        {
            var (date, due) = DigestSchedule.Evaluate(clock.GetUtcNow(), zone, Seven);
            if (due)
            {
                firstDue.TryAdd(date, clock.GetUtcNow());
            }

            clock.Advance(TimeSpan.FromHours(1));
        }

        Assert.Equal(new DateTimeOffset(2026, 10, 24, 6, 0, 0, TimeSpan.Zero), firstDue[new DateOnly(2026, 10, 24)]);
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 7, 0, 0, TimeSpan.Zero), firstDue[new DateOnly(2026, 10, 25)]);
    }

    [Fact]
    public void DueAt_LocalTimeSkippedBySpringForward_DueAtTheFirstValidTimeAfterIt()
    {
        // New York skips 02:00-03:00 local on 8 March 2026.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

        var due = DigestSchedule.DueAt(new DateOnly(2026, 3, 8), zone, new TimeOnly(2, 30));

        Assert.Equal(new DateTimeOffset(2026, 3, 8, 7, 0, 0, TimeSpan.Zero), due);
    }

    [Fact]
    public void DueAt_LocalTimeRepeatedByFallBack_DueAtItsFirstOccurrence()
    {
        // New York repeats 01:00-02:00 local on 1 November 2026: the first 01:30 is EDT (UTC-4).
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

        var due = DigestSchedule.DueAt(new DateOnly(2026, 11, 1), zone, new TimeOnly(1, 30));

        Assert.Equal(new DateTimeOffset(2026, 11, 1, 5, 30, 0, TimeSpan.Zero), due);
    }
}
