using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace NewsDigest.IntegrationTests.Infrastructure;

/// <summary>
/// A real local HTTP endpoint standing in for a Teams Workflows webhook: records every POST body and answers
/// 202 Accepted as the workflow does, or 500 while <see cref="FailNext"/> is above zero.
/// </summary>
internal sealed class WebhookListener : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _failNext;

    public WebhookListener()
    {
        var port = NodeTools.GetFreePort();
        Url = new Uri($"http://127.0.0.1:{port}/workflows/digest");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public Uri Url { get; }

    public ConcurrentQueue<(string ContentType, string Body)> Requests { get; } = new();

    /// <summary>How many of the next requests get a 500.</summary>
    public int FailNext
    {
        get => Volatile.Read(ref _failNext);
        set => Volatile.Write(ref _failNext, value);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
            // Stopping the listener ends the pending GetContextAsync with an exception.
        }

        _listener.Close();
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            if (Interlocked.Decrement(ref _failNext) >= 0)
            {
                context.Response.StatusCode = 500;
            }
            else
            {
                Interlocked.Exchange(ref _failNext, 0);
                Requests.Enqueue((context.Request.ContentType ?? string.Empty, body));
                context.Response.StatusCode = 202;
            }

            context.Response.Close();
        }
    }
}
