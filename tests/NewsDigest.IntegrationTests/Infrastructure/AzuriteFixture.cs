using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsDigest.IntegrationTests.Infrastructure;

[assembly: AssemblyFixture(typeof(AzuriteFixture))]

namespace NewsDigest.IntegrationTests.Infrastructure;

/// <summary>
/// One Azurite for the whole test run: the one already listening on 127.0.0.1:10000/10001/10002 when there is
/// one, else a private instance started from <c>eng/tools</c> on free ports (in memory) and stopped afterwards.
/// Tests share it safely because each builds its services with its own <see cref="NewPrefix"/> for table and
/// container names.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>Azurite's well-known development account key (public, not a secret).</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public const string AccountName = "devstoreaccount1";

    private readonly ConcurrentQueue<string> _recentOutput = new();
    private readonly ConcurrentBag<string> _prefixes = [];
    private Process? _process;
    private bool _portsChosen;

    public int BlobPort { get; private set; } = 10000;

    public int QueuePort { get; private set; } = 10001;

    public int TablePort { get; private set; } = 10002;

    /// <summary>True when this fixture started Azurite (and so may stop and restart it).</summary>
    public bool OwnsProcess => _process is not null;

    public string ConnectionString => BuildConnectionString(BlobPort, QueuePort, TablePort);

    public async ValueTask InitializeAsync()
    {
        if (NodeTools.IsListening(10000) && NodeTools.IsListening(10002))
        {
            return;
        }

        await StartAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (OwnsProcess)
        {
            Stop();
            return;
        }

        // A shared Azurite outlives the run: remove what this run created in it.
        await DeleteCreatedResourcesAsync();
    }

    /// <summary>A connection string for the Azurite account at the given ports.</summary>
    public static string BuildConnectionString(int blobPort, int queuePort, int tablePort) =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{queuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/{AccountName};";

    /// <summary>
    /// The same account with the blob and/or table endpoint moved to another port (for example a port nothing
    /// listens on, from <see cref="NodeTools.GetFreePort"/>): storage that is down for the services built with it.
    /// </summary>
    public string ConnectionStringWith(int? blobPort = null, int? tablePort = null) =>
        BuildConnectionString(blobPort ?? BlobPort, QueuePort, tablePort ?? TablePort);

    /// <summary>A fresh name prefix ("t" + 10 random lower-case letters and digits), remembered for clean-up.</summary>
    public string NewPrefix()
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        var prefix = "t" + RandomNumberGenerator.GetString(alphabet, 10);
        _prefixes.Add(prefix);
        return prefix;
    }

    /// <summary>
    /// The app's services (<c>AddNewsDigest</c>) against this Azurite with a fresh <see cref="NewPrefix"/>.
    /// <paramref name="configure"/> may change or add settings (keys like <c>Storage:NamePrefix</c>,
    /// <c>Normalization:MaxDocumentBytes</c>); <paramref name="timeProvider"/> replaces the system clock.
    /// </summary>
    public ServiceProvider CreateServices(Action<Dictionary<string, string?>>? configure = null, TimeProvider? timeProvider = null)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Storage:ConnectionString"] = ConnectionString,
            ["Storage:NamePrefix"] = NewPrefix(),
        };
        configure?.Invoke(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddNewsDigest(configuration);
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }

        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false, ValidateScopes = true });
    }

    /// <summary>Starts the fixture's own Azurite on free ports (or, after <see cref="Stop"/>, on the same ports again).</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var azurite = await NodeTools.GetToolAsync("azurite", cancellationToken);
        var restart = _portsChosen;
        for (var attempt = 1; ; attempt++)
        {
            if (!restart)
            {
                (BlobPort, QueuePort, TablePort) = (NodeTools.GetFreePort(), NodeTools.GetFreePort(), NodeTools.GetFreePort());
                _portsChosen = true;
            }

            _process = StartProcess(azurite);
            try
            {
                await WaitUntilListeningAsync(_process, cancellationToken);
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
                // Another process may have taken one of the free ports in between: try new ones.
                Stop();
                restart = false;
            }
            catch (TimeoutException exception)
            {
                Stop();
                throw new InvalidOperationException($"Azurite did not start: {string.Join(Environment.NewLine, _recentOutput)}", exception);
            }
        }
    }

    /// <summary>Stops the fixture's own Azurite (whole process tree). Only for a test that owns the run: others share it.</summary>
    public void Stop()
    {
        if (_process is null)
        {
            return;
        }

        NodeTools.Stop(_process);
        _process = null;
    }

    private async Task WaitUntilListeningAsync(Process process, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (!NodeTools.IsListening(BlobPort) || !NodeTools.IsListening(TablePort))
        {
            if (process.HasExited || waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException($"Azurite is not listening on 127.0.0.1:{BlobPort} and {TablePort}.");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private Process StartProcess(string azurite)
    {
        var fileName = OperatingSystem.IsWindows() ? azurite + ".cmd" : azurite;
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--inMemoryPersistence", "--silent", "--skipApiVersionCheck", "--loose",
        })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        _recentOutput.Enqueue(line);
        while (_recentOutput.Count > 50)
        {
            _recentOutput.TryDequeue(out _);
        }
    }

    private async Task DeleteCreatedResourcesAsync()
    {
        if (_prefixes.IsEmpty)
        {
            return;
        }

        try
        {
            var tables = new TableServiceClient(ConnectionString);
            var blobs = new BlobServiceClient(ConnectionString);
            foreach (var prefix in _prefixes)
            {
                await foreach (var table in tables.QueryAsync($"TableName ge '{prefix}' and TableName lt '{prefix}{{'"))
                {
                    await tables.DeleteTableAsync(table.Name);
                }

                await foreach (var container in blobs.GetBlobContainersAsync(prefix: prefix))
                {
                    await blobs.DeleteBlobContainerAsync(container.Name);
                }
            }
        }
        catch (Azure.RequestFailedException)
        {
            // Clean-up is a courtesy; a shared Azurite that went away has nothing left to clean.
        }
    }
}
