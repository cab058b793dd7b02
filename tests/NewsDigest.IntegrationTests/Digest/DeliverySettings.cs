using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsDigest.Ingestion;
using NewsDigest.IntegrationTests.Infrastructure;

namespace NewsDigest.IntegrationTests.Digest;

/// <summary>What the delivery tests share: both channels pointed at local servers, and the seeds ingested.</summary>
internal static class DeliverySettings
{
    /// <summary>A 07:00 London digest by email to a local SMTP server (no TLS) and to a local Teams webhook listener.</summary>
    public static void BothChannels(Dictionary<string, string?> settings, string prefix, string recipient, int smtpPort, Uri teamsWebhook)
    {
        settings["Storage:NamePrefix"] = prefix;
        settings["Digest:TimeZone"] = "Europe/London";
        settings["Digest:LocalTime"] = "07:00";
        settings["Email:Enabled"] = "true";
        settings["Email:Host"] = "127.0.0.1";
        settings["Email:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture);
        settings["Email:Security"] = "None";
        settings["Email:From"] = "News digest <digest@newsdigest.test>";
        settings["Email:To:0"] = recipient;
        settings["Email:Timeout"] = "00:00:10";
        settings["Teams:Enabled"] = "true";
        settings["Teams:WebhookUrl"] = teamsWebhook.AbsoluteUri;
    }

    /// <summary>Uploads and ingests the seeds, then moves a fake clock past the ingestion time (the window ends at "now").</summary>
    public static async Task IngestSeedsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var ingestion = services.GetRequiredService<IngestionService>();
        foreach (var name in await Inbox.UploadSeedsAsync(services, cancellationToken))
        {
            await ingestion.IngestAsync(name, cancellationToken);
        }

        if (services.GetRequiredService<TimeProvider>() is FakeTimeProvider clock)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
        }
    }
}
