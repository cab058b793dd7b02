using System.ComponentModel.DataAnnotations;

namespace NewsDigest.Delivery;

/// <summary>Posting the digest to a Teams channel through a Workflows ("When a Teams webhook request is received") URL.</summary>
internal sealed class TeamsOptions : IValidatableObject
{
    public const string SectionName = "Teams";

    public const string HttpClientName = "Teams";

    public bool Enabled { get; set; }

    /// <summary>The workflow's HTTP POST URL; it carries its own signature, so keep it in Key Vault.</summary>
    public string? WebhookUrl { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && (!Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            yield return new ValidationResult("Teams:WebhookUrl must be an absolute https URL when Teams:Enabled is true.", [nameof(WebhookUrl)]);
        }
    }
}
