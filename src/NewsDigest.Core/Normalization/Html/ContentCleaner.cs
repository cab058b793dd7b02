using HtmlAgilityPack;

namespace NewsDigest.Normalization.Html;

/// <summary>
/// Takes the furniture out of the chosen content in one bottom-up pass: forms, footers, asides, share buttons,
/// headings styled as widgets, and tables, lists and divs that look like link lists, image strips, ad slots or
/// newsletter boxes (few commas, more list items than paragraphs, too many links or inputs, no real text).
/// Each element is judged on the text that survives inside it, as the reader would see it.
/// </summary>
internal sealed class ContentCleaner(bool cleanConditionally, bool weightClasses, IReadOnlyDictionary<HtmlNode, ContentNode> map)
{
    private const int ShareTextLimit = 500;

    private readonly Dictionary<HtmlNode, bool> dataTables = new(ReferenceEqualityComparer.Instance);

    public int RemovedBlocks { get; private set; }

    public void Clean(IReadOnlyList<ContentNode> roots)
    {
        foreach (var root in roots)
        {
            Visit(root, topLevel: true, default);
        }
    }

    private Counts Visit(ContentNode node, bool topLevel, Ancestry ancestry)
    {
        var tag = node.AlteredToDiv ? "div" : node.Tag;
        var isDataTable = tag == "table" && !node.IsRun && IsDataTable(node.Node);
        var inner = new Counts { TextLength = node.DirectTextLength, AsciiCommas = node.DirectAsciiCommas, HasText = node.HasText && node.DirectTextLength > 0 };
        var childAncestry = ancestry.Below(node.Node.Name, isDataTable, node.IsRun);
        var childCounts = new Counts[node.Children.Count];
        for (var i = 0; i < node.Children.Count; i++)
        {
            var child = node.Children[i];
            if (!child.Removed)
            {
                childCounts[i] = Visit(child, topLevel: false, childAncestry);
            }
        }

        RemoveRelatedLinkLists(node.Children);
        for (var i = 0; i < node.Children.Count; i++)
        {
            if (node.Children[i].Removed)
            {
                // Inputs still tell a form what it is after they are gone.
                inner.Inputs += childCounts[i].Inputs;
                continue;
            }

            inner.Add(childCounts[i]);
        }

        if (ShouldRemove(node, tag, topLevel, isDataTable, ancestry, inner))
        {
            node.Removed = true;
            RemovedBlocks++;
            return new Counts { Inputs = tag == "input" ? 1 : 0 };
        }

        return Outer(node, tag, isDataTable, inner);
    }

    /// <summary>A "Related" / "Read more" heading followed by a list of links is a teaser block, not article text.</summary>
    private void RemoveRelatedLinkLists(List<ContentNode> children)
    {
        for (var i = 0; i < children.Count - 1; i++)
        {
            var heading = children[i];
            if (heading.Removed || heading.IsRun || heading.TextLength > 60 || !heading.HasText
                || heading.Tag is not ("h2" or "h3" or "h4" or "h5" or "h6" or "p" or "div" or "strong" or "span" or "header"))
            {
                continue;
            }

            var next = i + 1;
            while (next < children.Count && children[next].Removed)
            {
                next++;
            }

            if (next >= children.Count)
            {
                continue;
            }

            var list = children[next];
            if (list.Tag is not ("ul" or "ol" or "div") || list.LinkDensity < 0.5
                || !ExtractionPatterns.RelatedHeading().IsMatch(ArticleTextWriter.PlainText(heading, map)))
            {
                continue;
            }

            heading.Removed = true;
            list.Removed = true;
            RemovedBlocks += 2;
        }
    }

    private bool ShouldRemove(ContentNode node, string tag, bool topLevel, bool isDataTable, Ancestry ancestry, Counts inner)
    {
        if (node.IsRun)
        {
            return false;
        }

        if (ExtractionPatterns.AlwaysRemovedInContent.Contains(tag))
        {
            return true;
        }

        if (ExtractionPatterns.EmbedTags.Contains(tag))
        {
            return !node.IsVideo;
        }

        if (!topLevel && inner.TextLength < ShareTextLimit)
        {
            var id = node.Node.GetAttributeValue("id", string.Empty);
            if ((node.ClassName.Length > 0 || id.Length > 0) && ExtractionPatterns.ShareClass().IsMatch(node.ClassName + " " + id))
            {
                return true;
            }
        }

        if (tag is "h1" or "h2" && weightClasses && node.ClassWeight < 0)
        {
            return true;
        }

        if (tag is "form" or "fieldset" or "table" or "ul" or "div")
        {
            return LooksLikeFurniture(node, tag, isDataTable, ancestry, inner);
        }

        return false;
    }

