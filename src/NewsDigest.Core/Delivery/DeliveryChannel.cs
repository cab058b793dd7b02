namespace NewsDigest.Delivery;

/// <summary>Where a digest goes; each channel's delivery is recorded separately so a failed one is retried alone.</summary>
internal enum DeliveryChannel
{
    Email,
    Teams,
}

/// <summary>How far one channel got with one digest.</summary>
internal enum ChannelState
{
    /// <summary>The channel is not configured.</summary>
    Off,

    /// <summary>Configured and not sent yet (or the last attempt failed).</summary>
    Pending,

    Sent,

    /// <summary>
    /// A send was started and its outcome could not be recorded (storage failed right after it, or the run was
    /// killed during it). Never sent again: a digest goes out at most once per channel.
    /// </summary>
    Sending,
}
