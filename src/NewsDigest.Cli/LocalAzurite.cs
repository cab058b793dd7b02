using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using NewsDigest.Storage;

namespace NewsDigest.Cli;

/// <summary>
/// Azurite from the repository's eng/tools (npm packages pinned in package-lock.json), started on free loopback
/// ports with in-memory storage and stopped (whole process tree) on dispose.
/// </summary>
internal sealed class LocalAzurite : IAsyncDisposable
{
    private readonly Process _process;

    private LocalAzurite(Process process, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        ConnectionString =
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
            "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
            $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;" +
            $"QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";
    }

    public string ConnectionString { get; }

    /// <summary>
    /// Null when the configured storage is a remote account that answers; else a fresh in-memory Azurite (installing
    /// eng/tools first when needed). A local emulator is never used: the one eng/run.sh starts keeps its data in
    /// .local/azurite, and a benchmark's hundreds of megabytes stay there even after its containers are deleted.
    /// </summary>
    public static async Task<LocalAzurite?> StartUnlessReachableAsync(StorageClients configured, string? repositoryRoot, CancellationToken cancellationToken)
    {
        if (!configured.BlobService.Uri.IsLoopback && IsListening(configured.BlobService.Uri) && IsListening(configured.TableService.Uri))
        {
            return null;
        }

        if (repositoryRoot is null)
        {
            throw new InvalidOperationException(
                $"Storage at {configured.BlobService.Uri} is not reachable and no repository (FunctionsApp.sln) is above the current directory to start Azurite from.");
        }

        var tools = Path.Combine(repositoryRoot, "eng", "tools");
        var azurite = Path.Combine(tools, "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite.cmd" : "azurite");
        if (!File.Exists(azurite))
        {
            Console.WriteLine($"Installing the local services: npm ci in {tools}");
            using var npm = Process.Start(new ProcessStartInfo("npm", "ci --no-audit --no-fund --loglevel=error") { WorkingDirectory = tools })
                ?? throw new InvalidOperationException("Could not start npm.");
            await npm.WaitForExitAsync(cancellationToken);
            if (npm.ExitCode != 0 || !File.Exists(azurite))
            {
                throw new InvalidOperationException($"npm ci in {tools} did not install Azurite.");
            }
        }

        var (blobPort, queuePort, tablePort) = (FreePort(), FreePort(), FreePort());
        var startInfo = new ProcessStartInfo(azurite) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "--blobHost", "127.0.0.1", "--blobPort", blobPort.ToString(CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", queuePort.ToString(CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", tablePort.ToString(CultureInfo.InvariantCulture),
            "--inMemoryPersistence", "--silent", "--skipApiVersionCheck", "--loose",
        })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {azurite}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var local = new LocalAzurite(process, blobPort, queuePort, tablePort);
        var waited = Stopwatch.StartNew();
        while (!IsListening(blobPort) || !IsListening(tablePort))
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(30) || process.HasExited)
            {
                await local.DisposeAsync();
                throw new InvalidOperationException($"Azurite ({azurite}) did not start listening on 127.0.0.1:{blobPort}/{tablePort}.");
            }

            await Task.Delay(100, cancellationToken);
        }

        Console.WriteLine($"Storage at {configured.BlobService.Uri} is not reachable: started {azurite} on 127.0.0.1 ports {blobPort} (blob), {tablePort} (table), in memory, for this run.");
        return local;
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static bool IsListening(Uri endpoint) =>
        (endpoint.IsLoopback || endpoint.Host is "localhost" or "127.0.0.1") ? IsListening(endpoint.Port) : true;

    private static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            return client.ConnectAsync(IPAddress.Loopback, port).Wait(TimeSpan.FromMilliseconds(300)) && client.Connected;
        }
        catch (AggregateException)
        {
            return false;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>A loopback TCP port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
