using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsDigest.Ingestion;
using NewsDigest.Normalization;
using NewsDigest.Storage;

namespace NewsDigest.Cli.Commands.Bench;

/// <summary>
/// Uploads the readability corpus pages (repeated, each copy made distinct) to an inbox and ingests them with the
/// real <see cref="IngestionService"/>, printing throughput and per-document latency. Uses the configured storage
/// when it answers, else starts Azurite from eng/tools on free ports, in memory, for the run.
/// </summary>
internal static partial class IngestionBenchmark
{
    public static Command Create()
    {
        var documentsOption = new Option<int>("--documents")
        {
            Description = "How many documents to upload and ingest.",
            DefaultValueFactory = _ => 2000,
        };
        var parallelismOption = new Option<int>("--parallelism")
        {
            Description = "Documents uploaded and ingested at once.",
            DefaultValueFactory = _ => 8,
        };
        var corpusOption = new Option<DirectoryInfo?>("--corpus")
        {
            Description = "Folder of test pages (<case>/source.html). Default: ../shared/corpora/readability-test-pages beside the repository.",
        };
        var keepOption = new Option<bool>("--keep")
        {
            Description = "Keep the benchmark's tables and containers (prefix 'bench…') instead of deleting them.",
        };
        var command = new Command("ingest", "Upload and ingest documents against Azurite (or the configured storage); print documents/s and p50/p95 latency.")
        {
            documentsOption,
            parallelismOption,
            corpusOption,
            keepOption,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            Math.Max(1, parseResult.GetValue(documentsOption)),
            Math.Max(1, parseResult.GetValue(parallelismOption)),
            parseResult.GetValue(corpusOption),
            parseResult.GetValue(keepOption),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(int count, int parallelism, DirectoryInfo? corpusOption, bool keep, CancellationToken cancellationToken)
    {
        var root = RepositoryPaths.FindRoot();
        var corpus = corpusOption?.FullName
            ?? (root is null ? null : Path.GetFullPath(Path.Combine(root, "..", "shared", "corpora", "readability-test-pages")));
        if (corpus is null || !Directory.Exists(corpus))
        {
            Console.WriteLine($"bench ingest: skipped, corpus folder not found ({corpus ?? "no FunctionsApp.sln above the current directory"}).");
            return 0;
        }

        var pages = Directory.EnumerateDirectories(corpus)
            .Select(d => Path.Combine(d, "source.html"))
            .Where(File.Exists)
            .Order(StringComparer.Ordinal)
            .Select(path => (Name: Path.GetFileName(Path.GetDirectoryName(path))!, Html: File.ReadAllText(path)))
            .ToList();
        if (pages.Count == 0)
        {
            Console.WriteLine($"bench ingest: skipped, no */source.html under {corpus}.");
            return 0;
        }

        var prefix = "bench" + RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 8);
        var settings = new Dictionary<string, string?> { ["Storage:NamePrefix"] = prefix };
        using var probe = CliHost.Build();
        var configured = probe.Services.GetRequiredService<StorageClients>();
        await using var azurite = await LocalAzurite.StartUnlessReachableAsync(configured, root, cancellationToken);
        if (azurite is not null)
        {
            settings["Storage:ConnectionString"] = azurite.ConnectionString;
        }

        var requests = new StorageRequestCounter();
        using var host = CliHost.Build(builder => builder.AddInMemoryCollection(settings), services => services.AddSingleton(requests));
        var storage = host.Services.GetRequiredService<StorageClients>();
        var ingestion = host.Services.GetRequiredService<IngestionService>();
        Console.WriteLine($"Storage: {storage.BlobService.Uri} (prefix {prefix}); corpus: {corpus} ({pages.Count} pages); {count} documents, parallelism {parallelism}");

        try
        {
            var inbox = await storage.GetContainerAsync(storage.Options.InboxContainer, cancellationToken);
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };

            // Warm-up (tables and containers created, code compiled, connections open), not part of the figures.
            var warmUp = Math.Clamp(count / 10, parallelism, 200);
            var warmUpNames = await UploadAsync(inbox, pages, count, warmUp, "warmup", parallel);
            await Parallel.ForEachAsync(warmUpNames.Names, parallel, async (name, ct) => await ingestion.IngestAsync(name, ct));

            var upload = Stopwatch.StartNew();
            var (names, bytes) = await UploadAsync(inbox, pages, 0, count, "run", parallel);
            upload.Stop();
            using var progress = new CommandLine.ProgressReporter("bench ingest", count, "documents ingested");

            var latencies = new double[count];
            var outcomes = new IngestionStatus[count];
            var requestsBefore = requests.Requests;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
            var ingest = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, count), parallel, async (i, ct) =>
            {
                var started = Stopwatch.GetTimestamp();
                outcomes[i] = (await ingestion.IngestAsync(names[i], ct)).Status;
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                progress.Advance();
            });
            ingest.Stop();
            var runRequests = requests.Requests - requestsBefore;
            var allocated = GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore;
            progress.Dispose();

