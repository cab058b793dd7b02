using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsDigest.Normalization;
using NewsDigest.Normalization.Html;

namespace NewsDigest.Cli.Commands.Bench;

/// <summary>
/// <c>bench normalize</c>: over the readability test pages (or any folder of documents), the full normalization
/// against HTML extraction alone in the same rounds, so their ratio holds even on a busy machine; warm-up until the
/// rate is steady, then per-round figures, allocations, peak working set and where normalization spends its time.
/// </summary>
internal static class NormalizationBenchmark
{
    public static Command Create()
    {
        var corpus = new Option<string?>("--corpus")
        {
            Description = "Folder of <case>/source.html pages, or of documents (default: ../shared/corpora/readability-test-pages beside the repository).",
        };
        var runs = new Option<int>("--runs")
        {
            Description = "Timed rounds after the warm-up (each round: extraction alone, then full normalization).",
            DefaultValueFactory = _ => 5,
        };
        var command = new Command("normalize", "Normalization throughput over the readability corpus, against extraction alone.");
        command.Options.Add(corpus);
        command.Options.Add(runs);
        command.SetAction((parseResult, cancellationToken) =>
            Task.FromResult(Run(parseResult.GetValue(corpus), parseResult.GetValue(runs), Console.Out, Console.Error, cancellationToken)));
        return command;
    }

    private static int Run(string? corpus, int runs, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (runs < 1)
        {
            error.WriteLine("bench normalize: --runs must be at least 1.");
            return 1;
        }

        var folder = corpus ?? RepositoryPaths.ReadabilityCorpus();
        if (folder is null || !Directory.Exists(folder))
        {
            output.WriteLine($"bench normalize: corpus not found ({folder ?? "../shared/corpora/readability-test-pages beside the repository"}); nothing to measure.");
            return 0;
        }

        var files = Directory.GetFiles(folder, "source.html", SearchOption.AllDirectories);
        if (files.Length == 0)
        {
            files = Directory.GetFiles(folder, "*", SearchOption.TopDirectoryOnly);
        }

        Array.Sort(files, StringComparer.Ordinal);
        var inputs = files.Select(f => new NormalizationInput(File.ReadAllBytes(f), Path.GetFileName(f))).ToList();
        var totalBytes = inputs.Sum(i => (long)i.Content.Length);
        var megabytes = totalBytes / 1_048_576.0;

        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        using var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System).AddNormalization(configuration).BuildServiceProvider();
        var normalizer = services.GetRequiredService<DocumentNormalizer>();
        var decoder = services.GetRequiredService<TextDecoder>();
        var extractor = services.GetRequiredService<HtmlArticleExtractor>();

        // Extraction alone works on text decoded beforehand, as `eval` measures it.
        var pages = inputs.Select(i => decoder.Decode(i.Content.Span, i.ContentType)).Where(d => d.Succeeded).Select(d => d.Text).ToList();

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"corpus: {folder} ({inputs.Count} files, {megabytes:F1} MB; {pages.Count} decode as text)"));
        var first = Normalize(normalizer, inputs, cancellationToken);
        if (first.FirstRejection is { } rejection)
        {
            output.WriteLine($"first rejection: {rejection}");
        }

        var (passes, steady) = SteadyRate.WarmUp(
            () =>
            {
                Extract(extractor, pages, cancellationToken);
                Normalize(normalizer, inputs, cancellationToken);
            },
            maxPasses: 40,
            budget: TimeSpan.FromSeconds(90),
            cancellationToken);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"warm-up: {passes} passes {(steady ? "until three in a row were within 5%" : "(budget spent before the rate settled)")}; {first.Documents} documents, {first.Rejected} files rejected per pass"));

        var extraction = new List<double>();
        var normalization = new List<double>();
        var decoding = new List<double>();
        var allocated = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            var decodeClock = Stopwatch.StartNew();
            foreach (var input in inputs)
            {
                _ = decoder.Decode(input.Content.Span, input.ContentType);
            }

            decoding.Add(decodeClock.Elapsed.TotalSeconds);
            extraction.Add(Extract(extractor, pages, cancellationToken).TotalSeconds);
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            normalization.Add(Normalize(normalizer, inputs, cancellationToken).Elapsed.TotalSeconds);
            allocated.Add(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore);
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"round {run}: extraction alone {pages.Count / extraction[^1]:F1} pages/s; normalize {inputs.Count / normalization[^1]:F1} documents/s, {megabytes / normalization[^1]:F2} MB/s ({extraction[^1] / normalization[^1]:F2}x of extraction alone)"));
        }

        var (extract, normalize, decode) = (SteadyRate.Median(extraction), SteadyRate.Median(normalization), SteadyRate.Median(decoding));
        using var process = Process.GetCurrentProcess();
        var invariant = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(invariant, $"median: extraction alone {pages.Count / extract:F1} pages/s; normalize {inputs.Count / normalize:F1} documents/s, {megabytes / normalize:F2} MB/s; normalize runs at {extract / normalize:F2}x of extraction alone (median of {runs} rounds)"));
        var rest = Math.Max(0, normalize - extract - decode);
        output.WriteLine(string.Create(invariant, $"normalize phases (median pass {normalize * 1000:F0} ms): decoding {Share(decode, normalize)}, extraction {Share(extract, normalize)}, the rest (clean-up, fingerprints, language, sniffing) {Share(rest, normalize)}"));
        output.WriteLine(string.Create(invariant, $"allocated: {SteadyRate.Median(allocated) / 1_048_576.0:N0} MB per normalize pass ({SteadyRate.Median(allocated) / totalBytes:F1} bytes per input byte); peak working set {process.PeakWorkingSet64 / 1_048_576.0:N0} MB"));
        return 0;

        static string Share(double part, double whole) => string.Create(CultureInfo.InvariantCulture, $"{part * 1000:F0} ms ({part / whole:P0})");
    }

    private static TimeSpan Extract(HtmlArticleExtractor extractor, List<string> pages, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        foreach (var page in pages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _ = extractor.Extract(page);
        }

        return clock.Elapsed;
    }

    private static (int Documents, int Rejected, string? FirstRejection, TimeSpan Elapsed) Normalize(
        DocumentNormalizer normalizer, List<NormalizationInput> inputs, CancellationToken cancellationToken)
    {
        int documents = 0, rejected = 0;
        string? firstRejection = null;
        var stopwatch = Stopwatch.StartNew();
        foreach (var input in inputs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = normalizer.Normalize(input);
            documents += result.Documents.Count;
            if (result.Rejection is { } rejection)
            {
                rejected++;
                firstRejection ??= $"{input.FileName}: {rejection.Reason}: {rejection.Message}";
            }
        }

        return (documents, rejected, firstRejection, stopwatch.Elapsed);
    }
}
