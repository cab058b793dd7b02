using System.Collections.Concurrent;
using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;

namespace NewsDigest.Storage;

/// <summary>
/// Counts the requests the storage clients send (every try, retries included), and can note what each one was,
/// so a benchmark can report round trips per document. Registered only where something reads it.
/// </summary>
internal sealed class StorageRequestCounter
{
    private readonly ConcurrentQueue<string> _noted = new();
    private long _requests;
    private volatile bool _noting;

    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Starts noting each request as "METHOD target" (cleared first); <see cref="StopNoting"/> returns them.</summary>
    public void StartNoting()
    {
        _noted.Clear();
        _noting = true;
    }

    public IReadOnlyList<string> StopNoting()
    {
        _noting = false;
        return [.. _noted];
    }

    internal HttpPipelinePolicy CreatePolicy() => new CountingPolicy(this);

    private void Count(HttpMessage message)
    {
        Interlocked.Increment(ref _requests);
        if (_noting)
        {
            // Azurite and other emulators put the account in the path; the service puts it in the host name.
            var host = message.Request.Uri.Host;
            var accountInPath = host is "localhost" || IPAddress.TryParse(host, out _);
            _noted.Enqueue(message.Request.Method + " " + Target(message.Request.Uri.Path, accountInPath ? 1 : 0));
        }
    }

    /// <summary>The table or container a request went to, without the account, keys and blob name.</summary>
    private static string Target(string path, int skip)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var target = parts.Length > skip ? parts[skip] : "/";
        var end = target.IndexOfAny(['(', '?']);
        return end >= 0 ? target[..end] : target;
    }

    private sealed class CountingPolicy(StorageRequestCounter counter) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message) => counter.Count(message);
    }
}
