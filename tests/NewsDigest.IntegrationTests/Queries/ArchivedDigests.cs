using NewsDigest.Delivery;
using NewsDigest.Digest;

namespace NewsDigest.IntegrationTests.Queries;

/// <summary>Writes digests through the archive's own claim → store → deliver path, as the daily run does.</summary>
internal static class ArchivedDigests
{
    /// <summary>Renderings that name their format and date, so a test can tell which blob it was served.</summary>
    public static RenderedDigest Rendering(DateOnly date) => new(
        Json: $$"""{"localDate":"{{date:yyyy-MM-dd}}","entries":[]}""",
        Html: $"<!DOCTYPE html><html><body><h1>Digest {date:yyyy-MM-dd}</h1><p>Café – ünïcode ✓</p></body></html>",
        Text: $"Digest {date:yyyy-MM-dd}\n",
        Markdown: $"# Digest {date:yyyy-MM-dd}\n",
        Card: """{"type":"message","attachments":[]}""");

    public static async Task<DigestRecord> StoreAsync(
        DigestArchive archive,
        DateOnly date,
        DateTimeOffset composedAt,
        bool deliver,
        CancellationToken cancellationToken)
    {
        var claimed = await archive.TryClaimAsync(date, "Europe/London", [DeliveryChannel.Email], TimeSpan.FromMinutes(5), cancellationToken);
        var claim = claimed.Claim ?? throw new InvalidOperationException($"Could not claim {date}: {claimed.Outcome}.");
        var content = new DigestContent(date, "Europe/London", composedAt, composedAt.AddDays(-1), composedAt, 4, [], null);
        claim = await archive.StoreComposedAsync(claim, content, Rendering(date), "[]", cancellationToken);
        if (!deliver)
        {
            return claim.Record!;
        }

        claim = await archive.RecordChannelAsync(claim, DeliveryChannel.Email, sent: true, error: null, cancellationToken);
        return await archive.MarkDeliveredAsync(claim, cancellationToken);
    }
}
