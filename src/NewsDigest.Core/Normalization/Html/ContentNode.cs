using HtmlAgilityPack;

namespace NewsDigest.Normalization.Html;

/// <summary>
/// What one pass over the parsed page learned about an element (or about a run of inline content that reads as
/// a paragraph): visible text and link-text length, commas, and the counts the cleaner needs, all aggregated
/// bottom-up once so that scoring never rescans a subtree.
/// </summary>
internal sealed class ContentNode(HtmlNode node, string tag, int order)
{
    public HtmlNode Node { get; } = node;

    /// <summary>The tag as the scorer sees it: a div that holds only inline content reads as "p".</summary>
    public string Tag { get; set; } = tag;

    /// <summary>Document order of the element's start, for stable tie-breaking.</summary>
    public int Order { get; } = order;

    public ContentNode? Parent { get; set; }

    public List<ContentNode> Children { get; } = [];

    /// <summary>For a run of inline content: the sibling nodes it spans (the run has no element of its own).</summary>
    public List<HtmlNode>? RunNodes { get; set; }

    public bool IsRun => RunNodes is not null;

    /// <summary>A div wrapping a single paragraph: scoring treats the paragraph as the div's parent's child.</summary>
    public bool Transparent { get; set; }

    public string ClassName { get; set; } = string.Empty;

    public int ClassWeight { get; set; }

    public int DirectTextLength { get; set; }

    public int DirectCommas { get; set; }

    public int DirectAsciiCommas { get; set; }

    public int TextLength { get; set; }

    public double LinkLength { get; set; }

    public int Commas { get; set; }

    public int AsciiCommas { get; set; }

    public bool HasBlockDescendant { get; set; }

    public bool IsVideo { get; set; }

    /// <summary>Child elements left out of the tree (hidden, empty, furniture); they still count when shaping a div.</summary>
    public int DroppedChildren { get; set; }

    /// <summary>Share of a link's text that counts as link text: 1, or 0.3 for in-page anchors; 0 for other elements.</summary>
    public double LinkCoefficient { get; set; }

    /// <summary>Every child is inline content (decides whether an a/del/ins is itself inline).</summary>
    public bool AllPhrasing { get; set; } = true;

    /// <summary>Some non-whitespace text inside.</summary>
    public bool HasText { get; set; }

    /// <summary>A gathered sibling of an unusual kind (a form, a table cell) that the cleaner treats as a div.</summary>
    public bool AlteredToDiv { get; set; }

    public bool Initialized { get; set; }

    public double Score { get; set; }

    public bool Removed { get; set; }

    public double LinkDensity => TextLength == 0 ? 0 : LinkLength / TextLength;

    public void Add(ContentNode child)
    {
        child.Parent = this;
        Children.Add(child);
        TextLength += child.TextLength;
        LinkLength += child.LinkLength;
        Commas += child.Commas;
        AsciiCommas += child.AsciiCommas;
        HasText |= child.HasText;
        if (child.HasBlockDescendant || ExtractionPatterns.BlockTags.Contains(child.Tag) || child.IsRun)
        {
            HasBlockDescendant = true;
        }
    }

    public void AddDirectText(int length, int commas, int asciiCommas, bool visible)
    {
        HasText |= visible;
        DirectTextLength += length;
        DirectCommas += commas;
        DirectAsciiCommas += asciiCommas;
        TextLength += length;
        Commas += commas;
        AsciiCommas += asciiCommas;
    }
}
