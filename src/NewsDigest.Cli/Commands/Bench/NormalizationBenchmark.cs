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
            () => Round(extractor, decoder, normalizer, inputs, cancellationToken),
            maxPasses: 40,
            budget: TimeSpan.FromSeconds(90),
            cancellationToken);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"warm-up: {passes} passes {(steady ? "until three in a row were within 5%" : "(budget spent before the rate settled)")}; {first.Documents} documents, {first.Rejected} files rejected per pass"));

        var rounds = new List<RoundTimes>();
        using var progress = new CommandLine.ProgressReporter("bench normalize", runs, "timed rounds");
        for (var run = 1; run <= runs; run++)
        {
            var round = Round(extractor, decoder, normalizer, inputs, cancellationToken);
            rounds.Add(round);
            progress.Advance();
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"round {run}: extraction alone {round.Pages / round.Extraction:F1} pages/s; normalize {inputs.Count / round.Normalization:F1} documents/s, {megabytes / round.Normalization:F2} MB/s ({round.Extraction / round.Normalization:F2}x of extraction alone)"));
        }

        var extract = SteadyRate.Median([.. rounds.Select(r => r.Extraction)]);
        var normalize = SteadyRate.Median([.. rounds.Select(r => r.Normalization)]);
        var decode = SteadyRate.Median([.. rounds.Select(r => r.Decoding)]);
        var allocated = SteadyRate.Median([.. rounds.Select(r => r.Allocated)]);
        var ratio = SteadyRate.Median([.. rounds.Select(r => r.Extraction / r.Normalization)]);
        using var process = Process.GetCurrentProcess();
        var invariant = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(invariant, $"median: extraction alone {pages.Count / extract:F1} pages/s; normalize {inputs.Count / normalize:F1} documents/s, {megabytes / normalize:F2} MB/s; normalize runs at {ratio:F2}x of extraction alone (median of {runs} rounds)"));
        var rest = Math.Max(0, normalize - extract - decode);
        output.WriteLine(string.Create(invariant, $"normalize phases (median pass {normalize * 1000:F0} ms): decoding {Share(decode, normalize)}, extraction {Share(extract, normalize)}, the rest (clean-up, fingerprints, language, sniffing) {Share(rest, normalize)}"));
        output.WriteLine(string.Create(invariant, $"allocated: {allocated / 1_048_576.0:N0} MB per normalize pass ({allocated / totalBytes:F1} bytes per input byte); peak working set {process.PeakWorkingSet64 / 1_048_576.0:N0} MB"));
        output.WriteLine("Each page is decoded, extracted and normalized in turn, so a busy machine slows all three alike and their ratios hold.");
        return 0;

        static string Share(double part, double whole) => string.Create(CultureInfo.InvariantCulture, $"{part * 1000:F0} ms ({part / whole:P0})");
    }

    /// <summary>One pass over the corpus; for each page in turn decoding alone, extraction alone (of the decoded text) and the full normalization.</summary>
    private static RoundTimes Round(
        HtmlArticleExtractor extractor, TextDecoder decoder, DocumentNormalizer normalizer, List<NormalizationInput> inputs, CancellationToken cancellationToken)
    {
        long decoding = 0, extraction = 0, normalization = 0, allocated = 0;
        var pages = 0;
        foreach (var input in inputs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var started = Stopwatch.GetTimestamp();
            var decoded = decoder.Decode(input.Content.Span, input.ContentType);
            var decodedAt = Stopwatch.GetTimestamp();
            decoding += decodedAt - started;
            if (decoded.Succeeded)
            {
                _ = extractor.Extract(decoded.Text);
                extraction += Stopwatch.GetTimestamp() - decodedAt;
                pages++;
            }

            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var normalizing = Stopwatch.GetTimestamp();
            _ = normalizer.Normalize(input);
            normalization += Stopwatch.GetTimestamp() - normalizing;
            allocated += GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        }

        return new RoundTimes(pages, Seconds(decoding), Seconds(extraction), Seconds(normalization), allocated);

        static double Seconds(long ticks) => (double)ticks / Stopwatch.Frequency;
    }

    private sealed record RoundTimes(int Pages, double Decoding, double Extraction, double Normalization, double Allocated);

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
