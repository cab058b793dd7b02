using HtmlAgilityPack;

namespace NewsDigest.Normalization.Html;

/// <summary>
/// Main-content and metadata extraction from one HTML page, built on HtmlAgilityPack: one parse, one metadata walk,
/// then per attempt one walk that measures every element, one scoring pass over the paragraphs, and one cleaning and
/// one writing pass over the chosen content. When the content comes out too short the attempt is repeated with the
/// class/id filters relaxed, and the longest result wins; JSON-LD articleBody is the last resort.
/// </summary>
internal sealed class HtmlArticleExtractor
{
    /// <summary>Below this many characters the content is probably not the article.</summary>
    private const int MinimumArticleLength = 500;

    /// <summary>A title cut down to this many words or fewer needs its site name to stand alone.</summary>
    private const int ShortTitleWords = 4;

    private static readonly (bool StripUnlikely, bool WeightClasses, bool CleanConditionally)[] Attempts =
    [
        (true, true, true),
        (false, true, true),
        (false, false, true),
        (false, false, false),
    ];

    private static readonly string[] TitleSeparators = [" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", " / ", " \\ ", " > "];

    /// <param name="html">The decoded page.</param>
    /// <param name="documentUrl">Where the page came from, when known; resolves relative canonical links.</param>
    public HtmlArticle Extract(string html, Uri? documentUrl = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        return ExtractBounded(NestingGuard.Flatten(html, out _), documentUrl);
    }

    /// <summary>
    /// Extraction from markup that <see cref="NestingGuard.Flatten"/> has already bounded: a caller that flattens
    /// itself can drop the unbounded page before the parse, instead of holding both copies and the DOM at once.
    /// </summary>
    public HtmlArticle ExtractBounded(string boundedHtml, Uri? documentUrl = null)
    {
        ArgumentNullException.ThrowIfNull(boundedHtml);
        // No syntax check: it keeps every open element in a table only to list parse errors, which are never read.
        var document = new HtmlDocument { OptionCheckSyntax = false };
        document.LoadHtml(boundedHtml);

        var metadata = PageMetadataReader.Read(document, documentUrl);
        var body = FindBody(document);
        var content = ExtractContent(body, metadata);

        var siteName = metadata.SiteName;
        var byline = BylineCleaner.Clean(metadata.Byline ?? content.Byline ?? AuthorLinkName(body));
        var paragraphs = content.Paragraphs;
        return new HtmlArticle
        {
            Title = metadata.Title is null ? null : StripSiteName(metadata.Title, siteName),
            Byline = byline,
            Authors = metadata.Authors.Count > 0 ? metadata.Authors : BylineCleaner.Authors(byline),
            Published = metadata.Published,
            Modified = metadata.Modified,
            SiteName = siteName,
            Language = metadata.Language ?? LanguageDetector.Detect(paragraphs),
            CanonicalUrl = metadata.CanonicalUrl,
            Excerpt = metadata.Excerpt ?? content.FirstParagraph ?? (paragraphs.Count > 0 ? paragraphs[0] : null),
            Tags = metadata.Tags,
            Paragraphs = paragraphs,
            Captions = content.Captions,
            CaptionPositions = content.CaptionPositions,
            RemovedBlocks = content.RemovedBlocks,
        };
    }

    private static ExtractedContent ExtractContent(HtmlNode body, PageMetadata metadata)
    {
        ExtractedContent? best = null;
        string? byline = null;
        for (var i = 0; i < Attempts.Length; i++)
        {
            var (stripUnlikely, weightClasses, cleanConditionally) = Attempts[i];
            var builder = new ContentTreeBuilder(new ContentTreeBuilder.Settings(
                stripUnlikely, weightClasses, LookForByline: metadata.Byline is null, metadata.Title));
            var root = builder.Build(body);
            // A later attempt sees blocks the first one skipped, the byline among them.
            byline ??= builder.Byline;

            var selected = ContentSelector.Select(root, builder.Scored, builder.Map);
            var cleaner = new ContentCleaner(cleanConditionally, weightClasses, builder.Map);
            cleaner.Clean(selected);
            var writer = new ArticleTextWriter(builder.Map);
            writer.Write(selected);
            var attempt = new ExtractedContent(
                writer.Paragraphs, writer.Captions, writer.CaptionPositions, writer.TextLength, cleaner.RemovedBlocks, FirstParagraph(selected, builder.Map), byline);
            if (best is null || attempt.TextLength > best.TextLength)
            {
                best = attempt;
            }

            if (attempt.TextLength >= MinimumArticleLength)
            {
                best = attempt;
                break;
            }
        }

        best = best! with { Byline = best.Byline ?? byline };
        if (metadata.ArticleBody is { } articleBody
            && (articleBody.Length > Math.Max(MinimumArticleLength, best!.TextLength * 2)
                || (best.TextLength < MinimumArticleLength && articleBody.Length > best.TextLength * 2)))
        {
            // The page hides its text from the markup (rendered by script) but states it in JSON-LD.
            var paragraphs = articleBody
                .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(HtmlText.Clean)
                .Where(p => p.Length > 0)
                .ToList();
            best = best with
            {
                Paragraphs = paragraphs,
                CaptionPositions = [.. best.CaptionPositions.Select(_ => 0)],
                TextLength = paragraphs.Sum(p => p.Length),
                FirstParagraph = null,
            };
        }

        return best!;
    }

