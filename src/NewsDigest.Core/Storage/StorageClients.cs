using System.Collections.Concurrent;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace NewsDigest.Storage;

/// <summary>
/// The one pair of Blob and Table service clients the app uses, built from <see cref="StorageOptions"/>.
/// Every table and container name goes through <see cref="TableName"/> / <see cref="ContainerName"/>
/// so that <see cref="StorageOptions.NamePrefix"/> keeps tests and side-by-side deployments apart.
/// </summary>
/// <remarks>
/// Table names are <c>prefix + name</c> (tables allow letters and digits only); container names are
/// <c>prefix + "-" + name</c>, or just <c>name</c> when there is no prefix.
/// </remarks>
internal sealed class StorageClients
{
    private readonly ConcurrentDictionary<string, Lazy<Task>> _created = new(StringComparer.Ordinal);
    private readonly StorageOptions _options;

    public StorageClients(IOptions<StorageOptions> options, StorageRequestCounter? requestCounter = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;

        var blobOptions = new BlobClientOptions();
        var tableOptions = new TableClientOptions();
        ConfigureRetry(blobOptions.Retry);
        ConfigureRetry(tableOptions.Retry);
        if (requestCounter is not null)
        {
            blobOptions.AddPolicy(requestCounter.CreatePolicy(), HttpPipelinePosition.PerRetry);
            tableOptions.AddPolicy(requestCounter.CreatePolicy(), HttpPipelinePosition.PerRetry);
        }

        if (_options.UsesServiceUris)
        {
            TokenCredential credential = string.IsNullOrWhiteSpace(_options.ManagedIdentityClientId)
                ? new DefaultAzureCredential()
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(_options.ManagedIdentityClientId));
            BlobService = new BlobServiceClient(_options.BlobServiceUri, credential, blobOptions);
            TableService = new TableServiceClient(_options.TableServiceUri, credential, tableOptions);
        }
        else
        {
            BlobService = new BlobServiceClient(_options.ConnectionString, blobOptions);
            TableService = new TableServiceClient(_options.ConnectionString, tableOptions);
        }
    }

    public BlobServiceClient BlobService { get; }

    public TableServiceClient TableService { get; }

    public StorageOptions Options => _options;

    /// <summary>The inbox container users upload to (not created here: ingestion only reads it).</summary>
    public BlobContainerClient Inbox => GetContainer(_options.InboxContainer);

    public string TableName(string name) => _options.NamePrefix + name;

    public string ContainerName(string name) =>
        _options.NamePrefix.Length == 0 ? name : _options.NamePrefix + "-" + name;

    /// <summary>A client for <paramref name="name"/> with the prefix applied; the table may not exist yet.</summary>
    public TableClient GetTable(string name) => TableService.GetTableClient(TableName(name));

    /// <summary>A client for <paramref name="name"/> with the prefix applied; the container may not exist yet.</summary>
    public BlobContainerClient GetContainer(string name) => BlobService.GetBlobContainerClient(ContainerName(name));

    /// <summary>The table, created on first use in this process (creation is cached; a failed attempt is retried next time).</summary>
    public async Task<TableClient> GetTableAsync(string name, CancellationToken cancellationToken)
    {
        var table = GetTable(name);
        await EnsureCreatedAsync("table:" + table.Name, ct => table.CreateIfNotExistsAsync(ct), cancellationToken);
        return table;
    }

    /// <summary>The container, created on first use in this process (creation is cached; a failed attempt is retried next time).</summary>
    public async Task<BlobContainerClient> GetContainerAsync(string name, CancellationToken cancellationToken)
    {
        var container = GetContainer(name);
        await EnsureCreatedAsync("container:" + container.Name, ct => container.CreateIfNotExistsAsync(cancellationToken: ct), cancellationToken);
        return container;
    }

    private async Task EnsureCreatedAsync(string key, Func<CancellationToken, Task> create, CancellationToken cancellationToken)
    {
        // The creation is shared by concurrent callers, so it must not die with one caller's token.
        var lazy = _created.GetOrAdd(key, _ => new Lazy<Task>(() => create(CancellationToken.None)));
        try
        {
            await lazy.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (lazy.Value.IsFaulted || lazy.Value.IsCanceled)
        {
            _created.TryRemove(new KeyValuePair<string, Lazy<Task>>(key, lazy));
            throw;
        }
    }

    private static void ConfigureRetry(RetryOptions retry)
    {
        // A few quick retries absorb throttling and blips; a longer outage surfaces as an exception so that
        // the Functions host (or the next reconciliation) retries the whole operation.
        retry.Mode = RetryMode.Exponential;
        retry.MaxRetries = 3;
        retry.Delay = TimeSpan.FromMilliseconds(200);
        retry.MaxDelay = TimeSpan.FromSeconds(4);
        retry.NetworkTimeout = TimeSpan.FromSeconds(60);
    }
}
