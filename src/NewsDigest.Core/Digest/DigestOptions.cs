using System.ComponentModel.DataAnnotations;
using System.Globalization;
using NewsDigest.Stories;

namespace NewsDigest.Digest;

/// <summary>When the daily digest goes out and what it contains.</summary>
internal sealed class DigestOptions : IValidatableObject
{
    public const string SectionName = "Digest";

    /// <summary>Local time of day ("HH:mm") from which the day's digest is due.</summary>
    [Required]
    [RegularExpression("^([01][0-9]|2[0-3]):[0-5][0-9]$", ErrorMessage = "Digest:LocalTime must be HH:mm, for example 07:00.")]
    public string LocalTime { get; set; } = "07:00";

    /// <summary>IANA time zone id (for example Europe/London, America/New_York, Asia/Seoul).</summary>
    [Required]
    public string TimeZone { get; set; } = "Europe/London";

    /// <summary>Send a digest that says "nothing new" on days without new documents.</summary>
    public bool SendWhenEmpty { get; set; }

    /// <summary>
    /// Public page with the full digest, linked from the Teams card when the card has to leave stories out
    /// (for example the API's latest-summary URL). <c>{date}</c> is replaced with the digest's local date.
    /// </summary>
    public string? PublicDigestUrl { get; set; }

    /// <summary>Heading of every rendering.</summary>
    [Required]
    [StringLength(120)]
    public string Title { get; set; } = "News digest";

    [Range(1, 200)]
    public int MaxStories { get; set; } = 30;

    /// <summary>How far back the very first digest looks (later ones start where the last delivered one ended).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "3650.00:00:00")]
    public TimeSpan InitialLookback { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A document published this long before the window started is older coverage, not news.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "3650.00:00:00")]
    public TimeSpan OlderCoverageAfter { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How long a story stays open for updates after its latest document.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "365.00:00:00")]
    public TimeSpan StoryMemory { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// Documents (the open stories' and the new ones together) up to which a digest groups the open stories again with
    /// the new documents, so that it decides as one batch of everything would; 0 never regroups.
    /// </summary>
    [Range(0, 100_000)]
    public int RegroupMaxDocuments { get; set; } = StoryRegrouping.DefaultMaxDocuments;

    /// <summary>Largest Teams message to post; Teams refuses messages over 28 KB.</summary>
    [Range(4096, 28 * 1024)]
    public int CardMaxBytes { get; set; } = 27 * 1024;

    /// <summary>How long one run may hold a local date before another run may take it over.</summary>
    [Range(typeof(TimeSpan), "00:00:30", "1.00:00:00")]
    public TimeSpan DeliveryLease { get; set; } = TimeSpan.FromMinutes(10);

    public TimeOnly LocalTimeOfDay => TimeOnly.ParseExact(LocalTime, "HH:mm", CultureInfo.InvariantCulture);

    public TimeZoneInfo FindTimeZone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>The full digest's public address for one date, or null when none is configured.</summary>
    public Uri? FullDigestUrl(DateOnly localDate)
    {
        if (string.IsNullOrWhiteSpace(PublicDigestUrl))
        {
            return null;
        }

        var text = PublicDigestUrl.Replace("{date}", localDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null;
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone ?? string.Empty, out _))
        {
            yield return new ValidationResult(
                $"Digest:TimeZone '{TimeZone}' is not a known time zone; use an IANA id such as Europe/London.", [nameof(TimeZone)]);
        }

        if (!string.IsNullOrWhiteSpace(PublicDigestUrl) && FullDigestUrl(DateOnly.MinValue) is null)
        {
            yield return new ValidationResult("Digest:PublicDigestUrl must be an absolute http(s) URL.", [nameof(PublicDigestUrl)]);
        }
    }
}
