using System.Globalization;
using NewsDigest.Stories;

namespace NewsDigest.Digest;

/// <summary>
/// Which report of a story speaks for it: the order its documents are summarised in, the headline, and the source
/// list with copies marked. A dated, linked original outranks an undated copy from an unknown outlet.
/// </summary>
internal static class EntrySources
{
    /// <summary>Headlines longer than this are shortened at a word boundary.</summary>
    public const int HeadlineMaxChars = 120;

    public const string UnknownOutlet = "Unknown outlet";

    private static readonly HashSet<string> GenericTitles = new(StringComparer.OrdinalIgnoreCase)
    {
        "home", "news", "untitled", "article", "press release", "breaking news", "latest news", "update", "live", "index",
        "world", "politics", "business", "opinion", "analysis", "report", "story", "page", "blog", "post",
    };

    /// <summary>How much a copy of an article can be trusted to be the original: dated and linked, dated, linked, neither.</summary>
    public static int Authority(StoryDocument document) =>
        (document.Published.HasValue ? 2 : 0) + (SafeLinks.HttpUrlOrNull(document.Url) is null ? 0 : 1)
        + (Outlet(document) == UnknownOutlet ? 0 : 1);

    /// <summary>Each article's copies, the most authoritative copy first; articles with the best original first, then the earliest.</summary>
    public static List<List<StoryDocument>> OrderArticles(IReadOnlyList<IReadOnlyList<StoryDocument>> articles) =>
        [.. articles
            .Select(a => a.OrderByDescending(Authority)
                .ThenBy(d => d.EventTime)
                .ThenByDescending(d => d.Paragraphs.Sum(p => p.Length))
                .ThenBy(d => d.Id, StringComparer.Ordinal)
                .ToList())
            .OrderByDescending(a => Authority(a[0]))
            .ThenBy(a => a[0].EventTime)
            .ThenByDescending(a => a.Count)
            .ThenBy(a => a[0].Id, StringComparer.Ordinal)];

    /// <summary>The title of the best original that has a specific title, shortened to <see cref="HeadlineMaxChars"/>.</summary>
    public static string Headline(List<List<StoryDocument>> orderedArticles)
    {
        var titles = orderedArticles.SelectMany(a => a).Select(d => (Title: TextTokens.Squash(d.Title), Outlet: Outlet(d))).ToList();
        var specific = titles.FirstOrDefault(t => IsSpecific(t.Title, t.Outlet)).Title;
        return Shorten(specific ?? titles.FirstOrDefault(t => t.Title.Length > 0).Title ?? string.Empty, HeadlineMaxChars);
    }

    /// <summary>
    /// At most <paramref name="maxChars"/> characters: cut at the last word boundary that fits, with an ellipsis,
    /// never inside a word, a surrogate pair or a combining sequence.
    /// </summary>
    public static string Shorten(string text, int maxChars)
    {
        if (text.Length <= maxChars)
        {
            return text;
        }

        // Whole text elements only, leaving room for the ellipsis.
        var limit = 0;
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            var end = enumerator.ElementIndex + ((string)enumerator.Current).Length;
            if (end > maxChars - 1)
            {
                break;
            }

            limit = end;
        }

        var cut = limit;
        if (!char.IsWhiteSpace(text[limit]))
        {
            cut = text.LastIndexOf(' ', Math.Max(0, limit - 1), limit);
            if (cut <= 0)
            {
                // One long word: cut between text elements rather than not at all.
                cut = limit;
            }
        }

        return string.Concat(text.AsSpan(0, cut).TrimEnd(" ,;:-\u2013\u2014([{\"'\u201c\u2018"), "\u2026");
    }

    /// <summary>The story's sources: each original in date order followed by its copies, copies marked with the original's id.</summary>
    public static List<DigestSource> List(List<List<StoryDocument>> orderedArticles, DateTimeOffset olderBefore)
    {
        var sources = new List<DigestSource>();
        foreach (var article in orderedArticles.OrderBy(a => a[0].Published ?? a[0].IngestedAt).ThenBy(a => a[0].Id, StringComparer.Ordinal))
        {
            var original = article[0].Id;
            foreach (var document in article)
            {
                sources.Add(new DigestSource(
                    document.Id,
                    Outlet(document),
                    TextTokens.Squash(document.Title),
                    document.Published,
                    SafeLinks.HttpUrlOrNull(document.Url),
                    document.Published is { } published && published < olderBefore,
                    document.Id == original ? null : original));
            }
        }

        return sources;
    }

    /// <summary>Distinct outlets among the articles; an article from an unknown outlet counts as one of its own.</summary>
    public static int IndependentOutlets(List<List<StoryDocument>> orderedArticles) =>
        orderedArticles
            .Select(a => a.Select(Outlet).FirstOrDefault(o => o != UnknownOutlet))
            .Select((outlet, i) => outlet ?? "#" + i.ToString(CultureInfo.InvariantCulture))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Count();

    public static string Outlet(StoryDocument document)
    {
        var name = document.Source.Name;
        if (!string.IsNullOrWhiteSpace(name))
        {
            return TextTokens.Squash(name);
        }

        var host = document.Source.Host;
        if (string.IsNullOrWhiteSpace(host) && SafeLinks.HttpUrlOrNull(document.Url) is { } url)
        {
            host = new Uri(url).Host;
        }

        if (string.IsNullOrWhiteSpace(host))
        {
            return UnknownOutlet;
        }

        return host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : host;
    }

    private static bool IsSpecific(string title, string outlet)
    {
        var words = title.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length >= 4 && !GenericTitles.Contains(title) && !string.Equals(title, outlet, StringComparison.OrdinalIgnoreCase)
            && !title.StartsWith(outlet + " ", StringComparison.OrdinalIgnoreCase);
    }
}
