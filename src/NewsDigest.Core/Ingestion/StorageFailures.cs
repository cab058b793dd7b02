using System.Net.Http;
using System.Net.Sockets;
using Azure;

namespace NewsDigest.Ingestion;

/// <summary>Tells storage outages (worth retrying later) from everything else.</summary>
internal static class StorageFailures
{
    /// <summary>
    /// True for connection failures, timeouts, throttling and server errors, including the
    /// <see cref="AggregateException"/> the Azure SDK throws once its own retries are spent.
    /// </summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        RequestFailedException { Status: 0 or 408 or 429 or >= 500 } => true,
        RequestFailedException => false,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsTransient),
        HttpRequestException or SocketException or IOException or TimeoutException => true,
        TaskCanceledException { InnerException: TimeoutException } => true,
        _ => false,
    };
}
