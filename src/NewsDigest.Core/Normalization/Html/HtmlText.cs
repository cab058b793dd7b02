using System.Runtime.CompilerServices;
using System.Text;
using HtmlAgilityPack;

namespace NewsDigest.Normalization.Html;

/// <summary>Entity decoding and whitespace handling for text taken from the parsed tree.</summary>
internal static class HtmlText
{
    /// <summary>Decodes the character references of a raw text node; returns the same string when there are none.</summary>
    public static string Decode(string raw) => CharacterReferences.Decode(raw);

    /// <summary>Decodes the character references of a raw attribute value.</summary>
    public static string DecodeAttribute(string raw) => CharacterReferences.Decode(raw, inAttribute: true);

    /// <summary>Collapses runs of whitespace to one space, trims, decodes entities and normalizes to NFC.</summary>
    public static string Clean(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return string.Empty;
        }

        var decoded = Decode(raw);
        var builder = new StringBuilder(decoded.Length);
        var pendingSpace = false;
        AppendCollapsed(builder, decoded, ref pendingSpace);
        return Normalize(builder.ToString());
    }

    /// <summary>
    /// Appends text with each run of whitespace turned into one space and none at the start of the builder.
    /// A run at the end stays pending in <paramref name="pendingSpace"/> so that it joins the next text, not the end.
    /// </summary>
    public static void AppendCollapsed(StringBuilder builder, ReadOnlySpan<char> text, ref bool pendingSpace)
    {
        // Appended a run of words at a time: a page-sized text node is millions of characters.
        var run = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!IsSpace(c))
            {
                if (pendingSpace)
                {
                    builder.Append(' ');
                    pendingSpace = false;
                }

                continue;
            }

            builder.Append(text[run..i]);
            run = i + 1;
            pendingSpace = builder.Length > 0;
        }

        builder.Append(text[run..]);
    }

    public static string Normalize(string text) =>
        text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);

    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || c == '\u200B' || c == '\uFEFF';

    /// <summary>Length of the text once whitespace runs are collapsed; <paramref name="lastWasSpace"/> carries across nodes.</summary>
    public static int CollapsedLength(ReadOnlySpan<char> text, ref bool lastWasSpace, out int commas, out int asciiCommas)
    {
        var length = 0;
        commas = 0;
        asciiCommas = 0;
        foreach (var c in text)
        {
            if (IsSpace(c))
            {
                if (!lastWasSpace)
                {
                    length++;
                    lastWasSpace = true;
                }

                continue;
            }

            lastWasSpace = false;
            length++;
            if (ExtractionPatterns.IsComma(c))
            {
                commas++;
                if (c == ',')
                {
                    asciiCommas++;
                }
            }
        }

        return length;
    }

    public static bool IsWhitespace(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!IsSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The raw text of a parsed text node, read in place from the page: HtmlAgilityPack's <c>Text</c> copies it out
    /// of the page on every read, megabytes for the one text node a large flattened page can end in.
    /// </summary>
    public static ReadOnlySpan<char> RawText(HtmlTextNode node)
    {
        var page = node.OwnerDocument.Text;
        var start = node.OuterStartIndex;
        // The parsed length, not OuterLength: that is OuterHtml.Length, a copy of the text made to be measured. On a
        // 20 MB page the text nodes' copies were most of the large objects the content walk allocated, and each few
        // megabytes of them set off a full collection with the page's whole DOM to trace.
        var length = ParsedOuterLength(node);
        return page is not null && start >= 0 && length >= 0 && start <= page.Length - length
            ? page.AsSpan(start, length)
            : node.Text;
    }

    // HtmlAgilityPack's own field, pinned with its version: the RawText tests fail if a new version renames it.
    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_outerlength")]
    private static extern ref int ParsedOuterLength(HtmlNode node);

    /// <summary>The visible text of a subtree (no script, style or hidden parts), whitespace collapsed.</summary>
    public static string TextOf(HtmlNode node)
    {
        var builder = new StringBuilder();
        Append(node, builder, 0);
        return Clean(builder.ToString());
    }

    /// <summary>Raw text of a subtree as the DOM's textContent gives it: no separators between elements.</summary>
    public static string TextContent(HtmlNode node)
    {
        var builder = new StringBuilder();
        Append(node, builder, 0, separateBlocks: false);
        return Decode(builder.ToString());
    }

    private static void Append(HtmlNode node, StringBuilder builder, int depth, bool separateBlocks = true)
    {
        if (depth > 200)
        {
            return;
        }

        foreach (var child in node.ChildNodes)
        {
            if (child.NodeType == HtmlNodeType.Text)
            {
                builder.Append(RawText((HtmlTextNode)child));
            }
            else if (child.NodeType == HtmlNodeType.Element && !ExtractionPatterns.IgnoredTags.Contains(child.Name))
            {
                if (separateBlocks && ExtractionPatterns.BreakingTags.Contains(child.Name))
                {
                    builder.Append(' ');
                }

                Append(child, builder, depth + 1, separateBlocks);
            }
        }
    }
}
