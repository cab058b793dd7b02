using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using NewsDigest.Digest;

namespace NewsDigest.Delivery;

/// <summary>Sends the digest as one multipart/alternative email (HTML and plain text) over SMTP with MailKit.</summary>
internal sealed class EmailDigestSender(IOptions<EmailOptions> options)
{
    public bool IsEnabled => options.Value.Enabled;

    public async Task SendAsync(string subject, RenderedDigest rendered, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rendered);
        var settings = options.Value;
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From ?? throw new InvalidOperationException("Email:From is not set.")));
        foreach (var recipient in settings.To)
        {
            message.To.Add(MailboxAddress.Parse(recipient));
        }

        message.Subject = string.IsNullOrEmpty(settings.SubjectPrefix) ? subject : settings.SubjectPrefix + " " + subject;
        message.Body = new BodyBuilder { TextBody = rendered.Text, HtmlBody = rendered.Html }.ToMessageBody();

        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        var security = settings.Security switch
        {
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            SmtpSecurity.None => SecureSocketOptions.None,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(settings.Host ?? throw new InvalidOperationException("Email:Host is not set."), settings.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
