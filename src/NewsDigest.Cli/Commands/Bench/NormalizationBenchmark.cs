using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsDigest.Normalization;

namespace NewsDigest.Cli.Commands.Bench;

/// <summary>
/// <c>bench normalize</c>: normalization throughput over the readability test pages (or any folder of documents):
/// one warm-up pass, then timed runs, documents/s and MB/s per run and their median.
/// </summary>
internal static class NormalizationBenchmark
{
    private const int WarmUpDocuments = 500;

    public static Command Create()
    {
        var corpus = new Option<string?>("--corpus")
        {
            Description = "Folder of <case>/source.html pages, or of documents (default: ../shared/corpora/readability-test-pages beside the repository).",
        };
        var runs = new Option<int>("--runs")
        {
            Description = "Timed runs after the warm-up.",
            DefaultValueFactory = _ => 5,
        };
        var command = new Command("normalize", "Normalization throughput over the readability corpus.");
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

        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        using var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System).AddNormalization(configuration).BuildServiceProvider();
        var normalizer = services.GetRequiredService<DocumentNormalizer>();

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"corpus: {folder} ({inputs.Count} files, {totalBytes / 1_048_576.0:F1} MB)"));
        // Enough warm-up calls for tiered compilation to have optimized the hot paths, even for a small corpus.
        var warmUp = Pass(normalizer, inputs, cancellationToken);
        for (var pass = inputs.Count; pass < WarmUpDocuments && inputs.Count > 0; pass += inputs.Count)
        {
            Pass(normalizer, inputs, cancellationToken);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-up: {warmUp.Documents} documents, {warmUp.Rejected} files rejected"));
        if (warmUp.FirstRejection is { } rejection)
        {
            output.WriteLine($"first rejection: {rejection}");
        }

        using var progress = new CommandLine.ProgressReporter("bench normalize", runs, "timed runs");
        var documentsPerSecond = new List<double>();
        var megabytesPerSecond = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            var pass = Pass(normalizer, inputs, cancellationToken);
            progress.Advance();
            var seconds = pass.Elapsed.TotalSeconds;
            documentsPerSecond.Add(inputs.Count / seconds);
            megabytesPerSecond.Add(totalBytes / 1_048_576.0 / seconds);
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"run {run}: {seconds * 1000:F0} ms, {documentsPerSecond[^1]:F1} documents/s, {megabytesPerSecond[^1]:F2} MB/s"));
        }

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"median: {Median(documentsPerSecond):F1} documents/s, {Median(megabytesPerSecond):F2} MB/s over {runs} runs"));
        return 0;
    }

    private static (int Documents, int Rejected, string? FirstRejection, TimeSpan Elapsed) Pass(
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

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
