using System.Globalization;
using System.Text;
using NewsDigest.Normalization;
using NewsDigest.Stories;

namespace NewsDigest.Cli.Commands.Bench;

/// <summary>
/// The generated documents as storage holds them: read whole a block at a time, and read again by id. Nothing is
/// kept: each read generates them anew from the seed, the same every time.
/// </summary>
internal sealed class SyntheticStore(int seed, int count, DateTimeOffset now)
{
    public int Count => count;

    /// <summary>Distinct developments, once <see cref="ReadAll"/> has been read through.</summary>
    public int Developments { get; private set; }

    /// <summary>The development each document reports, in the documents' order, once <see cref="ReadAll"/> has been read through.</summary>
    public List<string> DevelopmentOf { get; private set; } = [];

    /// <summary>
    /// Every document as a large window reads it from storage: not its text, but the features of its text that
    /// ingestion worked out and stored with it (<see cref="TextFeatures"/>), which are ingestion's work, not the digest's.
    /// </summary>
    public IEnumerable<StoryDocument> ReadAll()
    {
        var generator = new SyntheticNews(seed);
        var draft = new DocumentFeatureDraft();
        var buffers = new DocumentFeatureBuffers();
        foreach (var document in generator.Generate(count, now))
        {
            draft.Read(document.Title, document.Paragraphs, document.Published, buffers);
            yield return document.WithFeaturesInsteadOfText(draft.ToTextFeatures());
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
internal sealed class SyntheticNews(int seed)
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

    private DevelopmentFacts Facts(int development, DateTimeOffset now)
    {
        // Each development has its own subject (a company, a bill, a site) and its own words, as real stories do;
        // the shared topic words and sentence frames make unrelated stories look alike on the surface.
        var topic = Topics[_random.Next(Topics.Length)].Concat(Enumerable.Range(0, 8).Select(_ => Word())).ToArray();
        var subject = Capitalised(Word()) + " " + Pick(["Holdings", "Project", "Bill", "Plant", "Accord", "Fund", "Line", "Group"]);
        return new DevelopmentFacts(
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

    private StoryDocument Report(string id, DevelopmentFacts facts, string outlet, DateTimeOffset now)
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

    private string Sentence(DevelopmentFacts facts)
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

    private sealed record DevelopmentFacts(
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
