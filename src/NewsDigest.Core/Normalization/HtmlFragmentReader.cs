using System.Text;
using System.Text.RegularExpressions;
using HtmlAgilityPack;

namespace NewsDigest.Normalization;

/// <summary>Paragraphs and captions of an HTML fragment, and how many stray closing tags it had.</summary>
internal sealed record FragmentText(IReadOnlyList<string> Paragraphs, IReadOnlyList<string> Captions, int StrayClosingTags);

/// <summary>
/// Turns an HTML fragment (WordPress <c>content.rendered</c>, a feed item's description) into paragraphs. Copes with
/// damaged fragments whose opening tags were stripped: a closing block tag without its opener still ends a paragraph,
/// and then so does every line break.
/// </summary>
internal sealed partial class HtmlFragmentReader
{
    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "header", "footer", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
        "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "thead", "tbody", "tfoot", "figure", "hr", "address",
        "details", "summary", "center", "caption",
    };

    private static readonly HashSet<string> SkippedElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "iframe", "img", "svg", "video", "audio", "picture", "source", "object", "embed",
        "form", "button", "input", "select", "textarea", "template", "head", "meta", "link", "canvas", "map", "title",
    };

    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    };

    private static readonly string[] SkippedClassMarkers = ["sharedaddy", "jp-relatedposts", "instagram-media", "share", "related-posts"];

    private static readonly HashSet<string> CaptionClasses = new(StringComparer.OrdinalIgnoreCase)
    {
        "wp-caption-text", "wp-element-caption", "caption",
    };

    public FragmentText Read(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return new FragmentText([], [], 0);
        }

        var (repaired, stray) = MarkStrayClosingTags(html);
        var document = new HtmlDocument();
        document.LoadHtml(Html.NestingGuard.Flatten(repaired, out _));

        var hasBlocks = document.DocumentNode.Descendants().Any(n => n.NodeType == HtmlNodeType.Element && BlockElements.Contains(n.Name));
        var walker = new Walker(splitOnLineBreaks: stray > 0 || !hasBlocks);
        walker.Walk(document.DocumentNode);
        walker.Flush();
        return new FragmentText(walker.Paragraphs, walker.Captions, stray);
    }

    /// <summary>The text of a fragment on one line (titles, names).</summary>
    public string ReadInline(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return string.Empty;
        }

        if (!html.Contains('<', StringComparison.Ordinal))
        {
            return TextCleaner.Clean(html);
        }

        var fragment = Read(html);
        return TextCleaner.Clean(string.Join(' ', fragment.Paragraphs));
    }

    /// <summary>
    /// HtmlAgilityPack silently drops a closing tag that has no opener; a stray <c>&lt;/p&gt;</c> still marks the end
    /// of a paragraph, so it becomes a blank line before parsing.
    /// </summary>
    private static (string Html, int Stray) MarkStrayClosingTags(string html)
    {
        var open = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var stray = 0;
        var result = TagPattern().Replace(html, match =>
        {
            var name = match.Groups["name"].Value;
            if (VoidElements.Contains(name) || match.Value.EndsWith("/>", StringComparison.Ordinal))
            {
                return match.Value;
            }

            if (match.Groups["close"].Length == 0)
            {
                open[name] = open.GetValueOrDefault(name) + 1;
                return match.Value;
            }

            if (open.GetValueOrDefault(name) > 0)
            {
                open[name]--;
                return match.Value.Replace("\\/", "/", StringComparison.Ordinal);
            }

            stray++;
            return BlockElements.Contains(name) ? "\n\n" : string.Empty;
        });
        return (result, stray);
    }

    [GeneratedRegex(@"<(?<close>\\?/)?(?<name>[A-Za-z][A-Za-z0-9]*)\b[^<>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"\n\s*\n", RegexOptions.CultureInvariant)]
    private static partial Regex BlankLinePattern();

    private sealed class Walker(bool splitOnLineBreaks)
    {
        private readonly StringBuilder current = new();

        public List<string> Paragraphs { get; } = [];

        public List<string> Captions { get; } = [];

        public void Walk(HtmlNode node)
        {
            foreach (var child in node.ChildNodes)
            {
                switch (child.NodeType)
                {
                    case HtmlNodeType.Text:
                        AppendText(((HtmlTextNode)child).Text);
                        break;
                    case HtmlNodeType.Element:
                        WalkElement(child);
                        break;
                }
            }
        }

        public void Flush()
        {
            var text = TextCleaner.Clean(current.ToString());
            current.Clear();
            if (text.Length > 0)
            {
                Paragraphs.Add(text);
            }
        }

        private void WalkElement(HtmlNode element)
        {
            var name = element.Name;
            var classes = element.GetAttributeValue("class", string.Empty);
            if (SkippedElements.Contains(name) || SkippedClassMarkers.Any(m => classes.Contains(m, StringComparison.OrdinalIgnoreCase)))
            {
                return;
            }

            if (name.Equals("figcaption", StringComparison.OrdinalIgnoreCase)
                || classes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(c => CaptionClasses.Contains(c)))
            {
                var caption = TextCleaner.Clean(element.InnerText);
                if (caption.Length > 0)
                {
                    Captions.Add(caption);
                }

                return;
            }

            if (name.Equals("br", StringComparison.OrdinalIgnoreCase))
            {
                // One <br> is a line break inside a paragraph; two in a row separate paragraphs.
                var next = element.NextSibling;
                while (next is { NodeType: HtmlNodeType.Text } && string.IsNullOrWhiteSpace(next.InnerText))
                {
                    next = next.NextSibling;
                }

                if (next is not null && next.Name.Equals("br", StringComparison.OrdinalIgnoreCase))
                {
                    Flush();
                }
                else
                {
                    current.Append(' ');
                }

                return;
            }

            var block = BlockElements.Contains(name);
            if (block)
            {
                Flush();
            }
            else if (name is "td" or "th")
            {
                current.Append(' ');
            }

            Walk(element);
            if (block)
            {
                Flush();
            }
        }

        private void AppendText(string raw)
        {
            var parts = splitOnLineBreaks ? raw.Split('\n') : BlankLinePattern().Split(raw);
            for (var i = 0; i < parts.Length; i++)
            {
                if (i > 0)
                {
                    Flush();
                }

                current.Append(parts[i]);
            }
        }
    }
}
