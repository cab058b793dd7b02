using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using NewsDigest.Delivery;
using NewsDigest.Storage;
using NewsDigest.Stories;

namespace NewsDigest.Digest;

/// <summary>
/// Stored digests: a row per local date in the digests table, a pointer row to the latest delivered one, and
/// the renderings as blobs, so that serving the latest summary costs one table read and one blob read.
/// </summary>
/// <remarks>
/// The date row is also the claim that makes delivery happen once per local date: it is inserted (insert fails
/// on conflict) before anything is sent, carries a lease so that two instances never work on it at once, and
/// records each channel's state so that a retry sends only to the channels that have not had the digest.
/// The pointer row's window end is the watermark: the next digest covers what was ingested after it.
/// </remarks>
internal sealed partial class DigestArchive(StorageClients clients, TimeProvider timeProvider)
{
    public const string TableName = "digests";

    private const string DatePartition = "date";
    private const string PointerPartition = "pointer";
    private const string PointerRow = "latestdelivered";

    public async Task<DigestRecord?> GetLatestDeliveredAsync(CancellationToken cancellationToken)
    {
        var row = await GetRowAsync(PointerPartition, PointerRow, cancellationToken);
        return row is null ? null : ToRecord(row, DateOnly.ParseExact(row.GetString("LocalDate"), "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>The digest composed for one local date (delivered or not yet), or null when there is none.</summary>
    public async Task<DigestRecord?> GetAsync(DateOnly localDate, CancellationToken cancellationToken)
    {
        var row = await GetRowAsync(DatePartition, DateKey(localDate), cancellationToken);
        return row is null || !IsComposed(row) ? null : ToRecord(row, localDate);
    }

    /// <summary>Composed digests from <paramref name="from"/> to <paramref name="to"/> (both inclusive), oldest first.</summary>
    public async Task<IReadOnlyList<DigestRecord>> ListAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var records = new List<DigestRecord>();
        var table = clients.GetTable(TableName);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {DatePartition} and RowKey ge {DateKey(from)} and RowKey le {DateKey(to)}");
        try
        {
            await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                if (IsComposed(row))
                {
                    records.Add(ToRecord(row, DateOnly.ParseExact(row.RowKey, "yyyy-MM-dd", CultureInfo.InvariantCulture)));
                }
            }
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return [];
        }

        return records;
    }

    /// <summary>The stored rendering of one digest in one format, or null when there is none.</summary>
    public async Task<string?> ReadRenderingAsync(DateOnly localDate, DigestFormat format, CancellationToken cancellationToken)
    {
        var blob = clients.GetContainer(clients.Options.DigestContainer).GetBlobClient(BlobName(localDate, format));
        try
        {
            var content = await blob.DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToString();
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Where the next digest's window starts: the end of the last delivered digest's window, or null before the first.</summary>
    public async Task<DateTimeOffset?> GetWatermarkAsync(CancellationToken cancellationToken) =>
        (await GetLatestDeliveredAsync(cancellationToken))?.WindowEnd;

    /// <summary>Stores the renderings (blobs first, then the row), so a crash in between leaves a claim to redo, never a row without blobs.</summary>
    public async Task<DigestClaim> StoreComposedAsync(
        DigestClaim claim,
        DigestContent content,
        RenderedDigest rendered,
        string storyUpdates,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(rendered);
        var container = await clients.GetContainerAsync(clients.Options.DigestContainer, cancellationToken);
        foreach (var format in Enum.GetValues<DigestFormat>())
        {
            var blob = container.GetBlobClient(BlobName(claim.LocalDate, format));
            await blob.UploadAsync(
                BinaryData.FromString(rendered.Get(format)),
                new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = ContentType(format) } },
                cancellationToken);
        }

        await container.GetBlobClient(StoryUpdatesBlobName(claim.LocalDate)).UploadAsync(
            BinaryData.FromString(storyUpdates),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } },
            cancellationToken);

