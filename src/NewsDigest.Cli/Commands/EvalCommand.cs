using System.CommandLine;
using System.Globalization;
using NewsDigest.Cli.CommandLine;
using NewsDigest.Cli.Evaluation;

namespace NewsDigest.Cli.Commands;

internal static class EvalCommand
{
    /// <summary>
    /// Metadata rows in print order. Each field is scored over all pages whose reference records it (absent on both
    /// sides counts as right) and, below it, over only the pages that have a value; published time only over those.
    /// </summary>
    private static readonly string[] ScoredFields =
    [
        "title",
        "title" + ExtractionScorecard.WithValueSuffix,
        "title (site name aside)",
        "byline",
        "byline" + ExtractionScorecard.WithValueSuffix,
        "byline (lenient)",
        "byline (lenient)" + ExtractionScorecard.WithValueSuffix,
        "published",
        "language",
        "language" + ExtractionScorecard.WithValueSuffix,
        "site name",
        "site name" + ExtractionScorecard.WithValueSuffix,
        "excerpt",
        "excerpt" + ExtractionScorecard.WithValueSuffix,
    ];

    public static Command Create()
    {
        var corpusOption = new Option<DirectoryInfo?>("--corpus")
        {
            Description = "Folder of test pages (<case>/source.html, expected.html, expected-metadata.json). "
                + "Default: ../shared/corpora/readability-test-pages beside the repository.",
        };
        var worstOption = new Option<int>("--worst")
        {
            Description = "How many of our worst pages to list.",
            DefaultValueFactory = _ => 10,
        };
        var roundsOption = new Option<int>("--rounds")
        {
            Description = "Timed passes over the corpus for each extractor.",
            DefaultValueFactory = _ => 1,
        };
        var missesOption = new Option<bool>("--misses")
        {
            Description = "Also list the metadata fields we got wrong, page by page.",
        };
        var dumpOption = new Option<DirectoryInfo?>("--dump")
        {
            Description = "Write each page's extracted and expected text to this folder, for comparing by hand.",
        };
        var explainOption = new Option<string?>("--explain")
        {
            Description = "Print how extraction saw this one page (candidates, gathered blocks, removed blocks) and stop.",
        };
        var command = new Command("eval", "Score HTML extraction on the readability test pages against SmartReader.")
        {
            corpusOption,
            worstOption,
            roundsOption,
            missesOption,
            dumpOption,
            explainOption,
            StoryEvalCommand.Create(),
        };
        command.Subcommands.Add(SummaryEvaluation.Create());
        command.SetAction(parseResult => Run(
            parseResult.GetValue(corpusOption),
            parseResult.GetValue(worstOption),
            Math.Max(1, parseResult.GetValue(roundsOption)),
            parseResult.GetValue(missesOption),
            parseResult.GetValue(dumpOption)?.FullName,
            parseResult.GetValue(explainOption)));
        return command;
    }

