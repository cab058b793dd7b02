using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using NewsDigest.Storage;

namespace NewsDigest.IntegrationTests.Infrastructure;

/// <summary>Uploads to the inbox container of a test's services, the way a user's upload lands there.</summary>
internal static class Inbox
{
    public static async Task UploadAsync(IServiceProvider services, string blobName, byte[] content, string? contentType, CancellationToken cancellationToken)
    {
        var storage = services.GetRequiredService<StorageClients>();
        var inbox = await storage.GetContainerAsync(storage.Options.InboxContainer, cancellationToken);
        await inbox.GetBlobClient(blobName).UploadAsync(
            BinaryData.FromBytes(content),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } },
            cancellationToken);
    }

    public static Task UploadAsync(IServiceProvider services, string blobName, string text, CancellationToken cancellationToken) =>
        UploadAsync(services, blobName, System.Text.Encoding.UTF8.GetBytes(text), "text/plain; charset=utf-8", cancellationToken);

    /// <summary>The seeds/ files, uploaded under their file names; returns the names.</summary>
    public static async Task<IReadOnlyList<string>> UploadSeedsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        foreach (var path in Directory.EnumerateFiles(Path.Combine(NodeTools.RepositoryRoot, "seeds"), "*.txt").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            await UploadAsync(services, name, await File.ReadAllBytesAsync(path, cancellationToken), "text/plain", cancellationToken);
            names.Add(name);
        }

        return names;
    }

    public static string Seed(string prefix) =>
        Directory.EnumerateFiles(Path.Combine(NodeTools.RepositoryRoot, "seeds"), prefix + "_*").Single();

    /// <summary>Every document the services' storage lists.</summary>
    public static async Task<List<DocumentSummary>> ListDocumentsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var documents = new List<DocumentSummary>();
        await foreach (var document in services.GetRequiredService<DocumentRepository>()
            .ListIngestedAsync(DateTimeOffset.UnixEpoch, DateTimeOffset.MaxValue.AddYears(-1), cancellationToken))
        {
            documents.Add(document);
        }

        return documents;
    }

    public static async Task<List<IngestionRecord>> ListRecordsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var records = new List<IngestionRecord>();
        await foreach (var record in services.GetRequiredService<IngestionLedger>().ListAsync(cancellationToken))
        {
            records.Add(record);
        }

        return records;
    }
}
