using NewsDigest.Stories;

namespace NewsDigest.Digest;

/// <summary>
/// What ordering a story's reports and listing its sources need of one document, worked out once per document: its
/// outlet, its safe link (a parse of the address) and its squashed title, instead of once per comparison or list.
/// </summary>
internal sealed class SourceFacts
{
    private string? _title;

    private SourceFacts(StoryDocument document, string outlet, string? url)
    {
        Document = document;
        Outlet = outlet;
        Url = url;
        Authority = (document.Published.HasValue ? 2 : 0) + (url is null ? 0 : 1) + (outlet == EntrySources.UnknownOutlet ? 0 : 1);
    }

    public StoryDocument Document { get; }

    public string Outlet { get; }

    public string? Url { get; }

    /// <summary>How much it can be trusted to be the original: dated, linked, from a known outlet.</summary>
    public int Authority { get; }

    public string Title => _title ??= SentenceSplitter.Squashed(Document.Title);

    public static SourceFacts Of(StoryDocument document) =>
        new(document, EntrySources.Outlet(document), SafeLinks.HttpUrlOrNull(document.Url));

    /// <summary>
    /// Each article's copies, the most authoritative copy first (then the earliest, the longest, by id); articles
    /// with the best original first, then the earliest, the most copied, by id.
    /// </summary>
    public static List<List<SourceFacts>> Order(IReadOnlyList<IReadOnlyList<StoryDocument>> articles)
    {
        var ordered = new List<List<SourceFacts>>(articles.Count);
        foreach (var article in articles)
        {
            var copies = new List<SourceFacts>(article.Count);
            foreach (var document in article)
            {
                copies.Add(Of(document));
            }

            if (copies.Count > 1)
            {
                // Sorted with the index as the last key, so equal copies keep their order as a stable sort would.
                var indexed = new List<(SourceFacts Facts, int Index)>(copies.Count);
                for (var i = 0; i < copies.Count; i++)
                {
                    indexed.Add((copies[i], i));
                }

                indexed.Sort((a, b) => CompareCopies(a.Facts, b.Facts) is var order and not 0 ? order : a.Index.CompareTo(b.Index));
                for (var i = 0; i < copies.Count; i++)
                {
                    copies[i] = indexed[i].Facts;
                }
            }

            ordered.Add(copies);
        }

        if (ordered.Count == 1)
        {
            return ordered;
        }

        var articleOrder = new List<(List<SourceFacts> Article, int Index)>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            articleOrder.Add((ordered[i], i));
        }

        articleOrder.Sort(static (a, b) => CompareArticles(a.Article, b.Article) is var order and not 0 ? order : a.Index.CompareTo(b.Index));
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i] = articleOrder[i].Article;
        }

        return ordered;
    }

    private static int CompareCopies(SourceFacts a, SourceFacts b)
    {
        if (a.Authority != b.Authority)
        {
            return b.Authority.CompareTo(a.Authority);
        }

        var time = a.Document.EventTime.CompareTo(b.Document.EventTime);
        if (time != 0)
        {
            return time;
        }

        var length = b.Document.TextLength.CompareTo(a.Document.TextLength);
        return length != 0 ? length : string.CompareOrdinal(a.Document.Id, b.Document.Id);
    }

    private static int CompareArticles(List<SourceFacts> a, List<SourceFacts> b)
    {
        if (a[0].Authority != b[0].Authority)
        {
            return b[0].Authority.CompareTo(a[0].Authority);
        }

        var time = a[0].Document.EventTime.CompareTo(b[0].Document.EventTime);
        if (time != 0)
        {
            return time;
        }

        return a.Count != b.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a[0].Document.Id, b[0].Document.Id);
    }
}
