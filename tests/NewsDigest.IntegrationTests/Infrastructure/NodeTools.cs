using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NewsDigest.IntegrationTests.Infrastructure;

/// <summary>
/// The local services the tests run for real (Azurite, MailDev) come from the npm packages pinned in
/// <c>eng/tools/package-lock.json</c>; the first test run on a machine installs them.
/// </summary>
internal static class NodeTools
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string ToolsDirectory => Path.Combine(RepositoryRoot, "eng", "tools");

    /// <summary>Path of an installed tool's launcher in <c>eng/tools/node_modules/.bin</c>, installing the tools first when needed.</summary>
    public static async Task<string> GetToolAsync(string name, CancellationToken cancellationToken)
    {
        var path = Path.Combine(ToolsDirectory, "node_modules", ".bin", name);
        if (File.Exists(path))
        {
            return path;
        }

        await InstallLock.WaitAsync(cancellationToken);
        try
        {
            if (!File.Exists(path))
            {
                await RunAsync("npm", "ci --no-audit --no-fund --loglevel=error", ToolsDirectory, TimeSpan.FromMinutes(10), cancellationToken);
            }
        }
        finally
        {
            InstallLock.Release();
        }

        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"npm ci in {ToolsDirectory} did not install '{name}'.");
    }

    /// <summary>A TCP port on the loopback interface that nothing listens on right now.</summary>
    public static int GetFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Whether something accepts TCP connections on the loopback port.</summary>
    public static bool IsListening(int port)
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

    /// <summary>Stops a started tool and everything it started; a process that already exited is fine.</summary>
    public static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        finally
        {
            process.Dispose();
        }
    }

    /// <summary>Waits until something listens on the port, or fails after <paramref name="timeout"/>.</summary>
    public static async Task WaitForPortAsync(int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (!IsListening(port))
        {
            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"Nothing listened on 127.0.0.1:{port} within {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private static async Task RunAsync(string fileName, string arguments, string workingDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var process = Process.Start(new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        await process.WaitForExitAsync(timeoutSource.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {arguments} exited with {process.ExitCode}: {await error}{await output}");
        }
    }

    private static string FindRepositoryRoot() =>
        typeof(NodeTools).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .First(a => a.Key == "RepositoryRoot").Value!;
}