    /// <summary>The first paragraph of the content (for the excerpt when the page gives no description).</summary>
    private static string? FirstParagraph(List<ContentNode> roots, IReadOnlyDictionary<HtmlNode, ContentNode> map)
    {
        var stack = new Stack<ContentNode>();
        for (var i = roots.Count - 1; i >= 0; i--)
        {
            stack.Push(roots[i]);
        }

        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node.Removed)
            {
                continue;
            }

            if (node.Tag == "p" && !node.Transparent)
            {
                var text = ArticleTextWriter.PlainText(node, map);
                return text.Length > 0 ? text : null;
            }

            for (var i = node.Children.Count - 1; i >= 0; i--)
            {
                stack.Push(node.Children[i]);
            }
        }

        return null;
    }

    /// <summary>
    /// Last resort for the byline: the name on the page's <c>rel="author"</c> links (the byline may sit in a header
    /// the content walk skips), when they all name the same person and none sits in a comment.
    /// </summary>
    internal static string? AuthorLinkName(HtmlNode body)
    {
        string? name = null;
        foreach (var link in body.Descendants("a"))
        {
            if (!link.GetAttributeValue("rel", string.Empty).Split(' ').Contains("author", StringComparer.OrdinalIgnoreCase)
                || InComment(link))
            {
                continue;
            }

            var text = HtmlText.Clean(HtmlText.TextContent(link));
            if (text.Length is 0 or > 80)
            {
                continue;
            }

            if (name is not null && !string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            name = text;
        }

        return name;

        static bool InComment(HtmlNode node)
        {
            for (var ancestor = node.ParentNode; ancestor is not null; ancestor = ancestor.ParentNode)
            {
                var marks = ancestor.GetAttributeValue("class", string.Empty) + " " + ancestor.GetAttributeValue("id", string.Empty);
                if (marks.Contains("comment", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }

    private static HtmlNode FindBody(HtmlDocument document)
    {
        var html = Child(document.DocumentNode, "html");
        return (html is null ? Child(document.DocumentNode, "body") : Child(html, "body"))
            ?? html
            ?? document.DocumentNode;

        static HtmlNode? Child(HtmlNode parent, string name)
        {
            foreach (var child in parent.ChildNodes)
            {
                if (child.NodeType == HtmlNodeType.Element && child.Name == name)
                {
                    return child;
                }
            }

            return null;
        }
    }

    /// <summary>
    /// "Title | Site" becomes "Title" when the other part is the site's name, unless what is left is so short
    /// (four words or fewer, counted by spaces as reader-mode extractors do) that the site name is part of it.
    /// </summary>
    internal static string StripSiteName(string title, string? siteName)
    {
        if (string.IsNullOrWhiteSpace(siteName))
        {
            return title;
        }

        var site = Letters(siteName);
        if (site.Length == 0)
        {
            return title;
        }

        foreach (var separator in TitleSeparators)
        {
            var last = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (last > 0 && Letters(title[(last + separator.Length)..]) == site)
            {
                return LongEnough(title[..last]) ?? title;
            }

            var first = title.IndexOf(separator, StringComparison.Ordinal);
            if (first > 0 && first + separator.Length < title.Length && Letters(title[..first]) == site)
            {
                return LongEnough(title[(first + separator.Length)..]) ?? title;
            }
        }

        return title;

        static string? LongEnough(string rest)
        {
            var trimmed = rest.Trim();
            return trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > ShortTitleWords ? trimmed : null;
        }

        static string Letters(string text) =>
            string.Concat(text.Where(char.IsLetterOrDigit)).ToLowerInvariant();
    }

    private sealed record ExtractedContent(
        List<string> Paragraphs,
        List<string> Captions,
        List<int> CaptionPositions,
        int TextLength,
        int RemovedBlocks,
        string? FirstParagraph,
        string? Byline);
}
