using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using NewsDigest.Digest;
using NewsDigest.Stories;

namespace NewsDigest.Cli.Commands.Bench;

/// <summary>
/// <c>bench digest</c>: composes a digest over synthetic documents (story grouping, summaries, ranking and every
/// rendering; no storage) a few times for each size, printing time, allocations and peak working set of each run and
/// the median time per document of each size, so the growth rate shows above the noise of a single run.
/// </summary>
internal static class DigestBenchmark
{
    public static Command Create()
    {
        var sizes = new Option<string>("--documents")
        {
            Description = "Comma-separated document counts to compose digests over.",
            DefaultValueFactory = _ => "10000,100000",
        };
        var seed = new Option<int>("--seed") { Description = "Random seed of the generator.", DefaultValueFactory = _ => 20260115 };
        var runs = new Option<int>("--runs")
        {
            Description = "Digests composed for each size: the growth is worked out from each size's median time.",
            DefaultValueFactory = _ => 3,
        };
        var command = new Command("digest", "Compose digests over synthetic documents (clustering included, storage excluded).");
        command.Options.Add(sizes);
        command.Options.Add(seed);
        command.Options.Add(runs);
        command.SetAction((parseResult, cancellationToken) =>
            Task.FromResult(Run(parseResult.GetValue(sizes) ?? string.Empty, parseResult.GetValue(seed), parseResult.GetValue(runs), cancellationToken)));
        return command;
    }

    private static int Run(string sizesText, int seed, int runs, CancellationToken cancellationToken)
    {
        var sizes = new SortedSet<int>();
        foreach (var part in sizesText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size < 1)
            {
                Console.Error.WriteLine($"bench digest: '{part}' is not a document count.");
                return 1;
            }

            sizes.Add(size);
        }

        if (runs < 1)
        {
            Console.Error.WriteLine($"bench digest: '{runs}' is not a number of runs.");
            return 1;
        }

        var options = new DigestOptions();
        var renderer = new DigestRenderer(Options.Create(options));
        var now = new DateTimeOffset(2026, 1, 15, 7, 0, 0, TimeSpan.Zero);

