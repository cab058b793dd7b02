using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NewsDigest.IntegrationTests.Infrastructure;

/// <summary>
/// A TCP forwarder to one Azurite port that lets the first <see cref="AllowedRequests"/> HTTP requests through and
/// then behaves like storage that went down: it drops the connection carrying the next request and every later one.
/// Lets a test stop storage at an exact step of an operation without disturbing the tests sharing Azurite.
/// </summary>
public sealed class FailingProxy : IAsyncDisposable
{
    private static readonly byte[] RequestLineEnd = Encoding.ASCII.GetBytes(" HTTP/1.1\r\n");

    private readonly TcpListener _listener;
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;
    private int _requests;

    public FailingProxy(int targetPort, int allowedRequests)
    {
        _targetPort = targetPort;
        AllowedRequests = allowedRequests;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    public int AllowedRequests { get; }

    /// <summary>Requests seen so far, including the one that was refused.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public bool HasFailed => Requests > AllowedRequests;

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }
        catch (SocketException)
        {
        }

        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            _ = Task.Run(() => ForwardAsync(client));
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        using var _ = client;
        if (HasFailed)
        {
            return;
        }

        using var server = new TcpClient();
        try
        {
            await server.ConnectAsync(IPAddress.Loopback, _targetPort, _stopping.Token);
            using var connection = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            var up = CopyRequestsAsync(client.GetStream(), server.GetStream(), connection.Token);
            var down = server.GetStream().CopyToAsync(client.GetStream(), connection.Token);
            await Task.WhenAny(up, down);
            await connection.CancelAsync();
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Either side went away: the connection ends, which is all a proxy has to do.
        }
    }

    private async Task CopyRequestsAsync(NetworkStream from, NetworkStream to, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var read = await from.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                return;
            }

            var requests = Count(buffer.AsSpan(0, read));
            if (requests > 0 && Interlocked.Add(ref _requests, requests) > AllowedRequests)
            {
                return;
            }

            if (HasFailed)
            {
                return;
            }

            await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }

    private static int Count(ReadOnlySpan<byte> data)
    {
        var count = 0;
        for (var index = data.IndexOf(RequestLineEnd); index >= 0; index = data.IndexOf(RequestLineEnd))
        {
            count++;
            data = data[(index + RequestLineEnd.Length)..];
        }

        return count;
    }
}
