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
    public static int Authority(StoryDocument document) => SourceFacts.Of(document).Authority;

    /// <summary>Each article's copies, the most authoritative copy first; articles with the best original first, then the earliest.</summary>
    public static List<List<StoryDocument>> OrderArticles(IReadOnlyList<IReadOnlyList<StoryDocument>> articles) =>
        Documents(SourceFacts.Order(articles));

    /// <summary>The title of the best original that has a specific title, shortened to <see cref="HeadlineMaxChars"/>.</summary>
    public static string Headline(List<List<StoryDocument>> orderedArticles) => Headline(Facts(orderedArticles));

    /// <summary>The same from the articles' facts: the first specific title, else the first title at all.</summary>
    public static string Headline(List<List<SourceFacts>> orderedArticles)
    {
        string? any = null;
        foreach (var article in orderedArticles)
        {
            foreach (var document in article)
            {
                var title = document.Title;
                if (IsSpecific(title, document.Outlet))
                {
                    return Shorten(title, HeadlineMaxChars);
                }

                if (any is null && title.Length > 0)
                {
                    any = title;
                }
            }
        }

        return Shorten(any ?? string.Empty, HeadlineMaxChars);
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
    public static List<DigestSource> List(List<List<StoryDocument>> orderedArticles, DateTimeOffset olderBefore) =>
        List(Facts(orderedArticles), olderBefore);

    public static List<DigestSource> List(List<List<SourceFacts>> orderedArticles, DateTimeOffset olderBefore)
    {
        var byDate = new List<(List<SourceFacts> Article, int Index)>(orderedArticles.Count);
        var count = 0;
        for (var i = 0; i < orderedArticles.Count; i++)
        {
            byDate.Add((orderedArticles[i], i));
            count += orderedArticles[i].Count;
        }

        // Index last, so articles of the same time and id keep their order as a stable sort would.
        byDate.Sort(static (a, b) =>
        {
            var x = a.Article[0].Document;
            var y = b.Article[0].Document;
            var order = (x.Published ?? x.IngestedAt).CompareTo(y.Published ?? y.IngestedAt);
            order = order != 0 ? order : string.CompareOrdinal(x.Id, y.Id);
            return order != 0 ? order : a.Index.CompareTo(b.Index);
        });
        var sources = new List<DigestSource>(count);
        foreach (var (article, _) in byDate)
        {
            var original = article[0].Document.Id;
            foreach (var facts in article)
            {
                var document = facts.Document;
                sources.Add(new DigestSource(
                    document.Id,
                    facts.Outlet,
                    facts.Title,
                    document.Published,
                    facts.Url,
                    document.Published is { } published && published < olderBefore,
                    document.Id == original ? null : original));
            }
        }

        return sources;
    }

    /// <summary>
    /// Whether the story is older coverage: some of its sources (<see cref="List(List{List{SourceFacts}}, DateTimeOffset)"/>)
    /// are dated, and every dated one was published before <paramref name="olderBefore"/>.
    /// </summary>
    public static bool IsOlderCoverage(List<List<SourceFacts>> orderedArticles, DateTimeOffset olderBefore)
    {
        var dated = false;
        foreach (var article in orderedArticles)
        {
            foreach (var facts in article)
            {
                if (facts.Document.Published is { } published)
                {
                    if (published >= olderBefore)
                    {
                        return false;
                    }

                    dated = true;
                }
            }
        }

        return dated;
    }

    /// <summary>Distinct outlets among the articles; an article from an unknown outlet counts as one of its own.</summary>
    public static int IndependentOutlets(List<List<StoryDocument>> orderedArticles) => IndependentOutlets(Facts(orderedArticles));

    public static int IndependentOutlets(List<List<SourceFacts>> orderedArticles)
    {
        if (orderedArticles.Count <= 1)
        {
            // One article is one outlet, known or not (most stories of a large window have one report).
            return orderedArticles.Count;
        }

        var outlets = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < orderedArticles.Count; i++)
        {
            var article = orderedArticles[i];
            string? outlet = null;
            foreach (var document in article)
            {
                if (document.Outlet != UnknownOutlet)
                {
                    outlet = document.Outlet;
                    break;
                }
            }

            // An article from an unknown outlet counts as an outlet of its own.
            outlets.Add(outlet ?? "#" + i.ToString(CultureInfo.InvariantCulture));
        }

        return outlets.Count;
    }

    public static List<List<StoryDocument>> Documents(List<List<SourceFacts>> orderedArticles)
    {
        var documents = new List<List<StoryDocument>>(orderedArticles.Count);
        foreach (var article in orderedArticles)
        {
            var copies = new List<StoryDocument>(article.Count);
            foreach (var facts in article)
            {
                copies.Add(facts.Document);
            }

            documents.Add(copies);
        }

        return documents;
    }

    private static List<List<SourceFacts>> Facts(List<List<StoryDocument>> orderedArticles)
    {
        var facts = new List<List<SourceFacts>>(orderedArticles.Count);
        foreach (var article in orderedArticles)
        {
            var copies = new List<SourceFacts>(article.Count);
            foreach (var document in article)
            {
                copies.Add(SourceFacts.Of(document));
            }

            facts.Add(copies);
        }

        return facts;
    }

    public static string Outlet(StoryDocument document)
    {
        var name = document.Source.Name;
        if (!string.IsNullOrWhiteSpace(name))
        {
            return SentenceSplitter.Squashed(name);
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
        var words = 0;
        foreach (var range in title.AsSpan().Split(' '))
        {
            if (range.End.Value > range.Start.Value)
            {
                words++;
            }
        }

        return words >= 4 && !GenericTitles.Contains(title) && !string.Equals(title, outlet, StringComparison.OrdinalIgnoreCase)
            && !(title.Length > outlet.Length && title[outlet.Length] == ' ' && title.StartsWith(outlet, StringComparison.OrdinalIgnoreCase));
    }
}