        // Warm-up until the rate is steady: JIT (up to the optimised tier) and regex construction are not part of the figures.
        var warmUp = new SyntheticStore(seed, 3000, now);
        var (passes, steady) = SteadyRate.WarmUp(() => _ = Compose(warmUp, now, options, renderer), maxPasses: 12, budget: TimeSpan.FromSeconds(60), cancellationToken);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"warm-up: {passes} digests of {warmUp.Count:N0} documents {(steady ? "until three in a row were within 5%" : "(budget spent before the rate settled)")}"));

        Console.WriteLine("documents  developments  stories  B3 P   B3 R  entries   seconds   us/doc  grouping s  summaries s  rendering s  GC pause s   allocated MB  of it grouping MB   peak working set MB");
        // Each size's runs one after another, smallest size first: a small window composed right after a large one
        // finds the heap the large one grew, and runs faster than it does on its own.
        var measured = sizes.ToDictionary(size => size, _ => new List<DigestRun>());
        var insides = new List<string>();
        using var progress = new CommandLine.ProgressReporter("bench digest", runs * sizes.Sum(s => (long)s), "documents composed");
        foreach (var size in sizes)
        {
            for (var run = 0; run < runs; run++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var measure = Measure(size, seed, now, options, renderer);
                Console.WriteLine(measure.Line);
                insides.Add(measure.Inside);
                measured[size].Add(measure);
                progress.Advance(size);
            }
        }

        var medians = sizes.Select(size => (Size: size, Microseconds: SteadyRate.Median([.. measured[size].Select(r => r.Microseconds)]))).ToList();
        if (runs > 1)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Median of {runs} runs, time per document:"));
            foreach (var (size, microseconds) in medians)
            {
                var times = measured[size].Select(r => r.Microseconds).ToList();
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{size,9:N0}  {microseconds,7:0} us/doc  ({times.Min():0}-{times.Max():0})  {SteadyRate.Median([.. measured[size].Select(r => r.Seconds)]),6:0.00} s"));
            }
        }

        if (medians.Count >= 2)
        {
            var (smallest, smallCost) = medians[0];
            var (largest, largeCost) = medians[^1];
            var (fastest, slowest) = (measured[largest].Min(r => r.Microseconds), measured[largest].Max(r => r.Microseconds));
            var (fastestSmall, slowestSmall) = (measured[smallest].Min(r => r.Microseconds), measured[smallest].Max(r => r.Microseconds));
            var spread = runs > 1
                ? string.Create(CultureInfo.InvariantCulture, $"; medians of {runs} runs, x{fastest / slowestSmall:0.00}-x{slowest / fastestSmall:0.00} from the runs furthest apart.")
                : ".";
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Growth: time per document x{largeCost / smallCost:0.00} from {smallest:N0} to {largest:N0} documents (x{(double)largest / smallest:0.#} documents; 1.00 is linear, x{(double)largest / smallest:0.#} would be quadratic){spread}"));
        }

        Console.WriteLine("Inside the grouping, seconds (of them paused for garbage collection):");
        Console.WriteLine("documents           reading        collection       single pass            merges            groups");
        foreach (var inside in insides)
        {
            Console.WriteLine(inside);
        }

        var same = true;
        foreach (var size in sizes)
        {
            var (fingerprint, digest) = (measured[size][0].Fingerprint, measured[size][0].Digest);
            var again = measured[size].TrueForAll(r => r.Fingerprint == fingerprint && r.Digest == digest);
            same &= again;
            var note = runs == 1 ? string.Empty : again ? $", in all {runs} runs" : ", NOT THE SAME IN EVERY RUN";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Stories at {size:N0} documents: fingerprint {fingerprint}{note} (the same stories with the same documents give the same fingerprint)."));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Digest at {size:N0} documents: fingerprint {digest}{note} (of the rendered digest and every story's headline and summary to remember)."));
        }

        Console.WriteLine("developments: distinct developments the generator wrote about; stories: how many the grouping found;");
        Console.WriteLine("B3 P / B3 R: B-cubed precision and recall of the stories against the developments (1.000 is every story one whole development).");
        Console.WriteLine("grouping / summaries / rendering: the phases of the time; GC pause: the part of it the garbage collector paused the program.");
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Inside the grouping: reading the window into features; the collection after the single pass ({PhaseCollector.MinDocuments:N0} documents or more);"));
        Console.WriteLine("the single pass over the documents; the merge passes over the stories; building the groups and the term statistics.");
        Console.WriteLine("The documents are generated a block at a time and read into the digest as the composer reads them from storage: generating");
        Console.WriteLine("them, and generating again the few the summaries read, is storage's part and left out of the time, pauses and allocations.");
        Console.WriteLine("Peak working set is the process's peak so far (generation included), so it only grows from row to row.");
        if (!same)
        {
            Console.Error.WriteLine("bench digest: the same documents gave different stories or digests from run to run.");
            return 1;
        }

        return 0;
    }

    /// <summary>
    /// One row of the table: a digest over <paramref name="size"/> documents, scored against their developments. In a
    /// method of its own so nothing of one size (its store, its stories) is held while the next is measured.
    /// </summary>
    private static DigestRun Measure(int size, int seed, DateTimeOffset now, DigestOptions options, DigestRenderer renderer)
    {
        var store = new SyntheticStore(seed, size, now);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var (stories, entries, phases, fingerprint, digest, grouping) = Compose(store, now, options, renderer);
        var total = phases.Grouping + phases.Summaries + phases.Rendering;
        using var process = Process.GetCurrentProcess();
        var peak = process.PeakWorkingSet64;
        // Scored after the peak is read: the scoring's own tables are not part of composing a digest.
        var score = Evaluation.GroupingScore.Compute(StoryLabels(size, grouping), store.DevelopmentOf);
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"{size,9:N0}  {store.Developments,12:N0}  {stories,7:N0}  {score.BCubedPrecision,5:0.000}  {score.BCubedRecall,5:0.000}  {entries,7}  {total.TotalSeconds,8:0.00}  {total.TotalMicroseconds / size,7:0}  {phases.Grouping.TotalSeconds,10:0.00}  {phases.Summaries.TotalSeconds,11:0.00}  {phases.Rendering.TotalSeconds,11:0.00}  {phases.Pause.TotalSeconds,10:0.00}  {phases.Allocated / 1048576.0,13:N0}  {phases.GroupingAllocated / 1048576.0,17:N0}  {peak / 1048576.0,20:N0}");
        var parts = phases.Parts;
        var inside = string.Create(
            CultureInfo.InvariantCulture,
            $"{size,9:N0}  {Part(phases.Reading),16}  {Part(parts.Collections),16}  {Part(parts.Pass),16}  {Part(parts.Merges),16}  {Part(parts.Groups),16}");
        return new DigestRun(line, inside, total.TotalSeconds, total.TotalMicroseconds / size, fingerprint, digest);
    }

    /// <summary>
    /// Composes one digest as <see cref="DigestComposer"/> does past the regrouping bound: the documents read into a
    /// <see cref="StoryWindow"/> a block at a time without their text, grouped, ranked, the listed stories' documents
    /// read again, summarised and rendered. Only the digest's own work is measured, phase by phase.
    /// </summary>
    private static (int Stories, int Entries, Phases Phases, string Fingerprint, string Digest, StoryGrouping Grouping) Compose(SyntheticStore store, DateTimeOffset now, DigestOptions options, DigestRenderer renderer)
    {
        var window = new DigestWindow(DateOnly.FromDateTime(now.UtcDateTime), options.TimeZone, now, now.AddDays(-1), now);
        var grouping = new Meter();
        var stories = new StoryWindow(earlier: null);
        foreach (var block in store.ReadAll().Chunk(DigestComposer.ReadBlock))
        {
            grouping.Start();
            stories.Add(block, keepText: false);
            grouping.Stop();
        }

        var reading = new GroupingPart(grouping.Elapsed, grouping.Pause);

        grouping.Start();
        var grouped = stories.Group([]);
        grouping.Stop();
        var summaries = new Meter();
        summaries.Start();
        var draft = DigestEditor.Draft(grouped, stories.Count, window, options, new Uri("https://digest.example/latest"));
        summaries.Stop();
        var texts = store.Read(draft.Unread);
        summaries.Start();
        var edition = draft.Finish(texts);
        summaries.Stop();
        var rendering = new Meter();
        rendering.Start();
        var rendered = renderer.Render(edition.Content);
        rendering.Stop();
        var phases = new Phases(
            grouping.Elapsed,
            summaries.Elapsed,
            rendering.Elapsed,
            grouping.Pause + summaries.Pause + rendering.Pause,
            grouping.Allocated + summaries.Allocated + rendering.Allocated,
            grouping.Allocated,
            reading,
            grouped.Times);
        return (edition.StoryUpdates.Count, rendered.Json.Length > 0 ? edition.Content.Entries.Count : 0, phases, Fingerprint(grouped), Fingerprint(edition, rendered.Json), grouped);
    }

    /// <summary>The story each document was put in, as a number per document in the order they were generated (ids d0000000 on).</summary>
    private static List<int> StoryLabels(int documents, StoryGrouping grouping)
    {
        var labels = new int[documents];
        for (var g = 0; g < grouping.Groups.Count; g++)
        {
            foreach (var document in grouping.Groups[g].Documents)
            {
                labels[int.Parse(document.Id.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture)] = g;
            }
        }

        return [.. labels];
    }

    /// <summary>One run of one size: its row, its grouping's parts, and what it composed.</summary>
    private sealed record DigestRun(string Line, string Inside, double Seconds, double Microseconds, string Fingerprint, string Digest);

    /// <summary>A short hash of what a digest says and what its stories remember: a speed change must leave it unchanged too.</summary>
    private static string Fingerprint(DigestEdition edition, string json)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(json));
        foreach (var update in edition.StoryUpdates)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(update.Profile.Id + "\n" + update.Profile.Headline + "\n" + string.Join('\n', update.Profile.SaidSentences) + "\n\n"));
        }

        return Convert.ToHexString(hash.GetHashAndReset())[..16];
    }

    /// <summary>A short hash of which documents each story holds, in order: a speed change must leave it unchanged.</summary>
    private static string Fingerprint(StoryGrouping grouping)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var group in grouping.Groups)
        {
            foreach (var document in group.Documents)
            {
                hash.AppendData(Encoding.UTF8.GetBytes(document.Id + ","));
            }

            hash.AppendData("\n"u8);
        }

        return Convert.ToHexString(hash.GetHashAndReset())[..16];
    }

    /// <summary>
    /// Grouping into stories; summaries, ranking and story updates; rendering every format; with their GC pauses and
    /// allocations; and the grouping's parts: reading the window into features, then what <see cref="GroupingTimes"/> says.
    /// </summary>
    private sealed record Phases(
        TimeSpan Grouping, TimeSpan Summaries, TimeSpan Rendering, TimeSpan Pause, long Allocated, long GroupingAllocated, GroupingPart Reading, GroupingTimes Parts);

    /// <summary>A part's seconds, and in brackets the seconds of it paused for garbage collection.</summary>
    private static string Part(GroupingPart part) =>
        string.Create(CultureInfo.InvariantCulture, $"{part.Elapsed.TotalSeconds:0.00} ({part.Paused.TotalSeconds:0.00})");

    /// <summary>Time, GC pauses and allocations of one phase, summed over the stretches it runs between storage's.</summary>
    private sealed class Meter
    {
        private readonly Stopwatch _clock = new();
        private TimeSpan _pauseAtStart;
        private long _allocatedAtStart;

        public TimeSpan Elapsed => _clock.Elapsed;

        public TimeSpan Pause { get; private set; }

        public long Allocated { get; private set; }

        public void Start()
        {
            _pauseAtStart = GC.GetTotalPauseDuration();
            _allocatedAtStart = GC.GetTotalAllocatedBytes(precise: true);
            _clock.Start();
        }

        public void Stop()
        {
            _clock.Stop();
            Pause += GC.GetTotalPauseDuration() - _pauseAtStart;
            Allocated += GC.GetTotalAllocatedBytes(precise: true) - _allocatedAtStart;
        }
    }
}
