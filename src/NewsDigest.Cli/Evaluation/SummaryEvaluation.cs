using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsDigest.Digest;
using NewsDigest.Normalization;
using NewsDigest.Stories;

namespace NewsDigest.Cli.Evaluation;

/// <summary>
/// <c>newsdigest eval summaries</c>: does a summary open with the event? On the labelled development set, each gold
/// event of two or more articles is one story (so the figures do not depend on story grouping); a summary sentence
/// counts when the annotators marked it as mentioning the event. A lead baseline (the first sentences of the earliest
/// article, as many as ours has) is scored the same way.
/// </summary>
internal static class SummaryEvaluation
{
    private const double SameSentence = 0.8;
    private static readonly DateTimeOffset IngestedBase = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static Command Create()
    {
        var corpusOption = new Option<DirectoryInfo?>("--corpus")
        {
            Description = "Folder with docs/, gold.tsv and event-sentences.tsv. Default: ../shared/corpora/ecbplus-dev beside the repository.",
        };
        var worstOption = new Option<int>("--worst")
        {
            Description = "How many of our worst summaries to print.",
            DefaultValueFactory = _ => 5,
        };
        var command = new Command("summaries", "Score summaries on the labelled development set against a lead baseline.")
        {
            corpusOption,
            worstOption,
        };
        command.SetAction(parseResult => Run(parseResult.GetValue(corpusOption)?.FullName, parseResult.GetValue(worstOption), Console.Out, Console.Error));
        return command;
    }

    public static int Run(string? corpusOption, int worst, TextWriter output, TextWriter error)
    {
        var corpus = corpusOption ?? (RepositoryPaths.FindRoot() is { } root
            ? Path.GetFullPath(Path.Combine(root, "..", "shared", "corpora", "ecbplus-dev"))
            : null);
        if (corpus is null || !File.Exists(Path.Combine(corpus, "gold.tsv")) || !File.Exists(Path.Combine(corpus, "event-sentences.tsv")))
        {
            output.WriteLine($"eval summaries: skipped, no gold.tsv and event-sentences.tsv in {corpus ?? "(no FunctionsApp.sln above the current directory)"}.");
            return 0;
        }

        var stories = LoadStories(corpus, error);
        var marked = LoadMarked(corpus);
        var idf = InverseDocumentFrequency(stories.SelectMany(s => s.Documents));
        var ours = new List<StoryResult>();
        var lead = new List<StoryResult>();
        foreach (var story in stories.Where(s => s.Documents.Count >= 2))
        {
            var (_, summary, headline) = DigestEditor.Summarize([.. story.Documents.Select(d => (IReadOnlyList<StoryDocument>)[d])], [], idf);
            var sentences = summary.Select(s => (s.Text, s.DocumentId)).ToList();
            ours.Add(Score(story.Event, headline, sentences, marked));
            lead.Add(Score(story.Event, headline, Lead(story.Documents, Math.Max(1, sentences.Count)), marked));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Corpus: {corpus} ({stories.Sum(s => s.Documents.Count)} articles, {stories.Count} events, {ours.Count} of 2+ articles)"));
        output.WriteLine();
        output.WriteLine($"{"",-44}{"NewsDigest",14}{"lead",14}");
        Row(output, "first sentence marked as the event", FirstShare(ours), FirstShare(lead));
        Row(output, "summary sentences marked as the event", SentenceShare(ours), SentenceShare(lead));
        Row(output, "sentences per summary", Average(ours), Average(lead));
        output.WriteLine();
        output.WriteLine($"Our {worst} worst summaries (+ marked as the event, - not marked):");
        foreach (var result in ours.OrderBy(r => r.FirstMarked ? 1 : 0).ThenBy(r => r.Share).ThenBy(r => r.Event, StringComparer.Ordinal).Take(worst))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {result.Event}: {result.Headline}"));
            foreach (var (text, documentId, isMarked) in result.Sentences)
            {
                output.WriteLine($"    {(isMarked ? '+' : '-')} [{documentId}] {text}");
            }
        }

        return 0;
    }

    /// <summary>The lead baseline: the first sentences of the earliest article, then of the next articles.</summary>
    internal static List<(string Text, string DocumentId)> Lead(IReadOnlyList<StoryDocument> documents, int count)
    {
        var sentences = new List<(string, string)>();
        foreach (var document in documents.OrderBy(d => d.EventTime).ThenBy(d => d.Id, StringComparer.Ordinal))
        {
            foreach (var sentence in document.Paragraphs.SelectMany(SentenceSplitter.Split).Where(SentenceFilter.IsSentence))
            {
                if (sentences.Count == count)
                {
                    return sentences;
                }

                sentences.Add((sentence, document.Id));
            }
        }

        return sentences;
    }

