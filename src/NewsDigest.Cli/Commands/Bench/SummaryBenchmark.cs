using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsDigest.Digest;
using NewsDigest.Ingestion;
using NewsDigest.Queries;
using NewsDigest.Storage;

namespace NewsDigest.Cli.Commands.Bench;

/// <summary>
/// Latency of <c>GET /api/summary/latest</c>: stores one digest composed by the real digest code from the seed
/// documents, then times the query service in process (one table read and one blob read per 200; one table read per
/// 304) and, unless turned off, the same service behind a loopback HTTP listener.
/// </summary>
internal static class SummaryBenchmark
{
    private const string LatestPath = "/api/summary/latest";

    public static Command Create()
    {
        var requestsOption = new Option<int>("--requests")
        {
            Description = "Requests timed per scenario.",
            DefaultValueFactory = _ => 1000,
        };
        var httpOption = new Option<bool>("--http")
        {
            Description = "Also time the requests through a loopback HTTP listener (--http false to skip).",
            DefaultValueFactory = _ => true,
        };
        var keepOption = new Option<bool>("--keep")
        {
            Description = "Keep the benchmark's tables and containers (prefix 'bench…') instead of deleting them.",
        };
        var command = new Command("summary", "Latency of GET /api/summary/latest against Azurite (or the configured storage); prints p50/p95.")
        {
            requestsOption,
            httpOption,
            keepOption,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            Math.Max(1, parseResult.GetValue(requestsOption)),
            parseResult.GetValue(httpOption),
            parseResult.GetValue(keepOption),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(int requests, bool http, bool keep, CancellationToken cancellationToken)
    {
        var root = RepositoryPaths.FindRoot();
        var prefix = "bench" + RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 8);
        var settings = new Dictionary<string, string?> { ["Storage:NamePrefix"] = prefix };
        using var probe = CliHost.Build();
        await using var azurite = await LocalAzurite.StartUnlessReachableAsync(probe.Services.GetRequiredService<StorageClients>(), root, cancellationToken);
        if (azurite is not null)
        {
            settings["Storage:ConnectionString"] = azurite.ConnectionString;
        }

        using var host = CliHost.Build(builder => builder.AddInMemoryCollection(settings));
        var storage = host.Services.GetRequiredService<StorageClients>();
        try
        {
            var record = await StoreDigestAsync(host.Services, root, cancellationToken);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Storage: {storage.BlobService.Uri} (prefix {prefix}); digest {record.LocalDate:yyyy-MM-dd}: {record.StoryCount} stories from {record.DocumentCount} documents"));

            var queries = host.Services.GetRequiredService<SummaryQueries>();
            var json = new QueryRequest(LatestPath);
            var first = await queries.GetLatestAsync(json, cancellationToken);
            var html = await queries.GetLatestAsync(json with { Accept = "text/html" }, cancellationToken);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Renderings served: JSON {Encoding.UTF8.GetByteCount(first.Body)} bytes, HTML {Encoding.UTF8.GetByteCount(html.Body)} bytes; ETag {first.GetHeader("ETag")}"));
            var revalidate = json with { IfNoneMatch = first.GetHeader("ETag") };

            var scenarios = new (string Name, int Status, Func<CancellationToken, Task<QueryResponse>> Request)[]
            {
                ("in process, JSON, 200 (1 table + 1 blob read)", 200, ct => queries.GetLatestAsync(json, ct)),
                ("in process, HTML, 200 (1 table + 1 blob read)", 200, ct => queries.GetLatestAsync(json with { Accept = "text/html" }, ct)),
                ("in process, If-None-Match, 304 (1 table read)", 304, ct => queries.GetLatestAsync(revalidate, ct)),
            };

            // Both processes (this one's JIT tiers, Azurite's) warm up over the first few hundred calls; time after that.
            foreach (var scenario in scenarios)
            {
                for (var i = 0; i < Warmup(requests); i++)
                {
                    await scenario.Request(cancellationToken);
                }
            }

            Console.WriteLine($"{requests} sequential requests per scenario, after {Warmup(requests)} warm-up requests each:");
            foreach (var scenario in scenarios)
            {
                await TimeAsync(scenario.Name, requests, scenario.Status, scenario.Request, warmup: false, cancellationToken);
            }

            if (http)
            {
                await TimeOverHttpAsync(queries, requests, first.GetHeader("ETag")!, cancellationToken);
            }

            return 0;
        }
        finally
        {
            if (!keep)
            {
                await DeleteAsync(storage, prefix);
            }
        }
    }

    /// <summary>Ingests the seed documents and stores and delivers today's digest of them through the real digest code.</summary>
    private static async Task<DigestRecord> StoreDigestAsync(IServiceProvider services, string? root, CancellationToken cancellationToken)
    {
        var storage = services.GetRequiredService<StorageClients>();
        var ingestion = services.GetRequiredService<IngestionService>();
        var seeds = root is null ? null : Path.Combine(root, "seeds");
        if (seeds is not null && Directory.Exists(seeds))
        {
            var inbox = await storage.GetContainerAsync(storage.Options.InboxContainer, cancellationToken);
            foreach (var path in Directory.EnumerateFiles(seeds, "*.txt").Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(path);
                await inbox.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(await File.ReadAllBytesAsync(path, cancellationToken)), overwrite: true, cancellationToken);
                await ingestion.IngestAsync(name, cancellationToken);
            }
        }
        else
        {
            Console.WriteLine("No seeds/ folder found: the digest will say there is nothing new.");
        }

        var composer = services.GetRequiredService<DigestComposer>();
        var archive = services.GetRequiredService<DigestArchive>();
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DigestOptions>>().Value;
        var composition = await composer.ComposeAsync(composer.LocalToday(), cancellationToken);
        var content = composition.Edition.Content;
        var claimed = await archive.TryClaimAsync(content.LocalDate, content.TimeZone, [], options.DeliveryLease, cancellationToken);
        var claim = claimed.Claim ?? throw new InvalidOperationException($"Could not claim {content.LocalDate:yyyy-MM-dd}: {claimed.Outcome}.");
        claim = await archive.StoreComposedAsync(
            claim, content, composition.Rendered, StoryRepository.SerializeUpdates(composition.Edition.StoryUpdates), cancellationToken);
        return await archive.MarkDeliveredAsync(claim, cancellationToken);
    }

