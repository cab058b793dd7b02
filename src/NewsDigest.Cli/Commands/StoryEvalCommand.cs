using NewsDigest.Stories;
using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsDigest.Cli.Evaluation;
using NewsDigest.Normalization;

namespace NewsDigest.Cli.Commands;

/// <summary>
/// <c>eval stories</c>: scores story grouping on the labelled development set (B-cubed and pairwise precision,
/// recall and F1, stories against events) with both halves mixed and each alone, over shuffled upload orders and
/// over several digests, and lists the worst merges and splits. Exit code 0, also when the corpus is absent.
/// </summary>
internal static class StoryEvalCommand
{
    /// <summary>How many times over the "warm" runs have read the set's kind of news before it.</summary>
    private const int WarmScale = 10;

    public static Command Create()
    {
        var corpusOption = new Option<DirectoryInfo?>("--corpus")
        {
            Description = "Folder with docs/*.txt and gold.tsv. Default: ../shared/corpora/ecbplus-dev beside the repository.",
        };
        var ordersOption = new Option<int>("--orders") { Description = "Shuffled upload orders to measure the spread over.", DefaultValueFactory = _ => 8 };
        var batchesOption = new Option<int>("--batches") { Description = "Digests the articles arrive over, for the carried-over check.", DefaultValueFactory = _ => 4 };
        var worstOption = new Option<int>("--worst") { Description = "How many merges and splits to list.", DefaultValueFactory = _ => 8 };
        var command = new Command("stories", "Score story grouping on the labelled development set (ecbplus-dev).")
        {
            corpusOption,
            ordersOption,
            batchesOption,
            worstOption,
        };
        command.SetAction(parseResult => Run(
            parseResult.GetValue(corpusOption)?.FullName ?? DefaultCorpus(),
            Math.Max(1, parseResult.GetValue(ordersOption)),
            Math.Max(1, parseResult.GetValue(batchesOption)),
            Math.Max(0, parseResult.GetValue(worstOption)),
            Console.Out,
            Console.Error));
        return command;
    }

