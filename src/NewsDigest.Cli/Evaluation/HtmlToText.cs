using System.Text;
using HtmlAgilityPack;
using NewsDigest.Normalization.Html;

namespace NewsDigest.Cli.Evaluation;

/// <summary>
/// Text of an HTML fragment as the benchmark reads it: text nodes in order, block elements and line breaks
/// separated by a newline, inline elements run together (so "<b>Bar</b>celona" stays one word).
/// </summary>
internal static class HtmlToText
{
    private static readonly HashSet<string> SkippedTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "head",
    };

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd", "details", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html", "img",
        "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
        "iframe", "video", "audio", "picture", "object", "embed",
    };

    public static string Convert(string html)
    {
        var document = new HtmlDocument();
        document.LoadHtml(html);
        var builder = new StringBuilder(html.Length / 2);
        Append(document.DocumentNode, builder);
        return builder.ToString();
    }

    private static void Append(HtmlNode node, StringBuilder builder)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child.NodeType)
            {
                case HtmlNodeType.Text:
                    builder.Append(CharacterReferences.Decode(((HtmlTextNode)child).Text));
                    break;
                case HtmlNodeType.Element when !SkippedTags.Contains(child.Name):
                    // Block boundaries separate words ("<td>a</td><td>b</td>" is two words, not "ab").
                    var block = BlockTags.Contains(child.Name);
                    if (block)
                    {
                        builder.Append('\n');
                    }

                    Append(child, builder);
                    if (block)
                    {
                        builder.Append('\n');
                    }

                    break;
                default:
                    break;
            }
        }
    }
}
