using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using NewsDigest.Digest;
using NewsDigest.Normalization;
using NewsDigest.Stories;

namespace NewsDigest.Cli.Commands.Bench;

/// <summary>
/// <c>bench digest</c>: composes one digest over synthetic documents (story grouping, summaries, ranking and every
/// rendering; no storage) for each size, printing time, allocations and peak working set, so the growth rate shows.
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
        var command = new Command("digest", "Compose digests over synthetic documents (clustering included, storage excluded).");
        command.Options.Add(sizes);
        command.Options.Add(seed);
        command.SetAction((parseResult, cancellationToken) =>
            Task.FromResult(Run(parseResult.GetValue(sizes) ?? string.Empty, parseResult.GetValue(seed), cancellationToken)));
        return command;
    }

    private static int Run(string sizesText, int seed, CancellationToken cancellationToken)
    {
        var sizes = new List<int>();
        foreach (var part in sizesText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size < 1)
            {
                Console.Error.WriteLine($"bench digest: '{part}' is not a document count.");
                return 1;
            }

            sizes.Add(size);
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
        var perDocument = new List<(int Size, double Microseconds)>();
        var fingerprints = new List<(int Size, string Fingerprint, string Digest)>();
        using var progress = new CommandLine.ProgressReporter("bench digest", sizes.Sum(s => (long)s), "documents composed");
        foreach (var size in sizes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var store = new SyntheticStore(seed, size, now);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var (stories, entries, phases, fingerprint, digest, grouping) = Compose(store, now, options, renderer);
            fingerprints.Add((size, fingerprint, digest));
            progress.Advance(size);
            var total = phases.Grouping + phases.Summaries + phases.Rendering;
            perDocument.Add((size, total.TotalMicroseconds / size));
            using var process = Process.GetCurrentProcess();
            var peak = process.PeakWorkingSet64;
            // Scored after the peak is read: the scoring's own tables are not part of composing a digest.
            var score = Evaluation.GroupingScore.Compute(StoryLabels(size, grouping), store.DevelopmentOf);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{size,9:N0}  {store.Developments,12:N0}  {stories,7:N0}  {score.BCubedPrecision,5:0.000}  {score.BCubedRecall,5:0.000}  {entries,7}  {total.TotalSeconds,8:0.00}  {total.TotalMicroseconds / size,7:0}  {phases.Grouping.TotalSeconds,10:0.00}  {phases.Summaries.TotalSeconds,11:0.00}  {phases.Rendering.TotalSeconds,11:0.00}  {phases.Pause.TotalSeconds,10:0.00}  {phases.Allocated / 1048576.0,13:N0}  {phases.GroupingAllocated / 1048576.0,17:N0}  {peak / 1048576.0,20:N0}"));
        }

        if (perDocument.Count >= 2)
        {
            var (smallest, smallCost) = perDocument.MinBy(p => p.Size);
            var (largest, largeCost) = perDocument.MaxBy(p => p.Size);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Growth: time per document x{largeCost / smallCost:0.00} from {smallest:N0} to {largest:N0} documents (x{(double)largest / smallest:0.#} documents; 1.00 is linear, x{(double)largest / smallest:0.#} would be quadratic)."));
        }

        foreach (var (size, fingerprint, digest) in fingerprints)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Stories at {size:N0} documents: fingerprint {fingerprint} (the same stories with the same documents give the same fingerprint)."));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Digest at {size:N0} documents: fingerprint {digest} (of the rendered digest and every story's headline and summary to remember)."));
        }

        Console.WriteLine("developments: distinct developments the generator wrote about; stories: how many the grouping found;");
        Console.WriteLine("B3 P / B3 R: B-cubed precision and recall of the stories against the developments (1.000 is every story one whole development).");
        Console.WriteLine("grouping / summaries / rendering: the phases of the time; GC pause: the part of it the garbage collector paused the program.");
        Console.WriteLine("The documents are generated a block at a time and read into the digest as the composer reads them from storage: generating");
        Console.WriteLine("them, and generating again the few the summaries read, is storage's part and left out of the time, pauses and allocations.");
        Console.WriteLine("Peak working set is the process's peak so far (generation included), so it only grows from row to row.");
        return 0;
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

        grouping.Start();
        var grouped = stories.Group([]);
        grouping.Stop();
        var summaries = new Meter();
        summaries.Start();
        var draft = DigestEditor.Draft(grouped, stories.Count, window, options, new Uri("https://digest.example/latest"));
        summaries.Stop();
        var texts = store.Read(draft.Unread);
        Console.Error.WriteLine($"DEBUG unread {draft.Unread.Count} found {texts.Count} textless {texts.Values.Count(t => !t.HasText)}");
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
            grouping.Allocated);
        if (Environment.GetEnvironmentVariable("DUMP") is { } dump) File.WriteAllText(dump, rendered.Json + string.Join("\n", edition.StoryUpdates.Select(u => u.Profile.Id + "|" + u.Profile.Headline + "|" + string.Join("/", u.Profile.SaidSentences))));
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

    /// <summary>Grouping into stories; summaries, ranking and story updates; rendering every format; with their GC pauses and allocations.</summary>
    private sealed record Phases(TimeSpan Grouping, TimeSpan Summaries, TimeSpan Rendering, TimeSpan Pause, long Allocated, long GroupingAllocated);

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

    /// <summary>
    /// The generated documents as storage holds them: read whole a block at a time, and read again by id. Nothing is
    /// kept: each read generates them anew from the seed, the same every time.
    /// </summary>
    private sealed class SyntheticStore(int seed, int count, DateTimeOffset now)
    {
        public int Count => count;

        /// <summary>Distinct developments, once <see cref="ReadAll"/> has been read through.</summary>
        public int Developments { get; private set; }

        /// <summary>The development each document reports, in the documents' order, once <see cref="ReadAll"/> has been read through.</summary>
        public List<string> DevelopmentOf { get; private set; } = [];

        public IEnumerable<StoryDocument> ReadAll()
        {
            var generator = new SyntheticNews(seed);
            foreach (var document in generator.Generate(count, now))
            {
                yield return document;
            }

            Developments = generator.Developments;
            DevelopmentOf = generator.DevelopmentOf;
        }

        public Dictionary<string, StoryDocument> Read(IReadOnlyList<string> ids)
        {
            var wanted = new HashSet<string>(ids, StringComparer.Ordinal);
            var found = new Dictionary<string, StoryDocument>(StringComparer.Ordinal);
            foreach (var document in new SyntheticNews(seed).Generate(count, now))
            {
                if (wanted.Contains(document.Id))
                {
                    found[document.Id] = document;
                }
            }

            return found;
        }
    }

    /// <summary>
    /// Day-of-news generator: developments reported by several outlets in their own words, syndicated copies and
    /// excerpts of some reports, and unrelated single articles that reuse the same vocabulary.
    /// </summary>
    private sealed class SyntheticNews(int seed)
    {
        private static readonly string[] Given = ["Anna", "Minho", "James", "Sofia", "Hiroshi", "Amara", "Lukas", "Priya", "Omar", "Elena", "Jiwoo", "Carlos", "Fatima", "Ivan", "Grace", "Tomas"];
        private static readonly string[] Family = ["Berg", "Park", "Okafor", "Rossi", "Tanaka", "Novak", "Haddad", "Silva", "Kim", "Schmidt", "Moreau", "Singh", "Lindqvist", "Costa", "Walsh", "Ivanova"];
        private static readonly string[] Places = ["Seoul", "Tokyo", "Berlin", "Nairobi", "Lima", "Melbourne", "Warsaw", "Jakarta", "Ottawa", "Cairo", "Madrid", "Hanoi", "Brussels", "Geneva", "Manila", "Oslo"];
        private static readonly string[] Organisations = ["Ministry of Finance", "National Assembly", "Central Bank", "Energy Agency", "Port Authority", "Health Council", "Trade Commission", "Supreme Court", "Teachers Union", "Transport Department"];
        private static readonly string[] Outlets = ["Daily Ledger", "Evening Courier", "Market Wire", "Harbour Times", "Northern Post", "Capital Journal", "Pacific Herald", "Metro Tribune", "Coastal News", "Valley Gazette", "Global Dispatch", "City Observer"];
        private static readonly string[][] Topics =
        [
            ["budget", "deficit", "spending", "tax", "revenue", "austerity", "pension", "subsidy", "bond", "treasury"],
            ["election", "vote", "ballot", "campaign", "candidate", "coalition", "turnout", "referendum", "polling", "mandate"],
            ["flood", "storm", "rainfall", "evacuation", "levee", "damage", "rescue", "shelter", "forecast", "drought"],
            ["strike", "wage", "union", "walkout", "negotiation", "contract", "picket", "overtime", "arbitration", "layoff"],
            ["tariff", "export", "import", "quota", "shipment", "customs", "dumping", "trade", "surplus", "embargo"],
            ["vaccine", "hospital", "outbreak", "clinic", "infection", "patient", "nurse", "screening", "quarantine", "epidemic"],
            ["railway", "tram", "airport", "highway", "bridge", "tunnel", "ferry", "congestion", "timetable", "fare"],
            ["reactor", "pipeline", "solar", "grid", "turbine", "refinery", "emission", "battery", "blackout", "hydrogen"],
            ["court", "verdict", "appeal", "trial", "prosecutor", "sentence", "jury", "lawsuit", "ruling", "testimony"],
            ["school", "exam", "tuition", "curriculum", "student", "teacher", "enrolment", "scholarship", "campus", "graduate"],
        ];

        private static readonly string[] Verbs = ["announced", "approved", "rejected", "proposed", "delayed", "expanded", "criticised", "defended", "reviewed", "confirmed"];
        private static readonly string[] Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

        private readonly Random _random = new(seed);

        public int Developments { get; private set; }

        /// <summary>The development each generated document reports, in the documents' order.</summary>
        public List<string> DevelopmentOf { get; } = [];

        /// <summary>The documents one after another, generated as they are read.</summary>
        public IEnumerable<StoryDocument> Generate(int count, DateTimeOffset now)
        {
            DevelopmentOf.Clear();
            var development = 0;
            var generated = 0;
            while (generated < count)
            {
                development++;
                var facts = Facts(development, now);
                // Most developments get one article; some are covered widely (a long tail, as in real news).
                var reports = _random.NextDouble() < 0.55 ? 1 : Math.Min(1 + (int)(-Math.Log(1 - _random.NextDouble()) * 4), 40);
                StoryDocument? first = null;
                for (var r = 0; r < reports && generated < count; r++)
                {
                    var id = $"d{generated:D7}";
                    var outlet = Outlets[_random.Next(Outlets.Length)];
                    var roll = _random.NextDouble();
                    StoryDocument document;
                    if (first is not null && roll < 0.25)
                    {
                        document = Copy(id, first, outlet, now, excerpt: roll < 0.1);
                    }
                    else
                    {
                        document = Report(id, facts, outlet, now);
                        first ??= document;
                    }

                    generated++;
                    DevelopmentOf.Add(development.ToString(CultureInfo.InvariantCulture));
                    yield return document;
                }
            }

            Developments = development;
        }

        private static readonly string[] Syllables =
            ["ka", "lo", "ver", "mi", "tan", "sol", "ri", "dex", "no", "bel", "cor", "zan", "pe", "tru", "vin", "ha", "mor", "lis", "qua", "ten"];

        private Facts Facts(int development, DateTimeOffset now)
        {
            // Each development has its own subject (a company, a bill, a site) and its own words, as real stories do;
            // the shared topic words and sentence frames make unrelated stories look alike on the surface.
            var topic = Topics[_random.Next(Topics.Length)].Concat(Enumerable.Range(0, 8).Select(_ => Word())).ToArray();
            var subject = Capitalised(Word()) + " " + Pick(["Holdings", "Project", "Bill", "Plant", "Accord", "Fund", "Line", "Group"]);
            return new Facts(
                $"{Given[_random.Next(Given.Length)]} {Capitalised(Word())}",
                $"{Given[_random.Next(Given.Length)]} {Family[_random.Next(Family.Length)]}",
                _random.NextDouble() < 0.8 ? subject : Organisations[_random.Next(Organisations.Length)],
                Places[_random.Next(Places.Length)],
                topic,
                [.. Enumerable.Range(0, 4).Select(i => topic[^(i + 1)])],
                _random.Next(2, 900),
                now.AddHours(-_random.Next(1, 30)),
                development);
        }

        private StoryDocument Report(string id, Facts facts, string outlet, DateTimeOffset now)
        {
            var paragraphs = new List<string>();
            var day = facts.Published.ToString("d MMMM", CultureInfo.InvariantCulture);
            var weekday = Weekdays[_random.Next(Weekdays.Length)];
            paragraphs.Add(
                $"The {facts.Organisation} in {facts.Place} {Pick(Verbs)} a plan on the {facts.Key[0]} and {facts.Key[1]} on {weekday}, {day}, " +
                $"a move worth {facts.Amount} million that {facts.Leader} called overdue. {Sentence(facts)}");
            for (var p = 0; p < 3 + _random.Next(3); p++)
            {
                var sentences = new StringBuilder();
                for (var s = 0; s < 2 + _random.Next(2); s++)
                {
                    sentences.Append(Sentence(facts)).Append(' ');
                }

                paragraphs.Add(sentences.ToString().Trim());
            }

            var title = $"{facts.Organisation} {Pick(Verbs)} {facts.Key[0]} plan in {facts.Place}";
            return Document(id, title, paragraphs, facts.Published.AddMinutes(_random.Next(0, 240)), outlet, now);
        }

        private string Sentence(Facts facts)
        {
            var topic = facts.Topic;
            return _random.Next(6) switch
            {
                0 => $"{facts.Leader} said the {facts.Key[2]} would affect the {Pick(topic)} and the {Pick(topic)} in {facts.Place} for years.",
                1 => $"Critics led by {facts.Critic} argued that the {Pick(topic)} plan ignored the {facts.Key[3]} and would raise the cost of the {Pick(topic)}.",
                2 => $"Officials at the {facts.Organisation} expect the {facts.Key[0]} measures to take effect within {_random.Next(2, 12)} months.",
                3 => $"The {Pick(topic)} has been debated in {facts.Place} since the last {Pick(topic)}, and the {facts.Key[1]} remains contested.",
                4 => $"According to {facts.Critic}, the {facts.Amount} million figure understates the {Pick(topic)} by a wide margin.",
                _ => $"Analysts said the {Pick(topic)} and the {Pick(topic)} were likely to dominate the coming {Pick(topic)} debate.",
            };
        }

        private StoryDocument Copy(string id, StoryDocument original, string outlet, DateTimeOffset now, bool excerpt)
        {
            var paragraphs = excerpt ? original.Paragraphs.Take(2).ToList() : [.. original.Paragraphs];
            paragraphs.Add($"This article first appeared in {original.Source.Name}. Copyright {outlet}. All rights reserved.");
            return Document(id, excerpt ? original.Title + " (excerpt)" : original.Title, paragraphs, original.Published, outlet, now);
        }

        private StoryDocument Document(string id, string title, List<string> paragraphs, DateTimeOffset? published, string outlet, DateTimeOffset now)
        {
            var signature = ContentFingerprint.Signature(ContentFingerprint.Tokenize(string.Join("\n", paragraphs)));
            var host = outlet.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant() + ".example";
            return new StoryDocument(
                id,
                title,
                paragraphs,
                published,
                now.AddMinutes(-_random.Next(1, 1400)),
                $"https://{host}/{id}",
                new DocumentSource(outlet, host),
                signature);
        }

        private string Pick(string[] values) => values[_random.Next(values.Length)];

        private string Word() => string.Concat(Enumerable.Range(0, 3 + _random.Next(2)).Select(_ => Syllables[_random.Next(Syllables.Length)]));

        private static string Capitalised(string word) => char.ToUpperInvariant(word[0]) + word[1..];
    }

    private sealed record Facts(
        string Leader,
        string Critic,
        string Organisation,
        string Place,
        string[] Topic,
        string[] Key,
        int Amount,
        DateTimeOffset Published,
        int Development);
}
