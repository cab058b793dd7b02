namespace NewsDigest.Digest;

/// <summary>
/// Stored digests: a row per local date in the digests table, a pointer row to the latest delivered one, and
/// the renderings as blobs, so that serving the latest summary costs one table read and one blob read.
/// </summary>
internal sealed class DigestArchive
{
    public Task<DigestRecord?> GetLatestDeliveredAsync(CancellationToken cancellationToken)
    {
        _ = cancellationToken;
        throw new NotImplementedException("The digest archive is not written yet.");
    }

    public Task<DigestRecord?> GetAsync(DateOnly localDate, CancellationToken cancellationToken)
    {
        _ = localDate;
        _ = cancellationToken;
        throw new NotImplementedException("The digest archive is not written yet.");
    }

    public Task<IReadOnlyList<DigestRecord>> ListAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        _ = from;
        _ = to;
        _ = cancellationToken;
        throw new NotImplementedException("The digest archive is not written yet.");
    }

    /// <summary>The stored rendering of one digest in one format, or null when there is none.</summary>
    public Task<string?> ReadRenderingAsync(DateOnly localDate, DigestFormat format, CancellationToken cancellationToken)
    {
        _ = localDate;
        _ = format;
        _ = cancellationToken;
        throw new NotImplementedException("The digest archive is not written yet.");
    }
}
