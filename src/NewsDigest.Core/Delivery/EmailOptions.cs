using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace NewsDigest.Delivery;

/// <summary>How TLS is used on the SMTP connection.</summary>
internal enum SmtpSecurity
{
    /// <summary>Plain connection upgraded with STARTTLS, which must be offered (port 587: Office 365, ACS Email, SendGrid).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,

    /// <summary>No TLS: only for a relay on a trusted network or a local test server.</summary>
    None,
}

/// <summary>SMTP delivery of the digest. User name and password usually come from Key Vault references.</summary>
internal sealed class EmailOptions : IValidatableObject
{
    public const string SectionName = "Email";

    public bool Enabled { get; set; }

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>SMTP user; for Azure Communication Services Email the SMTP username of its Entra app.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>Sender, for example <c>News digest &lt;digest@example.com&gt;</c>.</summary>
    public string? From { get; set; }

    public List<string> To { get; set; } = [];

    [StringLength(200)]
    public string SubjectPrefix { get; set; } = string.Empty;

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(Host))
        {
            yield return new ValidationResult("Email:Host is required when Email:Enabled is true.", [nameof(Host)]);
        }

        if (!IsAddress(From))
        {
            yield return new ValidationResult("Email:From must be an email address when Email:Enabled is true.", [nameof(From)]);
        }

        if (To.Count == 0)
        {
            yield return new ValidationResult("Email:To needs at least one recipient when Email:Enabled is true.", [nameof(To)]);
        }

        foreach (var recipient in To.Where(r => !IsAddress(r)))
        {
            yield return new ValidationResult($"Email:To contains '{recipient}', which is not an email address.", [nameof(To)]);
        }

        if (string.IsNullOrEmpty(UserName) != string.IsNullOrEmpty(Password))
        {
            yield return new ValidationResult("Email:UserName and Email:Password go together: set both or neither.", [nameof(UserName)]);
        }
    }

    private static bool IsAddress(string? value) =>
        !string.IsNullOrWhiteSpace(value) && MailboxAddress.TryParse(value, out var mailbox) && mailbox.Address.Contains('@', StringComparison.Ordinal);
}
