using HtmlAgilityPack;

namespace NewsDigest.Normalization.Html;

/// <summary>
/// One walk over the page body that skips what a reader cannot see (hidden elements, scripts, styles, templates),
/// optionally skips page furniture (navigation, comments, sidebars, by class, id and role), takes out the byline and
/// the heading that repeats the title, and aggregates text, link-text and comma counts bottom-up.
/// Inline content inside a div becomes a paragraph of its own, as does text after a double line break.
/// </summary>
internal sealed class ContentTreeBuilder(ContentTreeBuilder.Settings settings)
{
    private const int MaxDepth = 400;
    private const int NoAncestor = int.MaxValue / 2;

    private readonly Dictionary<HtmlNode, ContentNode> map = new(ReferenceEqualityComparer.Instance);
    private readonly List<ContentNode> scored = [];
    private bool titleHeaderRemoved;
    private bool lastWasSpace = true;
    private int order;

    internal sealed record Settings(bool StripUnlikely, bool WeightClasses, bool LookForByline, string? Title);

    public IReadOnlyDictionary<HtmlNode, ContentNode> Map => map;

    /// <summary>Paragraph-like elements to score, in document order.</summary>
    public IReadOnlyList<ContentNode> Scored => scored;

    /// <summary>Text of the first element that looked like a byline (already removed from the content).</summary>
    public string? Byline { get; private set; }

    public ContentNode Build(HtmlNode body)
    {
        // The root stands for <html>: never a candidate itself, but the parent that makes body one.
        var root = new ContentNode(body.ParentNode ?? body, "html", order++);
        var bodyNode = Visit(body, 0, NoAncestor, NoAncestor) ?? new ContentNode(body, "body", order++);
        bodyNode.Tag = "body";
        root.Add(bodyNode);
        scored.Sort((a, b) => a.Order.CompareTo(b.Order));
        return bodyNode;
    }

