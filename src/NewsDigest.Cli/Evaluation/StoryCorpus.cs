using NewsDigest.Normalization;

namespace NewsDigest.Cli.Evaluation;

/// <summary>One labelled article of the story-grouping corpus, normalized as an upload would be.</summary>
internal sealed record LabelledArticle(string Name, string Event, string Half, string Url, NormalizedDocument Document);

/// <summary>
/// The story-grouping development set: <c>docs/&lt;name&gt;.txt</c> plus <c>gold.tsv</c> (<c>doc topic event title</c>).
/// Articles are normalized by the same <see cref="DocumentNormalizer"/> as uploads.
/// </summary>
internal static class StoryCorpus
{
    public static IReadOnlyList<LabelledArticle> Load(string corpus, DocumentNormalizer normalizer, TextWriter error, string command = "eval stories")
    {
        var articles = new List<LabelledArticle>();
        foreach (var line in File.ReadLines(Path.Combine(corpus, "gold.tsv")).Skip(1))
        {
            var fields = line.Split('\t');
            if (fields.Length < 3)
            {
                continue;
            }

            var path = Path.Combine(corpus, "docs", fields[0] + ".txt");
            if (!File.Exists(path))
            {
                error.WriteLine($"{command}: {fields[0]} is labelled but {path} is missing; skipped.");
                continue;
            }

            var result = normalizer.Normalize(new NormalizationInput(File.ReadAllBytes(path), Path.GetFileName(path)));
            if (result.Rejection is { } rejection || result.Documents.Count == 0)
            {
                error.WriteLine($"{command}: {fields[0]} was refused ({result.Rejection?.Message}); skipped.");
                continue;
            }

            var half = fields[0].EndsWith("ecbplus", StringComparison.Ordinal) ? "ecbplus" : "ecb";
            articles.Add(new LabelledArticle(fields[0], fields[2], half, SourceUrl(path), result.Documents[0]));
        }

        return articles;
    }

    /// <summary>The URL line the corpus keeps under an ecbplus headline (the third line), or empty.</summary>
    private static string SourceUrl(string path)
    {
        foreach (var line in File.ReadLines(path).Take(6))
        {
            if (line.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            {
                return line.Trim();
            }
        }

        return string.Empty;
    }
}