        var record = new DigestRecord(
            content.LocalDate,
            content.TimeZone,
            content.ComposedAt,
            null,
            content.WindowStart,
            content.WindowEnd,
            content.Entries.Count,
            content.DocumentCount,
            ComputeETag(rendered));
        var update = new TableEntity(DatePartition, DateKey(claim.LocalDate)) { ["State"] = "Composed" };
        WriteRecord(update, record);
        var etag = await UpdateOwnedAsync(claim, update, cancellationToken);
        return claim with { ETag = etag, Record = record };
    }

    /// <summary>
    /// Stores the term statistics a digest was grouped with, its own documents included. Written before the digest's
    /// row, so a stored digest always has them; the next digest starts from those of the last delivered one, so a
    /// digest composed but never delivered never counts its documents twice.
    /// </summary>
    public async Task StoreTermStatisticsAsync(DateOnly localDate, TermStatistics statistics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var container = await clients.GetContainerAsync(clients.Options.DigestContainer, cancellationToken);
        using var buffer = new MemoryStream();
        statistics.WriteTo(buffer);
        buffer.Position = 0;
        await container.GetBlobClient(TermStatisticsBlobName(localDate)).UploadAsync(
            buffer,
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/tab-separated-values", ContentEncoding = "gzip" } },
            cancellationToken);
    }

    /// <summary>The term statistics stored with a digest; null when there are none or they cannot be read.</summary>
    public async Task<TermStatistics?> ReadTermStatisticsAsync(DateOnly localDate, CancellationToken cancellationToken)
    {
        var blob = clients.GetContainer(clients.Options.DigestContainer).GetBlobClient(TermStatisticsBlobName(localDate));
        try
        {
            var download = await blob.DownloadStreamingAsync(cancellationToken: cancellationToken);
            await using var content = download.Value.Content;
            using var buffer = new MemoryStream();
            await content.CopyToAsync(buffer, cancellationToken);
            buffer.Position = 0;
            return TermStatistics.ReadFrom(buffer);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The story changes stored with a composed digest, applied once it is delivered.</summary>
    public async Task<string?> ReadStoryUpdatesAsync(DateOnly localDate, CancellationToken cancellationToken)
    {
        var blob = clients.GetContainer(clients.Options.DigestContainer).GetBlobClient(StoryUpdatesBlobName(localDate));
        try
        {
            return (await blob.DownloadContentAsync(cancellationToken)).Value.Content.ToString();
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Marks the digest delivered and moves the latest-delivered pointer (and with it the watermark) to it.</summary>
    public async Task<DigestRecord> MarkDeliveredAsync(DigestClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var record = (claim.Record ?? throw new InvalidOperationException("A digest is delivered only after it is composed."))
            with { DeliveredAt = timeProvider.GetUtcNow() };
        var update = new TableEntity(DatePartition, DateKey(claim.LocalDate))
        {
            ["State"] = "Delivered",
            ["DeliveredAt"] = record.DeliveredAt,
            ["LeaseUntil"] = timeProvider.GetUtcNow(),
        };
        await UpdateOwnedAsync(claim, update, cancellationToken);
        await MovePointerAsync(record, cancellationToken);
        return record;
    }

    /// <summary>Moves the latest-delivered pointer (the watermark) to a delivered digest, unless it points at a later one.</summary>
    public async Task MovePointerAsync(DigestRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var table = await clients.GetTableAsync(TableName, cancellationToken);
        var pointer = await GetRowAsync(PointerPartition, PointerRow, cancellationToken);
        if (pointer is null || string.CompareOrdinal(pointer.GetString("LocalDate"), DateKey(record.LocalDate)) <= 0)
        {
            var row = new TableEntity(PointerPartition, PointerRow) { ["LocalDate"] = DateKey(record.LocalDate) };
            WriteRecord(row, record);
            await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
        }
    }

    internal static string BlobName(DateOnly localDate, DigestFormat format) => DateKey(localDate) + "/" + format switch
    {
        DigestFormat.Json => "digest.json",
        DigestFormat.Html => "digest.html",
        DigestFormat.Text => "digest.txt",
        DigestFormat.Markdown => "digest.md",
        DigestFormat.Card => "digest.card.json",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    internal static string ContentType(DigestFormat format) => format switch
    {
        DigestFormat.Json => "application/json; charset=utf-8",
        DigestFormat.Html => "text/html; charset=utf-8",
        DigestFormat.Text => "text/plain; charset=utf-8",
        DigestFormat.Markdown => "text/markdown; charset=utf-8",
        DigestFormat.Card => "application/json; charset=utf-8",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>A strong validator over every rendering, quoted as HTTP sends it.</summary>
    internal static string ComputeETag(RenderedDigest rendered)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var format in Enum.GetValues<DigestFormat>())
        {
            hash.AppendData(Encoding.UTF8.GetBytes(rendered.Get(format)));
            hash.AppendData([0]);
        }

        return "\"" + Convert.ToHexStringLower(hash.GetHashAndReset())[..32] + "\"";
    }

    private static string StoryUpdatesBlobName(DateOnly localDate) => DateKey(localDate) + "/stories.json";

    private static string TermStatisticsBlobName(DateOnly localDate) => DateKey(localDate) + "/term-statistics.tsv.gz";

    private static string DateKey(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool IsComposed(TableEntity row) => row.GetString("State") is "Composed" or "Delivered";

    private async Task<TableEntity?> GetRowAsync(string partition, string row, CancellationToken cancellationToken)
    {
        var table = clients.GetTable(TableName);
        try
        {
            var response = await table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken);
            return response.HasValue ? response.Value : null;
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            // The table itself does not exist before the first digest.
            return null;
        }
    }

    private static void WriteRecord(TableEntity row, DigestRecord record)
    {
        row["TimeZone"] = record.TimeZone;
        row["ComposedAt"] = record.ComposedAt;
        row["DeliveredAt"] = record.DeliveredAt;
        row["WindowStart"] = record.WindowStart;
        row["WindowEnd"] = record.WindowEnd;
        row["StoryCount"] = record.StoryCount;
        row["DocumentCount"] = record.DocumentCount;
        row["RenderingETag"] = record.ETag;
    }

    private static DigestRecord ToRecord(TableEntity row, DateOnly localDate) => new(
        localDate,
        row.GetString("TimeZone") ?? "UTC",
        row.GetDateTimeOffset("ComposedAt") ?? DateTimeOffset.MinValue,
        row.GetDateTimeOffset("DeliveredAt"),
        row.GetDateTimeOffset("WindowStart") ?? DateTimeOffset.MinValue,
        row.GetDateTimeOffset("WindowEnd") ?? DateTimeOffset.MinValue,
        row.GetInt32("StoryCount") ?? 0,
        row.GetInt32("DocumentCount") ?? 0,
        row.GetString("RenderingETag") ?? "\"\"");

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