    private bool LooksLikeFurniture(ContentNode node, string tag, bool isDataTable, Ancestry ancestry, Counts inner)
    {
        if (!cleanConditionally)
        {
            return false;
        }

        var text = inner.TextLength;
        var isList = tag is "ul" or "ol" || (text > 0 && (double)inner.ListTextLength / text > 0.9);
        if ((tag == "table" && isDataTable) || ancestry.InsideDataTable || ancestry.CodeDistance <= 4 || inner.HasDataTable)
        {
            return false;
        }

        var weight = node.ClassWeight;
        if (weight < 0)
        {
            return true;
        }

        if (inner.AsciiCommas >= 10)
        {
            return false;
        }

        if (inner.HasVideo)
        {
            return false;
        }

        if (text <= 40)
        {
            var plain = ArticleTextWriter.PlainText(node, map);
            if (ExtractionPatterns.AdWords().IsMatch(plain) || ExtractionPatterns.LoadingWords().IsMatch(plain))
            {
                return true;
            }
        }

        var paragraphs = inner.Paragraphs;
        var images = inner.Images;
        var listItems = inner.ListItems - 100;
        var headingDensity = text == 0 ? 0 : (double)inner.HeadingTextLength / text;
        var linkDensity = text == 0 ? 0 : inner.LinkLength / text;
        var textDensity = text == 0 ? 0 : (double)inner.TextishTextLength / text;
        var isFigureChild = ancestry.FigureDistance <= 4;
        var remove =
            (!isFigureChild && images > 1 && (double)paragraphs / images < 0.5)
            || (!isList && listItems > paragraphs)
            || inner.Inputs > paragraphs / 3
            || (!isList && !isFigureChild && headingDensity < 0.9 && text < 25 && (images == 0 || images > 2) && linkDensity > 0)
            || (!isList && weight < 25 && linkDensity > 0.2)
            || (weight >= 25 && linkDensity > 0.5)
            || (inner.Embeds == 1 && text < 75) || inner.Embeds > 1
            || (images == 0 && textDensity == 0);

        if (isList && remove)
        {
            // A list of images (one picture per item) is content, not furniture.
            foreach (var child in node.Children)
            {
                if (!child.Removed && CountElements(child) > 1)
                {
                    return true;
                }
            }

            if (images == inner.ListItems)
            {
                return false;
            }
        }

        return remove;
    }

    private static int CountElements(ContentNode node)
    {
        var count = 0;
        foreach (var child in node.Children)
        {
            count += child.IsRun ? child.Children.Count : 1;
        }

        return count;
    }

    private static Counts Outer(ContentNode node, string tag, bool isDataTable, Counts inner)
    {
        var outer = inner;
        switch (tag)
        {
            case "p":
                outer.Paragraphs++;
                break;
            case "img":
                outer.Images++;
                break;
            case "li":
                outer.ListItems++;
                break;
            case "input":
                outer.Inputs++;
                break;
            case "iframe" or "object" or "embed":
                if (node.IsVideo)
                {
                    outer.HasVideo = true;
                }
                else
                {
                    outer.Embeds++;
                }

                break;
            case "ul" or "ol":
                outer.ListTextLength += inner.TextLength;
                break;
            case "table" when isDataTable:
                outer.HasDataTable = true;
                break;
            default:
                break;
        }

        if (ExtractionPatterns.HeadingTags.Contains(tag))
        {
            outer.HeadingTextLength += inner.TextLength;
        }

        if (ExtractionPatterns.TextishTags.Contains(tag))
        {
            outer.TextishTextLength += inner.TextLength;
        }

        if (node.LinkCoefficient > 0)
        {
            outer.LinkLength = inner.TextLength * node.LinkCoefficient;
        }

        return outer;
    }