    private ContentNode? Visit(HtmlNode element, int depth, int tableDistance, int codeDistance)
    {
        var tag = element.Name;
        if (depth > MaxDepth || ExtractionPatterns.IgnoredTags.Contains(tag) || !IsVisible(element, out var className))
        {
            return null;
        }

        var id = element.GetAttributeValue("id", string.Empty);
        if (element.GetAttributeValue("aria-modal", string.Empty) == "true" && element.GetAttributeValue("role", string.Empty) == "dialog")
        {
            return null;
        }

        if (settings.LookForByline && Byline is null && tag != "body" && LooksLikeByline(element, className, id))
        {
            var text = HtmlText.Clean(HtmlText.TextContent(element));
            if (text.Length is > 0 and < 100)
            {
                Byline = BylineName(element) ?? text;
                return null;
            }
        }

        if (!titleHeaderRemoved && settings.Title is { Length: > 0 } title && tag is "h1" or "h2"
            && TitleSimilarity.Similarity(title, HtmlText.TextContent(element)) > 0.75)
        {
            titleHeaderRemoved = true;
            return null;
        }

        if (settings.StripUnlikely && tag is not "body" and not "a")
        {
            if ((className.Length > 0 || id.Length > 0)
                && tableDistance > 4 && codeDistance > 4
                && IsUnlikely(className, id))
            {
                return null;
            }

            var role = element.GetAttributeValue("role", string.Empty);
            if (role.Length > 0 && ExtractionPatterns.UnlikelyRoles.Contains(role))
            {
                return null;
            }
        }

        var node = new ContentNode(element, tag, order++)
        {
            ClassName = className,
            ClassWeight = settings.WeightClasses ? ClassWeight(className, id) : 0,
        };
        map[element] = node;

        if (ExtractionPatterns.OpaqueTags.Contains(tag))
        {
            if (ExtractionPatterns.EmbedTags.Contains(tag))
            {
                foreach (var attribute in element.Attributes)
                {
                    if (ExtractionPatterns.VideoSource().IsMatch(attribute.Value ?? string.Empty))
                    {
                        node.IsVideo = true;
                        break;
                    }
                }
            }

            return node;
        }

        var childTableDistance = tag == "table" ? 1 : tableDistance + 1;
        var childCodeDistance = tag == "code" ? 1 : codeDistance + 1;
        var hasBreakChain = HasBreakChain(element);
        var actsAsDiv = tag == "div" || (hasBreakChain && tag == "p");
        VisitChildren(element, node, actsAsDiv, depth, childTableDistance, childCodeDistance);

        if (tag == "a")
        {
            var href = element.GetAttributeValue("href", string.Empty);
            node.LinkCoefficient = href.Length > 1 && href[0] == '#' ? 0.3 : 1;
            node.LinkLength = node.TextLength * node.LinkCoefficient;
        }

        if (tag is "div" or "section" or "header" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" && IsWithoutContent(node))
        {
            map.Remove(element);
            return null;
        }

        if (actsAsDiv)
        {
            node.Tag = "div";
            ShapeDiv(node);
        }

        if (!node.Transparent && ExtractionPatterns.ScoredTags.Contains(node.Tag))
        {
            scored.Add(node);
        }

        return node;
    }

    private void VisitChildren(HtmlNode element, ContentNode node, bool actsAsDiv, int depth, int tableDistance, int codeDistance)
    {
        ContentNode? run = null;
        var runAfterBreaks = false;
        var children = element.ChildNodes;
        for (var i = 0; i < children.Count; i++)
        {
            var child = children[i];
            if (child.NodeType == HtmlNodeType.Text)
            {
                var measure = new TextMeasure(lastWasSpace);
                CharacterReferences.Measure(HtmlText.RawText((HtmlTextNode)child), ref measure);
                lastWasSpace = measure.LastWasSpace;
                var (whitespace, length, commas, asciiCommas) = (measure.Whitespace, measure.Length, measure.Commas, measure.AsciiCommas);
                if (run is null && ((actsAsDiv && !whitespace) || runAfterBreaks))
                {
                    run = StartRun(element);
                }

                if (run is not null)
                {
                    run.RunNodes!.Add(child);
                    run.AddDirectText(length, commas, asciiCommas, !whitespace);
                }
                else
                {
                    node.AddDirectText(length, commas, asciiCommas, !whitespace);
                }

                continue;
            }

            if (child.NodeType != HtmlNodeType.Element)
            {
                continue;
            }

            if (child.Name == "br" && IsBreakChain(children, i, out var afterChain))
            {
                // Two or more line breaks end a paragraph; what follows is a paragraph of its own.
                if (run is not null)
                {
                    node.Add(run);
                    run = null;
                }

                runAfterBreaks = true;
                i = afterChain - 1;
                lastWasSpace = true;
                continue;
            }

            var childNode = Visit(child, depth + 1, tableDistance, codeDistance);
            if (childNode is null)
            {
                // A dropped child (hidden, empty, furniture) still shaped its parent: a div that held a block
                // element is a container, not a paragraph, whatever became of that block.
                if (!ExtractionPatterns.IgnoredTags.Contains(child.Name))
                {
                    node.DroppedChildren++;
                    if (!node.HasBlockDescendant && ContainsBlock(child))
                    {
                        node.HasBlockDescendant = true;
                    }
                }

                continue;
            }

            var phrasing = IsPhrasing(childNode);
            if (!phrasing)
            {
                node.AllPhrasing = false;
            }

            if (phrasing)
            {
                if (run is null && ((actsAsDiv && child.Name != "br") || runAfterBreaks))
                {
                    run = StartRun(element);
                }

                if (run is not null)
                {
                    run.RunNodes!.Add(child);
                    run.Add(childNode);
                    continue;
                }
            }
            else
            {
                if (run is not null)
                {
                    node.Add(run);
                    run = null;
                }

                runAfterBreaks = false;
            }

            node.Add(childNode);
        }

        if (run is not null)
        {
            node.Add(run);
        }
    }

    private static bool ContainsBlock(HtmlNode element)
    {
        var stack = new Stack<HtmlNode>();
        stack.Push(element);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (ExtractionPatterns.BlockTags.Contains(current.Name))
            {
                return true;
            }

            foreach (var child in current.ChildNodes)
            {
                if (child.NodeType == HtmlNodeType.Element && !ExtractionPatterns.IgnoredTags.Contains(child.Name))
                {
                    stack.Push(child);
                }
            }
        }

        return false;
    }

    private ContentNode StartRun(HtmlNode parent) => new(parent, "p", order++) { RunNodes = [] };

    /// <summary>A div is a paragraph when it holds only inline content, or a wrapper when it holds one paragraph.</summary>
    private void ShapeDiv(ContentNode div)
    {
        var runs = 0;
        foreach (var child in div.Children)
        {
            if (child.IsRun)
            {
                runs++;
            }
        }

        var elements = div.Children.Count - runs + div.DroppedChildren;
        if (runs == 1 && elements == 0 && div.LinkDensity < 0.25)
        {
            // The div is its single run of inline text: make the div the paragraph.
            var run = div.Children[0];
            div.Children.Clear();
            foreach (var inline in run.Children)
            {
                inline.Parent = div;
                div.Children.Add(inline);
            }

            div.DirectTextLength += run.DirectTextLength;
            div.DirectCommas += run.DirectCommas;
            div.DirectAsciiCommas += run.DirectAsciiCommas;
            div.Tag = "p";
            div.ClassName = string.Empty;
            div.ClassWeight = 0;
            return;
        }

        if (runs == 0 && elements == 1 && div.Children.Count == 1 && div.Children[0].Tag == "p" && div.LinkDensity < 0.25)
        {
            div.Transparent = true;
            return;
        }

        foreach (var child in div.Children)
        {
            if (child.IsRun)
            {
                scored.Add(child);
            }
        }

        if (!div.HasBlockDescendant)
        {
            div.Tag = "p";
        }
    }

