using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsDigest.Delivery;
using NewsDigest.Storage;

namespace NewsDigest.Digest;

internal enum DigestRunOutcome
{
    /// <summary>The configured local time has not come yet today.</summary>
    NotDue,

    /// <summary>No channel is configured.</summary>
    NoChannels,

    /// <summary>Nothing new since the last digest, and empty digests are not sent.</summary>
    NothingNew,

    /// <summary>Today's digest went out already.</summary>
    AlreadyDelivered,

    /// <summary>Another run is delivering today's digest right now.</summary>
    Busy,

    /// <summary>Every configured channel has today's digest now.</summary>
    Delivered,

    /// <summary>At least one channel failed; the next run retries only those.</summary>
    Incomplete,
}

/// <summary>What one run did.</summary>
internal sealed record DigestRunResult(
    DigestRunOutcome Outcome,
    DateOnly LocalDate,
    DigestRecord? Record,
    IReadOnlyDictionary<DeliveryChannel, ChannelState> Channels,
    IReadOnlyDictionary<DeliveryChannel, string> Errors);

/// <summary>
/// Sends the day's digest exactly once per local date. Called hourly (UTC): when the configured local time has
/// passed, it claims the date in the digests table (insert-or-conflict plus a lease), composes and stores the
/// digest, sends it to each configured channel that has not had it, and only when every channel has it marks
/// the digest delivered, which advances the watermark and files the documents under their stories.
/// </summary>
internal sealed partial class DailyDigestService(
    DigestComposer composer,
    DigestArchive archive,
    StoryRepository stories,
    EmailDigestSender email,
    TeamsDigestSender teams,
    IOptions<DigestOptions> options,
    TimeProvider timeProvider,
    ILogger<DailyDigestService> logger)
{
    /// <summary>The hourly entry point: sends today's digest if it is due and not sent yet.</summary>
    public Task<DigestRunResult> RunAsync(CancellationToken cancellationToken) => RunCoreAsync(requireDueTime: true, cancellationToken);

    /// <summary>Sends today's digest now, whatever the configured local time (still at most once per local date).</summary>
    public Task<DigestRunResult> SendNowAsync(CancellationToken cancellationToken) => RunCoreAsync(requireDueTime: false, cancellationToken);

    private async Task<DigestRunResult> RunCoreAsync(bool requireDueTime, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var (localDate, due) = DigestSchedule.Evaluate(timeProvider.GetUtcNow(), settings.FindTimeZone(), settings.LocalTimeOfDay);
        var noChannels = new Dictionary<DeliveryChannel, ChannelState>();
        if (requireDueTime && !due)
        {
            return Result(DigestRunOutcome.NotDue, localDate, null, noChannels);
        }

        var channels = new List<DeliveryChannel>();
        if (email.IsEnabled)
        {
            channels.Add(DeliveryChannel.Email);
        }

        if (teams.IsEnabled)
        {
            channels.Add(DeliveryChannel.Teams);
        }

        if (channels.Count == 0)
        {
            LogNoChannels(logger);
            return Result(DigestRunOutcome.NoChannels, localDate, null, noChannels);
        }

        // A digest that went out on an earlier date but was never marked delivered (storage failed after the
        // sends) is finished first, so its documents are not sent again in today's digest.
        if (await archive.FindUnfinishedBeforeAsync(localDate, cancellationToken) is { } unfinished)
        {
            if (unfinished.Delivered)
            {
                // Marked delivered, but the run failed before moving the watermark.
                await archive.MovePointerAsync((await archive.GetAsync(unfinished.Date, cancellationToken))!, cancellationToken);
            }
            else if (await DeliverAsync(unfinished.Date, channels, null, lateRetry: true, cancellationToken) is { Outcome: DigestRunOutcome.Busy } busy)
            {
                return busy;
            }
        }

        var existing = await archive.GetAsync(localDate, cancellationToken);
        if (existing?.DeliveredAt is not null)
        {
            // Delivered by a run that failed before moving the watermark: move it now, so the API shows this digest.
            if ((await archive.GetLatestDeliveredAsync(cancellationToken))?.LocalDate is not { } latest || latest < localDate)
            {
                await archive.MovePointerAsync(existing, cancellationToken);
            }

            return Result(DigestRunOutcome.AlreadyDelivered, localDate, existing, noChannels);
        }

        // Composed before claiming, so an empty day leaves no row behind and a document arriving later today still goes out.
        DigestComposition? composition = null;
        if (existing is null)
        {
            composition = await composer.ComposeAsync(localDate, cancellationToken);
            if (composition.Edition.Content.Entries.Count == 0 && !settings.SendWhenEmpty)
            {
                LogNothingNew(logger, localDate);
                return Result(DigestRunOutcome.NothingNew, localDate, composition.Record, noChannels);
            }
        }

        return await DeliverAsync(localDate, channels, composition, lateRetry: false, cancellationToken);
    }

    /// <summary>
    /// Claims one local date, stores its digest when it is not stored yet, sends it to each channel that has not had
    /// it, and marks it delivered once none is left. With <paramref name="lateRetry"/> (a digest of an earlier date)
    /// the pending channels get one try and the digest is closed whatever they answer, so that a channel that stays
    /// down never holds back later digests; an earlier digest that no channel got is given up instead.
    /// </summary>
    private async Task<DigestRunResult> DeliverAsync(
        DateOnly localDate,
        IReadOnlyList<DeliveryChannel> channels,
        DigestComposition? composition,
        bool lateRetry,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var claimed = await archive.TryClaimAsync(localDate, settings.TimeZone, channels, settings.DeliveryLease, cancellationToken);
        if (claimed.Claim is not { } claim)
        {
            LogNotClaimed(logger, localDate, claimed.Outcome);
            return Result(claimed.Outcome == DigestClaimOutcome.AlreadyDelivered ? DigestRunOutcome.AlreadyDelivered : DigestRunOutcome.Busy, localDate, null, new Dictionary<DeliveryChannel, ChannelState>());
        }

        var errors = new Dictionary<DeliveryChannel, string>();
        var released = false;
        try
        {
            if (lateRetry && !claim.Channels.Values.Any(s => s is ChannelState.Sent or ChannelState.Sending))
            {
                await archive.AbandonAsync(claim, cancellationToken);
                released = true;
                LogAbandoned(logger, localDate);
                return Result(DigestRunOutcome.Incomplete, localDate, claim.Record, claim.Channels, errors);
            }

            RenderedDigest rendered;
            if (claim.Record is null)
            {
                composition ??= await composer.ComposeAsync(localDate, cancellationToken);
                await archive.StoreTermStatisticsAsync(localDate, composition.Statistics, cancellationToken);
                claim = await archive.StoreComposedAsync(
                    claim,
                    composition.Edition.Content,
                    composition.Rendered,
                    StoryRepository.SerializeUpdates(composition.Edition.StoryUpdates),
                    cancellationToken);
                rendered = composition.Rendered;
            }
            else
            {
                // A retry sends exactly what the first attempt stored, so every channel gets the same digest.
                rendered = await ReadRenderedAsync(localDate, cancellationToken);
            }

            var record = claim.Record!;
            foreach (var channel in channels.Where(c => claim.Channels[c] == ChannelState.Pending))
            {
                // Recorded before the send, so a failure to record its outcome never makes the channel send twice.
                claim = await archive.RecordSendingAsync(claim, channel, cancellationToken);
                try
                {
                    await SendAsync(channel, record, rendered, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    errors[channel] = e.Message;
                    LogSendFailed(logger, e, localDate, channel);
                    claim = await archive.RecordChannelAsync(claim, channel, sent: false, e.Message, cancellationToken);
                    continue;
                }

                claim = await archive.RecordChannelAsync(claim, channel, sent: true, null, cancellationToken);
                LogSent(logger, localDate, channel);
            }

            foreach (var channel in claim.Channels.Where(c => c.Value == ChannelState.Sending).Select(c => c.Key))
            {
                LogOutcomeUnknown(logger, localDate, channel);
            }

            if (!lateRetry && claim.Channels.Values.Any(s => s == ChannelState.Pending))
            {
                return Result(DigestRunOutcome.Incomplete, localDate, record, claim.Channels, errors);
            }

            var updates = await archive.ReadStoryUpdatesAsync(localDate, cancellationToken);
            if (updates is not null)
            {
                await stories.SaveAsync(StoryRepository.DeserializeUpdates(updates), record.ComposedAt, cancellationToken);
            }

            record = await archive.MarkDeliveredAsync(claim, cancellationToken);
            released = true;
            LogDelivered(logger, localDate, record.StoryCount, record.DocumentCount);
            return Result(DigestRunOutcome.Delivered, localDate, record, claim.Channels, errors);
        }
        finally
        {
            if (!released)
            {
                await ReleaseQuietlyAsync(claim);
            }
        }
    }

    /// <summary>Releasing is a courtesy (the lease lapses anyway): when storage is down it must not hide the error that got us here.</summary>
    private async Task ReleaseQuietlyAsync(DigestClaim claim)
    {
        try
        {
            await archive.ReleaseAsync(claim, CancellationToken.None);
        }
        catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException or AggregateException or IOException)
        {
            LogReleaseFailed(logger, claim.LocalDate);
        }
    }

    private async Task SendAsync(DeliveryChannel channel, DigestRecord record, RenderedDigest rendered, CancellationToken cancellationToken)
    {
        switch (channel)
        {
            case DeliveryChannel.Email:
                await email.SendAsync(Subject(record), rendered, cancellationToken);
                break;
            case DeliveryChannel.Teams:
                await teams.SendAsync(rendered, cancellationToken);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(channel), channel, null);
        }
    }

    private string Subject(DigestRecord record)
    {
        var stories = record.StoryCount == 1 ? "1 story" : $"{record.StoryCount} stories";
        return $"{options.Value.Title} \u2014 {SafeText.LongDate(record.LocalDate)}: {stories}";
    }

    private async Task<RenderedDigest> ReadRenderedAsync(DateOnly localDate, CancellationToken cancellationToken)
    {
        async Task<string> Read(DigestFormat format) =>
            await archive.ReadRenderingAsync(localDate, format, cancellationToken)
            ?? throw new InvalidOperationException($"The stored digest for {localDate:yyyy-MM-dd} has no {format} rendering.");
        return new RenderedDigest(
            await Read(DigestFormat.Json),
            await Read(DigestFormat.Html),
            await Read(DigestFormat.Text),
            await Read(DigestFormat.Markdown),
            await Read(DigestFormat.Card));
    }

    private static DigestRunResult Result(
        DigestRunOutcome outcome,
        DateOnly localDate,
        DigestRecord? record,
        IReadOnlyDictionary<DeliveryChannel, ChannelState> channels,
        IReadOnlyDictionary<DeliveryChannel, string>? errors = null) =>
        new(outcome, localDate, record, channels, errors ?? new Dictionary<DeliveryChannel, string>());

    [LoggerMessage(Level = LogLevel.Warning, Message = "No delivery channel is enabled (Email:Enabled, Teams:Enabled); the digest is not sent.")]
    private static partial void LogNoChannels(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Nothing new for the digest of {LocalDate}; nothing sent.")]
    private static partial void LogNothingNew(ILogger logger, DateOnly localDate);

    [LoggerMessage(Level = LogLevel.Information, Message = "The digest of {LocalDate} is not ours to send: {Outcome}.")]
    private static partial void LogNotClaimed(ILogger logger, DateOnly localDate, DigestClaimOutcome outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent the digest of {LocalDate} by {Channel}.")]
    private static partial void LogSent(ILogger logger, DateOnly localDate, DeliveryChannel channel);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending the digest of {LocalDate} by {Channel} failed; the next run retries it.")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, DateOnly localDate, DeliveryChannel channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The digest of {LocalDate} was composed but no channel got it; its documents go into the next digest.")]
    private static partial void LogAbandoned(ILogger logger, DateOnly localDate);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending the digest of {LocalDate} by {Channel} was started but its outcome was not recorded; it is not sent again.")]
    private static partial void LogOutcomeUnknown(ILogger logger, DateOnly localDate, DeliveryChannel channel);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not release the claim on the digest of {LocalDate}; its lease lapses by itself.")]
    private static partial void LogReleaseFailed(ILogger logger, DateOnly localDate);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivered the digest of {LocalDate}: {StoryCount} stories from {DocumentCount} documents.")]
    private static partial void LogDelivered(ILogger logger, DateOnly localDate, int storyCount, int documentCount);
}
