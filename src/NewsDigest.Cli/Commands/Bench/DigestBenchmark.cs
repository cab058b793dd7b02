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
        var warmUpDocuments = new SyntheticNews(seed).Generate(3000, now);
        var (passes, steady) = SteadyRate.WarmUp(() => _ = Compose(warmUpDocuments, now, options, renderer), maxPasses: 12, budget: TimeSpan.FromSeconds(60), cancellationToken);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"warm-up: {passes} digests of {warmUpDocuments.Count:N0} documents {(steady ? "until three in a row were within 5%" : "(budget spent before the rate settled)")}"));

        Console.WriteLine("documents  developments  stories  B3 P   B3 R  entries   seconds   us/doc  grouping s  summaries s  rendering s  GC pause s   allocated MB  of it grouping MB   peak working set MB");
        var perDocument = new List<(int Size, double Microseconds)>();
        var fingerprints = new List<(int Size, string Fingerprint, string Digest)>();
        using var progress = new CommandLine.ProgressReporter("bench digest", sizes.Sum(s => (long)s), "documents composed");
        foreach (var size in sizes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var generator = new SyntheticNews(seed);
            var documents = generator.Generate(size, now);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var pauseBefore = GC.GetTotalPauseDuration();
            var (stories, entries, phases, fingerprint, digest, grouping) = Compose(documents, now, options, renderer);
            fingerprints.Add((size, fingerprint, digest));
            progress.Advance(size);
            var pause = GC.GetTotalPauseDuration() - pauseBefore;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            var total = phases.Grouping + phases.Summaries + phases.Rendering;
            perDocument.Add((size, total.TotalMicroseconds / size));
            using var process = Process.GetCurrentProcess();
            var peak = process.PeakWorkingSet64;
            // Scored after the peak is read: the scoring's own tables are not part of composing a digest.
            var score = Evaluation.GroupingScore.Compute(StoryLabels(documents, grouping), generator.DevelopmentOf);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{size,9:N0}  {generator.Developments,12:N0}  {stories,7:N0}  {score.BCubedPrecision,5:0.000}  {score.BCubedRecall,5:0.000}  {entries,7}  {total.TotalSeconds,8:0.00}  {total.TotalMicroseconds / size,7:0}  {phases.Grouping.TotalSeconds,10:0.00}  {phases.Summaries.TotalSeconds,11:0.00}  {phases.Rendering.TotalSeconds,11:0.00}  {pause.TotalSeconds,10:0.00}  {allocated / 1048576.0,13:N0}  {phases.GroupingAllocated / 1048576.0,17:N0}  {peak / 1048576.0,20:N0}"));
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
        Console.WriteLine("Peak working set is the process's peak so far (it includes the generated documents), so it only grows from row to row.");
        return 0;
    }

    /// <summary>Composes one digest as <see cref="DigestEditor.Compose(IReadOnlyList{StoryDocument}, IReadOnlyList{StoryProfile}, DigestWindow, DigestOptions, Uri?)"/> does, timing each phase.</summary>
    private static (int Stories, int Entries, Phases Phases, string Fingerprint, string Digest, StoryGrouping Grouping) Compose(IReadOnlyList<StoryDocument> documents, DateTimeOffset now, DigestOptions options, DigestRenderer renderer)
    {
        var window = new DigestWindow(DateOnly.FromDateTime(now.UtcDateTime), options.TimeZone, now, now.AddDays(-1), now);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var grouping = StoryClusterer.Group(documents, []);
        var grouped = clock.Elapsed;
        var groupingAllocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        clock.Restart();
        var edition = DigestEditor.Compose(grouping, documents.Count, window, options, new Uri("https://digest.example/latest"));
        var summarised = clock.Elapsed;
        clock.Restart();
        var rendered = renderer.Render(edition.Content);
        var phases = new Phases(grouped, summarised, clock.Elapsed, groupingAllocated);
        return (edition.StoryUpdates.Count, rendered.Json.Length > 0 ? edition.Content.Entries.Count : 0, phases, Fingerprint(grouping), Fingerprint(edition, rendered.Json), grouping);
    }

    /// <summary>The story each document was put in, as a number per document in the documents' order.</summary>
    private static List<int> StoryLabels(IReadOnlyList<StoryDocument> documents, StoryGrouping grouping)
    {
        var storyOf = new Dictionary<string, int>(documents.Count, StringComparer.Ordinal);
        for (var g = 0; g < grouping.Groups.Count; g++)
        {
            foreach (var document in grouping.Groups[g].Documents)
            {
                storyOf[document.Id] = g;
            }
        }

        return [.. documents.Select(d => storyOf[d.Id])];
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

    /// <summary>Grouping into stories; summaries, ranking and story updates; rendering every format.</summary>
    private sealed record Phases(TimeSpan Grouping, TimeSpan Summaries, TimeSpan Rendering, long GroupingAllocated);

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

        public List<StoryDocument> Generate(int count, DateTimeOffset now)
        {
            var documents = new List<StoryDocument>(count);
            DevelopmentOf.Clear();
            var development = 0;
            while (documents.Count < count)
            {
                development++;
                var facts = Facts(development, now);
                // Most developments get one article; some are covered widely (a long tail, as in real news).
                var reports = _random.NextDouble() < 0.55 ? 1 : Math.Min(1 + (int)(-Math.Log(1 - _random.NextDouble()) * 4), 40);
                StoryDocument? first = null;
                for (var r = 0; r < reports && documents.Count < count; r++)
                {
                    var id = $"d{documents.Count:D7}";
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

                    documents.Add(document);
                    DevelopmentOf.Add(development.ToString(CultureInfo.InvariantCulture));
                }
            }

            Developments = development;
            return documents;
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