    private static bool IsPhrasing(ContentNode node) =>
        ExtractionPatterns.PhrasingTags.Contains(node.Tag)
        || (node.Tag is "a" or "del" or "ins" && node.AllPhrasing);

    private static bool IsWithoutContent(ContentNode node)
    {
        if (node.HasText)
        {
            return false;
        }

        foreach (var child in node.Children)
        {
            if (child.Tag is not "br" and not "hr")
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasBreakChain(HtmlNode element)
    {
        var children = element.ChildNodes;
        for (var i = 0; i < children.Count; i++)
        {
            if (children[i].NodeType == HtmlNodeType.Element && children[i].Name == "br" && IsBreakChain(children, i, out _))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the br at <paramref name="index"/> is followed (past whitespace) by another br.</summary>
    private static bool IsBreakChain(HtmlNodeCollection children, int index, out int afterChain)
    {
        var count = 1;
        afterChain = index + 1;
        for (var j = index + 1; j < children.Count; j++)
        {
            var next = children[j];
            if (next.NodeType == HtmlNodeType.Text && HtmlText.IsWhitespace(HtmlText.RawText((HtmlTextNode)next)))
            {
                continue;
            }

            if (next.NodeType == HtmlNodeType.Comment)
            {
                continue;
            }

            if (next.NodeType == HtmlNodeType.Element && next.Name == "br")
            {
                count++;
                afterChain = j + 1;
                continue;
            }

            break;
        }

        return count > 1;
    }

    private static bool IsVisible(HtmlNode element, out string className)
    {
        className = element.GetAttributeValue("class", string.Empty);
        if (!element.HasAttributes)
        {
            return true;
        }

        if (element.Attributes.Contains("hidden"))
        {
            return false;
        }

        if (element.GetAttributeValue("aria-hidden", string.Empty) == "true" && !className.Contains("fallback-image", StringComparison.Ordinal))
        {
            return false;
        }

        var style = element.GetAttributeValue("style", string.Empty);
        return style.Length == 0 || !HasHidingStyle(style);
    }

    private static bool HasHidingStyle(string style)
    {
        Span<char> compact = style.Length <= 512 ? stackalloc char[style.Length] : new char[style.Length];
        var length = 0;
        foreach (var c in style)
        {
            if (!char.IsWhiteSpace(c))
            {
                compact[length++] = char.ToLowerInvariant(c);
            }
        }

        var text = compact[..length];
        return text.Contains("display:none", StringComparison.Ordinal) || text.Contains("visibility:hidden", StringComparison.Ordinal);
    }

    private static bool LooksLikeByline(HtmlNode element, string className, string id)
    {
        if (element.GetAttributeValue("rel", string.Empty) == "author"
            || element.GetAttributeValue("itemprop", string.Empty).Contains("author", StringComparison.Ordinal))
        {
            return true;
        }

        return (className.Length > 0 && ExtractionPatterns.BylineClass().IsMatch(className))
            || (id.Length > 0 && ExtractionPatterns.BylineClass().IsMatch(id));
    }

    /// <summary>
    /// The author's name inside a byline block that also holds a source label, job title, date or share buttons:
    /// an element marked <c>itemprop="name"</c>, else the one link to an author page.
    /// </summary>
    internal static string? BylineName(HtmlNode byline)
    {
        HtmlNode? authorLink = null;
        var authorLinks = 0;
        foreach (var node in byline.Descendants())
        {
            if (node.NodeType != HtmlNodeType.Element)
            {
                continue;
            }

            if (node.GetAttributeValue("itemprop", string.Empty).Contains("name", StringComparison.Ordinal))
            {
                var name = HtmlText.Clean(HtmlText.TextContent(node));
                if (name.Length > 0)
                {
                    return name;
                }
            }

            if (node.Name == "a" && IsAuthorLink(node) && HtmlText.Clean(HtmlText.TextContent(node)).Length > 0)
            {
                authorLink ??= node;
                authorLinks++;
            }
        }

        return authorLinks == 1 ? HtmlText.Clean(HtmlText.TextContent(authorLink!)) : null;

        static bool IsAuthorLink(HtmlNode link)
        {
            if (link.GetAttributeValue("rel", string.Empty).Contains("author", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            var href = link.GetAttributeValue("href", string.Empty);
            return ExtractionPatterns.AuthorPagePath().IsMatch(href);
        }
    }

    private static bool IsUnlikely(string className, string id)
    {
        var matchString = className + " " + id;
        return ExtractionPatterns.UnlikelyCandidate().IsMatch(matchString) && !ExtractionPatterns.MaybeCandidate().IsMatch(matchString);
    }

    public static int ClassWeight(string className, string id)
    {
        var weight = 0;
        if (className.Length > 0)
        {
            weight += Weight(className);
        }

        if (id.Length > 0)
        {
            weight += Weight(id);
        }

        return weight;

        static int Weight(string value) =>
            (ExtractionPatterns.NegativeClass().IsMatch(value) ? -25 : 0) + (ExtractionPatterns.PositiveClass().IsMatch(value) ? 25 : 0);
    }
}