    /// <summary>Data tables (as opposed to layout tables) keep their content whatever it looks like.</summary>
    private bool IsDataTable(HtmlNode table)
    {
        if (dataTables.TryGetValue(table, out var known))
        {
            return known;
        }

        var result = ClassifyTable(table);
        dataTables[table] = result;
        return result;
    }

    private static bool ClassifyTable(HtmlNode table)
    {
        if (table.GetAttributeValue("role", string.Empty) == "presentation" || table.GetAttributeValue("datatable", string.Empty) == "0")
        {
            return false;
        }

        if (table.GetAttributeValue("summary", string.Empty).Length > 0)
        {
            return true;
        }

        var caption = false;
        var dataDescendant = false;
        var nested = false;
        var rows = 0;
        var columns = 0;
        var stack = new Stack<(HtmlNode Node, int Depth)>();
        foreach (var child in table.ChildNodes)
        {
            stack.Push((child, 0));
        }

        while (stack.Count > 0)
        {
            var (current, depth) = stack.Pop();
            if (current.NodeType != HtmlNodeType.Element || depth > 64)
            {
                continue;
            }

            switch (current.Name)
            {
                case "caption" when current.HasChildNodes:
                    caption = true;
                    break;
                case "col" or "colgroup" or "tfoot" or "thead" or "th":
                    dataDescendant = true;
                    break;
                case "table":
                    nested = true;
                    break;
                case "tr":
                    rows += Math.Max(1, current.GetAttributeValue("rowspan", 1));
                    var cells = 0;
                    foreach (var cell in current.ChildNodes)
                    {
                        if (cell.NodeType == HtmlNodeType.Element && cell.Name == "td")
                        {
                            cells += Math.Max(1, cell.GetAttributeValue("colspan", 1));
                        }
                    }

                    columns = Math.Max(columns, cells);
                    break;
                default:
                    break;
            }

            foreach (var child in current.ChildNodes)
            {
                stack.Push((child, depth + 1));
            }
        }

        if (caption || dataDescendant)
        {
            return true;
        }

        if (nested || columns == 1 || rows == 1)
        {
            return false;
        }

        return rows >= 10 || columns > 4 || rows * columns > 10;
    }

    private struct Counts
    {
        public int TextLength;
        public double LinkLength;
        public int AsciiCommas;
        public int Paragraphs;
        public int Images;
        public int ListItems;
        public int Inputs;
        public int Embeds;
        public int HeadingTextLength;
        public int ListTextLength;
        public int TextishTextLength;
        public bool HasVideo;
        public bool HasDataTable;
        public bool HasText;

        public void Add(Counts other)
        {
            TextLength += other.TextLength;
            LinkLength += other.LinkLength;
            AsciiCommas += other.AsciiCommas;
            Paragraphs += other.Paragraphs;
            Images += other.Images;
            ListItems += other.ListItems;
            Inputs += other.Inputs;
            Embeds += other.Embeds;
            HeadingTextLength += other.HeadingTextLength;
            ListTextLength += other.ListTextLength;
            TextishTextLength += other.TextishTextLength;
            HasVideo |= other.HasVideo;
            HasDataTable |= other.HasDataTable;
            HasText |= other.HasText;
        }
    }

    /// <summary>How far up the nearest code and figure elements are, and whether a data table encloses the node.</summary>
    private readonly record struct Ancestry(int CodeSteps, int FigureSteps, bool InsideDataTable, bool Known)
    {
        public int CodeDistance => Known ? CodeSteps : int.MaxValue;

        public int FigureDistance => Known ? FigureSteps : int.MaxValue;

        public Ancestry Below(string tag, bool isDataTable, bool isRun)
        {
            if (isRun)
            {
                return this;
            }

            var code = tag == "code" ? 1 : (Known ? CodeSteps + 1 : int.MaxValue);
            var figure = tag == "figure" ? 1 : (Known ? FigureSteps + 1 : int.MaxValue);
            return new Ancestry(Math.Min(code, int.MaxValue / 2), Math.Min(figure, int.MaxValue / 2), InsideDataTable || isDataTable, true);
        }
    }
}
