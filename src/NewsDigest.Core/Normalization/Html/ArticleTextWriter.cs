using System.Text;
using HtmlAgilityPack;

namespace NewsDigest.Normalization.Html;

/// <summary>
/// Turns the cleaned content into paragraphs in reading order: headings, paragraphs, list items, quotes and
/// preformatted blocks each on their own; table rows as cells joined by " | "; figure captions apart.
/// </summary>
internal sealed class ArticleTextWriter(IReadOnlyDictionary<HtmlNode, ContentNode> map)
{
    private const string CellSeparator = " | ";

    /// <summary>Past this many characters the paragraph buffer is replaced, not cleared: clearing keeps its capacity in one new array.</summary>
    private const int ReusedBufferChars = 1 << 16;

    private StringBuilder buffer = new();
    private bool pendingSpace;

    public List<string> Paragraphs { get; } = [];

    public List<string> Captions { get; } = [];

    /// <summary>For each caption, the number of paragraphs written before it.</summary>
    public List<int> CaptionPositions { get; } = [];

    /// <summary>Characters written, for judging whether the content is long enough.</summary>
    public int TextLength { get; private set; }

    public void Write(IReadOnlyList<ContentNode> roots)
    {
        foreach (var root in roots)
        {
            if (root.Removed)
            {
                continue;
            }

            if (root.IsRun)
            {
                foreach (var node in root.RunNodes!)
                {
                    WriteNode(node);
                }
            }
            else
            {
                WriteElement(root.Node, root);
            }

            Flush();
        }
    }

    /// <summary>The visible, kept text of one content node on a single line.</summary>
    public static string PlainText(ContentNode node, IReadOnlyDictionary<HtmlNode, ContentNode> map)
    {
        var builder = new StringBuilder();
        if (node.IsRun)
        {
            foreach (var child in node.RunNodes!)
            {
                AppendPlain(child, builder, map);
            }
        }
        else
        {
            AppendChildren(node.Node, builder, map);
        }

        return HtmlText.Clean(builder.ToString());
    }

    private static void AppendPlain(HtmlNode html, StringBuilder builder, IReadOnlyDictionary<HtmlNode, ContentNode> map)
    {
        if (html.NodeType == HtmlNodeType.Text)
        {
            builder.Append(HtmlText.RawText((HtmlTextNode)html));
        }
        else if (html.NodeType == HtmlNodeType.Element && html.Name is "br" or "hr")
        {
            builder.Append(' ');
        }
        else if (html.NodeType == HtmlNodeType.Element && map.TryGetValue(html, out var content) && !content.Removed)
        {
            var breaking = ExtractionPatterns.BreakingTags.Contains(html.Name);
            if (breaking)
            {
                builder.Append(' ');
            }

            AppendChildren(html, builder, map);
            if (breaking)
            {
                builder.Append(' ');
            }
        }
    }

    private static void AppendChildren(HtmlNode html, StringBuilder builder, IReadOnlyDictionary<HtmlNode, ContentNode> map)
    {
        foreach (var child in html.ChildNodes)
        {
            AppendPlain(child, builder, map);
        }
    }

    private void WriteNode(HtmlNode node)
    {
        switch (node.NodeType)
        {
            case HtmlNodeType.Text:
                // Read in place: the node's Text is a copy, megabytes for the one text node a flattened page can end in.
                Append(HtmlText.RawText((HtmlTextNode)node));
                break;
            case HtmlNodeType.Element when map.TryGetValue(node, out var content) && !content.Removed:
                WriteElement(node, content);
                break;
            case HtmlNodeType.Element when node.Name is "br" or "hr":
                // Chains of line breaks are folded away while measuring; they still end the paragraph.
                Flush();
                break;
            default:
                break;
        }
    }

    private void WriteElement(HtmlNode element, ContentNode content)
    {
        switch (element.Name)
        {
            case "br":
            case "hr":
                Flush();
                return;
            case "figcaption":
                Flush();
                var caption = PlainText(content, map);
                if (caption.Length > 0)
                {
                    Captions.Add(caption);
                    CaptionPositions.Add(Paragraphs.Count);
                }

                return;
            case "pre":
                Flush();
                WritePreformatted(content);
                return;
            case "tr" when !HasBlockCell(content):
                Flush();
                WriteRow(content);
                return;
            default:
                break;
        }

        var breaking = ExtractionPatterns.BreakingTags.Contains(element.Name);
        if (breaking)
        {
            Flush();
        }

        foreach (var child in element.ChildNodes)
        {
            WriteNode(child);
        }

        if (breaking)
        {
            Flush();
        }
    }

    private static bool HasBlockCell(ContentNode row)
    {
        foreach (var cell in row.Children)
        {
            if (!cell.Removed && cell.HasBlockDescendant)
            {
                return true;
            }
        }

        return false;
    }

    private void WriteRow(ContentNode row)
    {
        var cells = new List<string>();
        foreach (var cell in row.Children)
        {
            if (cell.Removed || cell.Node.Name is not ("td" or "th"))
            {
                continue;
            }

            var text = PlainText(cell, map);
            if (text.Length > 0)
            {
                cells.Add(text);
            }
        }

        if (cells.Count > 0)
        {
            AddParagraph(string.Join(CellSeparator, cells));
        }
    }

    private void WritePreformatted(ContentNode content)
    {
        var builder = new StringBuilder();
        AppendRaw(content.Node, builder);
        var lines = builder.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var kept = new List<string>(lines.Length);
        foreach (var line in lines)
        {
            kept.Add(line.TrimEnd());
        }

        var text = string.Join('\n', kept).Trim('\n');
        if (!HtmlText.IsWhitespace(text))
        {
            AddParagraph(HtmlText.Normalize(text));
        }
    }

    private void AppendRaw(HtmlNode html, StringBuilder builder)
    {
        foreach (var node in html.ChildNodes)
        {
            if (node.NodeType == HtmlNodeType.Text)
            {
                builder.Append(HtmlText.Decode(((HtmlTextNode)node).Text));
            }
            else if (node.NodeType == HtmlNodeType.Element && map.TryGetValue(node, out var child) && !child.Removed)
            {
                if (node.Name == "br")
                {
                    builder.Append('\n');
                }

                AppendRaw(node, builder);
            }
        }
    }

    private void Append(ReadOnlySpan<char> raw) => CharacterReferences.AppendDecodedCollapsed(raw, buffer, ref pendingSpace);

    private void Flush()
    {
        pendingSpace = false;
        if (buffer.Length == 0)
        {
            return;
        }

        AddParagraph(HtmlText.Normalize(buffer.ToString()));
        if (buffer.Length > ReusedBufferChars)
        {
            buffer = new StringBuilder();
        }
        else
        {
            buffer.Clear();
        }
    }

    private void AddParagraph(string text)
    {
        Paragraphs.Add(text);
        TextLength += text.Length;
    }
}