    public static int Run(string? corpus, int orders, int batches, int worst, TextWriter output, TextWriter error)
    {
        if (corpus is null || !File.Exists(Path.Combine(corpus, "gold.tsv")))
        {
            output.WriteLine($"eval stories: skipped, corpus not found ({corpus ?? "no FunctionsApp.sln above the current directory"}).");
            return 0;
        }

        var configuration = new ConfigurationBuilder().Build();
        using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddNormalization(configuration)
            .BuildServiceProvider();
        var articles = StoryCorpus.Load(corpus, services.GetRequiredService<DocumentNormalizer>(), error);
        output.WriteLine($"Corpus: {corpus} ({articles.Count} articles, {articles.Select(a => a.Event).Distinct(StringComparer.Ordinal).Count()} events)");

        var datelines = DatelineCheck.Check(articles, corpus);
        output.WriteLine(Invariant(
            $"Datelines (ecbplus): {datelines.Dated} of {datelines.WithDateLine} articles with a date-like header line dated ({Percent(datelines.Dated, datelines.WithDateLine)}); {datelines.AgreeWithUrl} of {datelines.WithUrlDate} agree with the URL's date within a day"));
        foreach (var line in datelines.Disagreeing.Concat(datelines.Undated.Select(u => "undated " + u)).Take(worst * 2))
        {
            output.WriteLine("  " + line);
        }

        var modes = new (string Name, IReadOnlyList<LabelledArticle> Articles)[]
        {
            ("mixed", articles),
            ("ecb", [.. articles.Where(a => a.Half == "ecb")]),
            ("ecbplus", [.. articles.Where(a => a.Half == "ecbplus")]),
        };

        output.WriteLine();
        output.WriteLine($"{"mode",-9}{"B3 P",8}{"B3 R",8}{"B3 F1",8}{"pair P",8}{"pair R",8}{"pair F1",8}{"stories",9}{"events",8}{"F1 min",8}{"F1 max",8}{"spread",8}");
        var runs = new List<(string Name, GroupingRun Run)>();
        foreach (var (name, subset) in modes)
        {
            var run = StoryGroupingEvaluation.Run(subset, 0, 1);
            var shuffled = Enumerable.Range(1, orders).Select(seed => StoryGroupingEvaluation.Run(subset, seed, 1).Score.BCubedF1).ToList();
            var spread = shuffled.Append(run.Score.BCubedF1).ToList();
            var s = run.Score;
            output.WriteLine(Invariant(
                $"{name,-9}{s.BCubedPrecision,8:F3}{s.BCubedRecall,8:F3}{s.BCubedF1,8:F3}{s.PairPrecision,8:F3}{s.PairRecall,8:F3}{s.PairF1,8:F3}{s.Stories,9}{s.Events,8}{spread.Min(),8:F3}{spread.Max(),8:F3}{spread.Max() - spread.Min(),8:F3}"));
            runs.Add((name, run));
        }

        // Over several digests each digest starts from the stories and term statistics the earlier ones left. A new
        // deployment starts with none ("cold"); one that has read this kind of news for a while has term statistics
        // that barely move with a day's documents ("warm": both runs start from the set's own statistics, as if it had
        // been read ten times over). With few documents in the open stories a digest groups them again with its own;
        // "adding only" shows what the warm digests decide without that, as past Digest:RegroupMaxDocuments.
        output.WriteLine();
        output.WriteLine($"Over {batches} digests (B3 F1; same: the digests group every article as the one batch does)");
        output.WriteLine($"{"mode",-9}{"cold: one batch",16}{$"{batches} digests",11}{"same",6}{"warm: one batch",18}{$"{batches} digests",11}{"same",6}{"adding only",14}{"same",6}");
        var differences = new List<(string Name, List<(string Event, string First, string Second)> Events)>();
        for (var m = 0; m < modes.Length; m++)
        {
            var (name, subset) = modes[m];
            var run = runs[m].Run;
            var carried = StoryGroupingEvaluation.Run(subset, 0, batches);
            var own = StoryClusterer.Group([.. subset.Select(a => StoryDocument.From(a.Document, DateTimeOffset.UnixEpoch))], []).Statistics;
            var warmStatistics = new TermStatistics(own.Documents * WarmScale, own.Frequencies.ToDictionary(p => p.Key, p => p.Value * WarmScale, StringComparer.Ordinal));
            var warm = StoryGroupingEvaluation.Run(subset, 0, 1, warmStatistics);
            var warmCarried = StoryGroupingEvaluation.Run(subset, 0, batches, warmStatistics);
            var adding = StoryGroupingEvaluation.Run(subset, 0, batches, warmStatistics, regroup: false);
            var addingDifferences = StoryGroupingEvaluation.Differences(warm, adding).ToList();
            output.WriteLine(Invariant(
                $"{name,-9}{run.Score.BCubedF1,16:F3}{carried.Score.BCubedF1,11:F3}{Same(run, carried),6}{warm.Score.BCubedF1,18:F3}{warmCarried.Score.BCubedF1,11:F3}{Same(warm, warmCarried),6}{adding.Score.BCubedF1,14:F3}{(addingDifferences.Count == 0 ? "yes" : "no"),6}"));
            differences.Add((name, addingDifferences));
        }

        foreach (var (name, events) in differences.Where(d => d.Events.Count > 0))
        {
            output.WriteLine($"  adding only, {name}: events grouped otherwise (stories holding the event's articles: one batch vs {batches} digests)");
            foreach (var (gold, one, several) in events.Take(worst))
            {
                output.WriteLine(Invariant($"    {gold}: {one} vs {several}"));
            }
        }

        foreach (var (name, run) in runs)
        {
            output.WriteLine();
            output.WriteLine($"Worst merges ({name}):");
            foreach (var (pairs, events) in StoryGroupingEvaluation.WorstMerges(run).Take(worst))
            {
                output.WriteLine(Invariant($"  {pairs} wrong pairs"));
                for (var e = 0; e < events.Count; e++)
                {
                    var closest = e == 0 ? string.Empty : "  " + Describe(StoryGroupingEvaluation.Closest(run, [.. events[0]], [.. events[e]]));
                    output.WriteLine(Invariant($"    {events[e].Key} ×{events[e].Count()}: {Title(events[e].First())}{closest}"));
                }
            }

            output.WriteLine($"Worst splits ({name}):");
            foreach (var (pairs, gold, parts) in StoryGroupingEvaluation.WorstSplits(run).Take(worst))
            {
                output.WriteLine(Invariant($"  {gold}: {pairs} missed pairs, {parts.Count} stories of {string.Join("+", parts.Select(p => p.Count))}"));
                for (var p = 0; p < parts.Count && p < 4; p++)
                {
                    var closest = p == 0 ? string.Empty : "  " + Describe(StoryGroupingEvaluation.Closest(run, parts[0], parts[p]));
                    output.WriteLine(Invariant($"    ×{parts[p].Count}: {Title(parts[p][0])}{closest}"));
                }
            }
        }

        return 0;
    }

    private static string? DefaultCorpus() =>
        RepositoryPaths.FindRoot() is { } root
            ? Path.GetFullPath(Path.Combine(root, "..", "shared", "corpora", "ecbplus-dev"))
            : null;

    private static string Title(LabelledArticle article)
    {
        var title = article.Document.Title;
        var date = article.Document.Published is { } p ? p.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "undated";
        return $"{article.Name} [{date}] {(title.Length > 90 ? title[..90] + "…" : title)}";
    }

    private static string Same(GroupingRun one, GroupingRun several) =>
        StoryGroupingEvaluation.Differences(one, several).Any() ? "no" : "yes";

    /// <summary>The closest score of a part to the larger one, and its components, as the grouping sees them.</summary>
    private static string Describe(StorySimilarity similarity) => similarity.IsCopy
        ? Invariant($"[copy, jaccard {similarity.Jaccard:F2}]")
        : Invariant($"[score {similarity.Combined:F3}: cosine {similarity.Cosine:F2}, lead {similarity.LeadCosine:F2}, names {similarity.Names:F2}{(similarity.SameDay ? ", same day" : string.Empty)}]");

    private static string Percent(int part, int whole) => whole == 0 ? "-" : Invariant($"{100.0 * part / whole:F1}%");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