    /// <summary>Whether a sentence is one the annotators marked in that document (token containment, either way round).</summary>
    internal static bool IsMarked(string sentence, IReadOnlyList<HashSet<string>> markedInDocument)
    {
        var words = new HashSet<string>(TextTokens.Words(sentence), StringComparer.Ordinal);
        foreach (var marked in markedInDocument)
        {
            var smaller = Math.Min(words.Count, marked.Count);
            if (smaller < 5 || smaller < Math.Max(words.Count, marked.Count) / 2)
            {
                continue;
            }

            if (words.Count(marked.Contains) >= SameSentence * smaller)
            {
                return true;
            }
        }

        return false;
    }

    private static StoryResult Score(string eventId, string headline, List<(string Text, string DocumentId)> sentences, Dictionary<string, List<HashSet<string>>> marked)
    {
        var scored = sentences
            .Select(s => (s.Text, s.DocumentId, IsMarked(s.Text, marked.TryGetValue(s.DocumentId, out var m) ? m : [])))
            .ToList();
        return new StoryResult(eventId, headline, scored);
    }

    private static List<GoldStory> LoadStories(string corpus, TextWriter error)
    {
        var normalizer = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddNormalization(new ConfigurationBuilder().Build())
            .BuildServiceProvider()
            .GetRequiredService<DocumentNormalizer>();
        // The corpus name is the document id, so marked sentences can be looked up by it.
        var order = 0;
        var byEvent = new Dictionary<string, List<StoryDocument>>(StringComparer.Ordinal);
        foreach (var article in StoryCorpus.Load(corpus, normalizer, error, "eval summaries"))
        {
            var document = StoryDocument.From(article.Document with { Id = article.Name }, IngestedBase.AddMinutes(order++));
            if (!byEvent.TryGetValue(article.Event, out var documents))
            {
                byEvent[article.Event] = documents = [];
            }

            documents.Add(document);
        }

        return [.. byEvent.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new GoldStory(e.Key, e.Value))];
    }

    private static Dictionary<string, List<HashSet<string>>> LoadMarked(string corpus)
    {
        var marked = new Dictionary<string, List<HashSet<string>>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(corpus, "event-sentences.tsv")).Skip(1))
        {
            var fields = line.Split('\t', 3);
            if (fields.Length < 3)
            {
                continue;
            }

            if (!marked.TryGetValue(fields[0], out var sentences))
            {
                marked[fields[0]] = sentences = [];
            }

            sentences.Add(new HashSet<string>(TextTokens.Words(fields[2]), StringComparer.Ordinal));
        }

        return marked;
    }

    private static Func<string, double> InverseDocumentFrequency(IEnumerable<StoryDocument> documents)
    {
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var count = 0;
        foreach (var document in documents)
        {
            count++;
            foreach (var term in document.Paragraphs.SelectMany(TextTokens.ContentWords).Distinct(StringComparer.Ordinal))
            {
                frequency[term] = frequency.GetValueOrDefault(term) + 1;
            }
        }

        return term => 1 + Math.Log((1.0 + count) / (1 + frequency.GetValueOrDefault(term)));
    }

    private static void Row(TextWriter output, string label, string ours, string lead) =>
        output.WriteLine($"{label,-44}{ours,14}{lead,14}");

    private static string FirstShare(List<StoryResult> results) =>
        Share(results.Count(r => r.FirstMarked), results.Count);

    private static string SentenceShare(List<StoryResult> results) =>
        Share(results.Sum(r => r.Sentences.Count(s => s.Marked)), results.Sum(r => r.Sentences.Count));

    private static string Average(List<StoryResult> results) =>
        (results.Count == 0 ? 0 : results.Average(r => r.Sentences.Count)).ToString("F2", CultureInfo.InvariantCulture);

    private static string Share(int part, int total) =>
        string.Create(CultureInfo.InvariantCulture, $"{part}/{total} {(total == 0 ? 0 : 100.0 * part / total):F1}%");

    private sealed record GoldStory(string Event, List<StoryDocument> Documents);

    private sealed record StoryResult(string Event, string Headline, List<(string Text, string DocumentId, bool Marked)> Sentences)
    {
        public bool FirstMarked => Sentences.Count > 0 && Sentences[0].Marked;

        public double Share => Sentences.Count == 0 ? 0 : (double)Sentences.Count(s => s.Marked) / Sentences.Count;
    }
}
