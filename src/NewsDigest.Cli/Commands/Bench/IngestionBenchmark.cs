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

        using var host = CliHost.Build(builder => builder.AddInMemoryCollection(settings));
        var storage = host.Services.GetRequiredService<StorageClients>();
        var ingestion = host.Services.GetRequiredService<IngestionService>();
        Console.WriteLine($"Storage: {storage.BlobService.Uri} (prefix {prefix}); corpus: {corpus} ({pages.Count} pages); {count} documents, parallelism {parallelism}");

        try
        {
            var inbox = await storage.GetContainerAsync(storage.Options.InboxContainer, cancellationToken);
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
            var names = new string[count];
            long bytes = 0;
            using var progress = new CommandLine.ProgressReporter("bench ingest", count, "blobs uploaded");
            var upload = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, count), parallel, async (i, ct) =>
            {
                var page = pages[i % pages.Count];
                var html = Vary(page.Html, i);
                var content = BinaryData.FromString(html);
                Interlocked.Add(ref bytes, content.ToMemory().Length);
                names[i] = $"{page.Name}/{i:D5}.html";
                await inbox.GetBlobClient(names[i]).UploadAsync(
                    content,
                    new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/html" } },
                    ct);
                progress.Advance();
            });
            upload.Stop();
            progress.Restart(count, "documents ingested");

            var latencies = new double[count];
            var outcomes = new IngestionStatus[count];
            var ingest = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, count), parallel, async (i, ct) =>
            {
                var started = Stopwatch.GetTimestamp();
                outcomes[i] = (await ingestion.IngestAsync(names[i], ct)).Status;
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                progress.Advance();
            });
            ingest.Stop();
            progress.Dispose();

            Array.Sort(latencies);
            var invariant = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(invariant, $"Upload:  {count} blobs, {bytes / 1_000_000.0:F1} MB in {upload.Elapsed.TotalSeconds:F2} s ({count / upload.Elapsed.TotalSeconds:F0} blobs/s)"));
            Console.WriteLine(string.Create(invariant, $"Ingest:  {count} documents in {ingest.Elapsed.TotalSeconds:F2} s = {count / ingest.Elapsed.TotalSeconds:F1} documents/s"));
            Console.WriteLine(string.Create(invariant, $"Latency per document (ms): p50 {Percentile(latencies, 0.50):F1}, p95 {Percentile(latencies, 0.95):F1}, max {latencies[^1]:F1}"));
            Console.WriteLine("Outcomes: " + string.Join(", ", outcomes.GroupBy(o => o).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));
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