    private static async Task TimeAsync(
        string scenario,
        int requests,
        int expectedStatus,
        Func<CancellationToken, Task<QueryResponse>> request,
        bool warmup,
        CancellationToken cancellationToken)
    {
        for (var i = 0; warmup && i < Warmup(requests); i++)
        {
            await request(cancellationToken);
        }

        var latencies = new double[requests];
        var total = Stopwatch.StartNew();
        for (var i = 0; i < requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var response = await request(cancellationToken);
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (response.StatusCode != expectedStatus)
            {
                throw new InvalidOperationException($"{scenario}: expected {expectedStatus}, got {response.StatusCode}: {response.Body}");
            }
        }

        total.Stop();
        Print(scenario, latencies, total.Elapsed);
    }

    /// <summary>The same service behind <see cref="HttpListener"/> on a loopback port, mapped the way the function maps it.</summary>
    private static async Task TimeOverHttpAsync(SummaryQueries queries, int requests, string etag, CancellationToken cancellationToken)
    {
        var port = LocalAzurite.FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var serving = ServeAsync(listener, queries, stop.Token);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await TimeAsync("over HTTP, JSON, 200", requests, 200, ct => GetAsync(client, null, ct), warmup: true, cancellationToken);
            await TimeAsync("over HTTP, If-None-Match, 304", requests, 304, ct => GetAsync(client, etag, ct), warmup: true, cancellationToken);
        }
        finally
        {
            await stop.CancelAsync();
            listener.Stop();
            await serving;
        }
    }

    private static async Task<QueryResponse> GetAsync(HttpClient client, string? etag, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, LatestPath);
        if (etag is not null)
        {
            message.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        using var response = await client.SendAsync(message, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return new QueryResponse((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), body, new Dictionary<string, string>());
    }

    private static async Task ServeAsync(HttpListener listener, SummaryQueries queries, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().WaitAsync(cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            var request = context.Request;
            var answer = await queries.GetLatestAsync(
                new QueryRequest(
                    request.Url?.AbsolutePath ?? LatestPath,
                    request.QueryString["format"],
                    request.Headers["Accept"],
                    request.Headers["If-None-Match"],
                    request.Headers["If-Modified-Since"]),
                cancellationToken);
            var response = context.Response;
            response.StatusCode = answer.StatusCode;
            foreach (var (name, value) in answer.Headers)
            {
                response.Headers[name] = value;
            }

            if (answer.ContentType is not null)
            {
                response.ContentType = answer.ContentType;
                var bytes = Encoding.UTF8.GetBytes(answer.Body);
                response.ContentLength64 = bytes.Length;
                await response.OutputStream.WriteAsync(bytes, cancellationToken);
            }

            response.Close();
        }
    }

    private static void Print(string scenario, double[] latencies, TimeSpan total)
    {
        Array.Sort(latencies);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  {scenario,-50} p50 {Percentile(latencies, 0.50),6:F2} ms  p95 {Percentile(latencies, 0.95),6:F2} ms  p99 {Percentile(latencies, 0.99),6:F2} ms  max {latencies[^1],7:F2} ms  ({latencies.Length / total.TotalSeconds:F0} req/s)"));
    }

    private static int Warmup(int requests) => Math.Clamp(requests / 2, 1, 500);

    private static double Percentile(double[] sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static async Task DeleteAsync(StorageClients storage, string prefix)
    {
        try
        {
            await foreach (var table in storage.TableService.QueryAsync($"TableName ge '{prefix}' and TableName lt '{prefix}{{'"))
            {
                await storage.TableService.DeleteTableAsync(table.Name);
            }

            await foreach (var container in storage.BlobService.GetBlobContainersAsync(prefix: prefix))
            {
                await storage.BlobService.DeleteBlobContainerAsync(container.Name);
            }
        }
        catch (Azure.RequestFailedException exception)
        {
            Console.Error.WriteLine($"Could not delete the benchmark's tables and containers (prefix {prefix}): {exception.Message}");
        }
    }
}
