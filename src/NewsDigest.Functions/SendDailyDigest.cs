using Microsoft.Azure.Functions.Worker;
using NewsDigest.Digest;

namespace NewsDigest.Functions;

/// <summary>Checks every hour (UTC) whether the day's digest is due in the configured time zone, and sends it once.</summary>
/// <remarks>
/// An hourly UTC timer rather than a daily one keeps the send time right across daylight-saving changes; the
/// service decides whether the digest is due, claims the local date and records each channel, so extra or
/// late runs send nothing twice.
/// </remarks>
internal sealed class SendDailyDigest(DailyDigestService digests)
{
    [Function(nameof(SendDailyDigest))]
    public async Task RunAsync([TimerTrigger("0 5 * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        await digests.RunAsync(cancellationToken);
    }
}