            Array.Sort(latencies);
            var invariant = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(invariant, $"Upload:  {count} blobs, {bytes / 1_000_000.0:F1} MB in {upload.Elapsed.TotalSeconds:F2} s ({count / upload.Elapsed.TotalSeconds:F0} blobs/s); warm-up {warmUp} documents before the run"));
            Console.WriteLine(string.Create(invariant, $"Ingest:  {count} documents in {ingest.Elapsed.TotalSeconds:F2} s = {count / ingest.Elapsed.TotalSeconds:F1} documents/s"));
            Console.WriteLine(string.Create(invariant, $"Latency per document (ms): p50 {Percentile(latencies, 0.50):F1}, p95 {Percentile(latencies, 0.95):F1}, max {latencies[^1]:F1}"));
            Console.WriteLine("Outcomes: " + string.Join(", ", outcomes.GroupBy(o => o).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));
            using (var process = Process.GetCurrentProcess())
            {
                Console.WriteLine(string.Create(invariant, $"Storage requests: {runRequests / (double)count:F2} per document over the run; allocated {allocated / (double)count / 1_048_576.0:F1} MB per document ({allocated / (double)bytes:F1} bytes per input byte); peak working set {process.PeakWorkingSet64 / 1_048_576.0:N0} MB"));
            }

            // The same pages normalized without storage, on one thread: the share of the ingestion that is not storage.
            var normalizer = host.Services.GetRequiredService<DocumentNormalizer>();
            var sample = Enumerable.Range(0, Math.Min(count, 2 * pages.Count))
                .Select(i => new NormalizationInput(Encoding.UTF8.GetBytes(Vary(pages[i % pages.Count].Html, i)), "page.html", "text/html"))
                .ToList();
            var normalizing = Stopwatch.StartNew();
            foreach (var input in sample)
            {
                _ = normalizer.Normalize(input);
            }

            var normalizeSeconds = normalizing.Elapsed.TotalSeconds / sample.Count * count;
            Console.WriteLine(string.Create(invariant, $"Phases: normalizing the {count} documents alone takes {normalizeSeconds:F1} s on one thread ({sample.Count / normalizing.Elapsed.TotalSeconds:F1} documents/s); the rest of the ingestion is storage round trips and waiting for them"));

            // One ingestion at a time, each kind of outcome on its own, with the requests it sent.
            var fresh = await UploadAsync(inbox, pages, count + warmUp, 1, "single", parallel);
            await ReportSingleAsync("new document", fresh.Names[0], ingestion, requests, cancellationToken);
            var copy = inbox.GetBlobClient("single/duplicate-of-" + names[0]);
            await copy.UploadAsync((await inbox.GetBlobClient(names[0]).DownloadContentAsync(cancellationToken)).Value.Content, cancellationToken);
            await ReportSingleAsync("duplicate", copy.Name, ingestion, requests, cancellationToken);
            // A first rejection creates the rejections table; the measured one is the second.
            var blank = BinaryData.FromString("  \n\t  \n");
            await inbox.GetBlobClient("single/blank-first.txt").UploadAsync(blank, cancellationToken);
            await ingestion.IngestAsync("single/blank-first.txt", cancellationToken);
            var empty = inbox.GetBlobClient("single/blank.txt");
            await empty.UploadAsync(blank, cancellationToken);
            await ReportSingleAsync("rejection", empty.Name, ingestion, requests, cancellationToken);
            await ReportSingleAsync("re-delivery", fresh.Names[0], ingestion, requests, cancellationToken);
            return 0;
        }
        finally
        {
            if (!keep)
            {
                await DeleteAsync(storage, prefix, CancellationToken.None);
            }
        }
    }

    private static async Task<(string[] Names, long Bytes)> UploadAsync(
        Azure.Storage.Blobs.BlobContainerClient inbox, List<(string Name, string Html)> pages, int first, int count, string folder, ParallelOptions parallel)
    {
        var names = new string[count];
        long bytes = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), parallel, async (i, ct) =>
        {
            var copy = first + i;
            var page = pages[copy % pages.Count];
            var content = BinaryData.FromString(Vary(page.Html, copy));
            Interlocked.Add(ref bytes, content.ToMemory().Length);
            names[i] = $"{folder}/{page.Name}/{copy:D5}.html";
            await inbox.GetBlobClient(names[i]).UploadAsync(
                content,
                new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/html" } },
                ct);
        });
        return (names, bytes);
    }

    private static async Task ReportSingleAsync(string kind, string blobName, IngestionService ingestion, StorageRequestCounter requests, CancellationToken cancellationToken)
    {
        requests.StartNoting();
        var outcome = await ingestion.IngestAsync(blobName, cancellationToken);
        var sent = requests.StopNoting();
        Console.WriteLine($"Round trips, {kind} ({outcome.Status}): {sent.Count}: {string.Join(", ", sent)}");
    }

    /// <summary>A copy of the page whose every text block differs from the other copies, so each normalizes to new content.</summary>
    private static string Vary(string html, int copy) =>
        ParagraphStart().Replace(html, m => m.Value + "Copy " + copy.ToString(CultureInfo.InvariantCulture) + ". ");

    private static double Percentile(double[] sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static async Task DeleteAsync(StorageClients storage, string prefix, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var table in storage.TableService.QueryAsync($"TableName ge '{prefix}' and TableName lt '{prefix}{{'", cancellationToken: cancellationToken))
            {
                await storage.TableService.DeleteTableAsync(table.Name, cancellationToken);
            }

            await foreach (var container in storage.BlobService.GetBlobContainersAsync(prefix: prefix, cancellationToken: cancellationToken))
            {
                await storage.BlobService.DeleteBlobContainerAsync(container.Name, cancellationToken: cancellationToken);
            }
        }
        catch (Azure.RequestFailedException exception)
        {
            Console.Error.WriteLine($"Could not delete the benchmark's tables and containers (prefix {prefix}): {exception.Message}");
        }
    }

    [GeneratedRegex(@"<(p|li|div|td|h[1-6]|blockquote|pre|article|section)\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ParagraphStart();
}
