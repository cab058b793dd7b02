using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsDigest.Cli.Evaluation;

/// <summary>Body and metadata scores of one extractor over the corpus.</summary>
internal sealed partial class ExtractionScorecard(string name)
{
    private readonly Dictionary<string, FieldTally> fields = new(StringComparer.Ordinal);

    public string Name { get; } = name;

    public List<PageScore> Pages { get; } = [];

    /// <summary>Body scores with figure captions left out of the extracted text.</summary>
    public List<PageScore> BodyOnlyPages { get; } = [];

    public double BodyOnlyF1 => BodyOnlyPages.Count == 0 ? 0 : ShingleScore.F1(BodyOnlyPages.Average(p => p.Precision), BodyOnlyPages.Average(p => p.Recall));

    public int Failures { get; set; }

    public double Precision => Pages.Count == 0 ? 0 : Pages.Average(p => p.Precision);

    public double Recall => Pages.Count == 0 ? 0 : Pages.Average(p => p.Recall);

    public double F1 => ShingleScore.F1(Precision, Recall);

    public FieldTally Field(string field) =>
        fields.TryGetValue(field, out var tally) ? tally : fields[field] = new FieldTally();

    public void Score(CorpusPage page, ExtractorOutput? output)
    {
        if (page.ExpectedText is not null)
        {
            var (precision, recall) = output is null ? (0, 0) : ShingleScore.Compare(output.Text, page.ExpectedText);
            Pages.Add(new PageScore(page.Name, precision, recall));
            var (bodyPrecision, bodyRecall) = output is null ? (0, 0) : ShingleScore.Compare(output.BodyOnlyText, page.ExpectedText);
            BodyOnlyPages.Add(new PageScore(page.Name, bodyPrecision, bodyRecall));
        }

        Compare(page, "title", "title", page.Title, output?.Title, Exact);
        Compare(page, "title", "title (site name aside)", page.Title, output?.Title, SameApartFromSiteName(page.SiteName));
        Compare(page, "byline", "byline", page.Byline, output?.Byline, Exact);
        Compare(page, "byline", "byline (lenient)", page.Byline, output?.Byline, Lenient);
        Compare(page, "excerpt", "excerpt", page.Excerpt, output?.Excerpt, Exact);
        Compare(page, "siteName", "site name", page.SiteName, output?.SiteName, Exact);
        Compare(page, "lang", "language", page.Language, output?.Language, SameLanguage);
        if (ParseInstant(page.PublishedTime) is { } expected)
        {
            var actual = output?.Published;
            Field("published").Add(
                page.Name,
                actual is { } ours && ours.UtcTicks == expected.UtcTicks,
                page.PublishedTime!,
                actual?.ToString("O", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>
    /// Scores a field twice: over every page whose reference records it, where "none" on both sides is a match and a
    /// value on one side only is a miss (so inventing a byline costs as much as missing one), and over just the pages
    /// that have a value, which is blind to invented values.
    /// </summary>
    private void Compare(CorpusPage page, string recordedAs, string field, string? expected, string? actual, Func<string, string, bool> equal)
    {
        var hasExpected = !string.IsNullOrWhiteSpace(expected);
        var hasActual = !string.IsNullOrWhiteSpace(actual);
        if (page.RecordedFields.Contains(recordedAs))
        {
            var matched = hasExpected ? hasActual && equal(expected!, actual!) : !hasActual;
            Field(field).Add(page.Name, matched, hasExpected ? expected! : "(none)", actual);
        }

        if (hasExpected)
        {
            Field(field + WithValueSuffix).Add(page.Name, hasActual && equal(expected!, actual!), expected!, actual);
        }
    }

    /// <summary>Names the tally over only the pages whose reference has a value for the field.</summary>
    public const string WithValueSuffix = ", pages with one";

    /// <summary>
    /// Exact, or equal once a trailing " | Site" / " - Site" naming the page's site is taken off either side: the
    /// reference keeps the site name that a title declared in og:title or JSON-LD carries.
    /// </summary>
    private static Func<string, string, bool> SameApartFromSiteName(string? siteName) => (expected, actual) =>
        Exact(expected, actual)
        || (siteName is not null && Exact(WithoutSite(expected, siteName), WithoutSite(actual, siteName)));

    private static string WithoutSite(string title, string siteName)
    {
        foreach (var separator in new[] { " | ", " - ", " – ", " — ", " :: ", " · " })
        {
            var suffix = separator + siteName.Trim();
            if (title.Trim().EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return title.Trim()[..^suffix.Length];
            }
        }

        return title;
    }

    /// <summary>Language tags are case-insensitive (BCP 47): "en-us" and "en-US" are the same tag.</summary>
    private static bool SameLanguage(string expected, string actual) =>
        string.Equals(Collapse(expected), Collapse(actual), StringComparison.OrdinalIgnoreCase);

    private static bool Exact(string expected, string actual) =>
        string.Equals(Collapse(expected), Collapse(actual), StringComparison.Ordinal);

    /// <summary>Case-insensitive and blind to a leading "By"/"Par"/"Von"/"Por"/"Written by": the same for both sides.</summary>
    private static bool Lenient(string expected, string actual) =>
        string.Equals(
            BylinePrefix().Replace(Collapse(expected), string.Empty),
            BylinePrefix().Replace(Collapse(actual), string.Empty),
            StringComparison.OrdinalIgnoreCase);

    internal static string Collapse(string value) => Whitespace().Replace(value, " ").Trim();

    internal static DateTimeOffset? ParseInstant(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        // "+0100" is common in the wild; .NET wants "+01:00".
        var text = OffsetWithoutColon().Replace(value.Trim(), "$1:$2");
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : null;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(?:written\s+by|by|par|por|von|door|di)\s*:?\s+", RegexOptions.IgnoreCase)]
    private static partial Regex BylinePrefix();

    [GeneratedRegex(@"([+-]\d{2})(\d{2})$")]
    private static partial Regex OffsetWithoutColon();
}

internal sealed record PageScore(string Name, double Precision, double Recall)
{
    public double F1 => ShingleScore.F1(Precision, Recall);
}

/// <summary>How many of the pages scored for a field got it right.</summary>
internal sealed class FieldTally
{
    public int Matched { get; private set; }

    public int Total { get; private set; }

    public List<(string Page, string Expected, string? Actual)> Missed { get; } = [];

    public double Rate => Total == 0 ? 0 : (double)Matched / Total;

    public void Add(string page, bool matched, string expected, string? actual)
    {
        Total++;
        if (matched)
        {
            Matched++;
        }
        else
        {
            Missed.Add((page, expected, actual));
        }
    }
}
