namespace NewsDigest.Digest;

/// <summary>
/// When the day's digest is due: from the configured local time on the local date, in an IANA time zone with its
/// daylight-saving rules. The timer runs hourly in UTC, so the first run at or after that moment sends.
/// </summary>
internal static class DigestSchedule
{
    /// <summary>The local date at <paramref name="utcNow"/>, and whether that date's digest is due.</summary>
    public static (DateOnly LocalDate, bool Due) Evaluate(DateTimeOffset utcNow, TimeZoneInfo zone, TimeOnly localTime)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(utcNow, zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        return (date, utcNow >= DueAt(date, zone, localTime));
    }

    /// <summary>
    /// The UTC instant the digest for <paramref name="localDate"/> becomes due. A local time skipped by a spring-forward
    /// transition is due at the first valid local time after it; a repeated one at its first occurrence.
    /// </summary>
    public static DateTimeOffset DueAt(DateOnly localDate, TimeZoneInfo zone, TimeOnly localTime)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = localDate.ToDateTime(localTime, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