    private static int Run(DirectoryInfo? corpusOption, int worst, int rounds, bool misses, string? dump, string? explain)
    {
        var corpus = corpusOption?.FullName ?? RepositoryPaths.ReadabilityCorpus();
        if (corpus is null || !Directory.Exists(corpus))
        {
            Console.WriteLine($"eval: skipped, corpus folder not found ({corpus ?? "no FunctionsApp.sln above the current directory"}).");
            return 0;
        }

        var pages = CorpusPage.LoadAll(corpus);
        if (explain is not null)
        {
            var page = pages.FirstOrDefault(p => p.Name == explain);
            if (page is null)
            {
                throw new CommandLineUsageException($"no page named {explain}.");
            }

            ExtractionExplainer.Explain(page, Console.Out);
            return 0;
        }

        Console.WriteLine($"Corpus: {corpus} ({pages.Count} pages, {pages.Count(p => p.ExpectedText is not null)} with expected.html, "
            + $"{pages.Sum(p => (long)p.ByteCount) / 1_000_000.0:F1} MB)".ToString(CultureInfo.InvariantCulture));
        using var progress = new ProgressReporter("eval", pages.Count * (2 + (2L * rounds)), "pages");
        var evaluation = new ExtractionEvaluation(pages) { Progress = progress };
        var ours = evaluation.Score(smartReader: false, dump);
        var theirs = evaluation.Score(smartReader: true, dump);
        var ourSpeed = evaluation.Time(smartReader: false, rounds);
        var theirSpeed = evaluation.Time(smartReader: true, rounds);

        progress.Dispose();
        Console.WriteLine();
        Console.WriteLine($"{"",-34}{"NewsDigest",16}{"SmartReader",16}");
        Row("body precision", Fraction(ours.Precision), Fraction(theirs.Precision));
        Row("body recall", Fraction(ours.Recall), Fraction(theirs.Recall));
        Row("body F1", Fraction(ours.F1), Fraction(theirs.F1));
        Row("body F1, no captions", Fraction(ours.BodyOnlyF1), Fraction(theirs.BodyOnlyF1));
        foreach (var field in ScoredFields)
        {
            Row(field, Share(ours.Field(field)), Share(theirs.Field(field)));
        }

        Row("pages/s", Number(ourSpeed.PagesPerSecond), Number(theirSpeed.PagesPerSecond));
        Row("MB/s", Number(ourSpeed.MegabytesPerSecond), Number(theirSpeed.MegabytesPerSecond));
        Row("slowest page (ms)", Number(ourSpeed.Slowest.TotalMilliseconds), Number(theirSpeed.Slowest.TotalMilliseconds));
        Row("pages that threw", (ours.Failures + ourSpeed.Failures).ToString(CultureInfo.InvariantCulture), (theirs.Failures + theirSpeed.Failures).ToString(CultureInfo.InvariantCulture));
        Console.WriteLine();
        Console.WriteLine($"Speed: NewsDigest {ourSpeed}; SmartReader {theirSpeed}; ratio {ourSpeed.PagesPerSecond / theirSpeed.PagesPerSecond:F2}x");

        Console.WriteLine();
        Console.WriteLine($"Our {worst} worst pages (body):");
        Console.WriteLine($"  {"page",-40}{"P",8}{"R",8}{"F1",8}{"SmartReader F1",16}");
        var theirByPage = theirs.Pages.ToDictionary(p => p.Name, StringComparer.Ordinal);
        foreach (var page in ours.Pages.OrderBy(p => p.F1).Take(worst))
        {
            var other = theirByPage.TryGetValue(page.Name, out var t) ? t.F1.ToString("F3", CultureInfo.InvariantCulture) : "-";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {page.Name,-40}{page.Precision,8:F3}{page.Recall,8:F3}{page.F1,8:F3}{other,16}"));
        }

        if (misses)
        {
            foreach (var field in ScoredFields.Where(f => !f.EndsWith(ExtractionScorecard.WithValueSuffix, StringComparison.Ordinal)))
            {
                Console.WriteLine();
                Console.WriteLine($"Missed {field}:");
                foreach (var (page, expected, actual) in ours.Field(field).Missed)
                {
                    Console.WriteLine($"  {page}: expected «{ExtractionScorecard.Collapse(expected)}» got «{(actual is null ? "null" : ExtractionScorecard.Collapse(actual))}»");
                }
            }
        }

        return 0;
    }

    private static void Row(string label, string ours, string theirs) =>
        Console.WriteLine($"{label,-34}{ours,16}{theirs,16}");

    /// <summary>Four places: the two extractors are often within a thousandth of each other.</summary>
    private static string Fraction(double value) => value.ToString("F4", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("F1", CultureInfo.InvariantCulture);

    private static string Share(FieldTally tally) => string.Create(
        CultureInfo.InvariantCulture,
        $"{tally.Matched}/{tally.Total} {tally.Rate * 100:F1}%");
}
