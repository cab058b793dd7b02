namespace NewsDigest.Normalization.Html;

/// <summary>
/// Runs over the markup once, before the parse, and removes the start and end tags of elements nested deeper than
/// <see cref="MaxDepth"/>, and of every element (and comment) after the first <see cref="MaxNodes"/>, keeping all
/// the text. Parsers and tree walks cost depth × nodes on deep pages (100,000 nested divs took minutes) and stop at
/// a depth limit, and each node costs microseconds; flattened, the text is kept at any depth and the cost of a page
/// is bounded. No real page comes near either limit (the largest test page has about 10,000 elements).
/// </summary>
internal static class NestingGuard
{
    public const int MaxDepth = 160;

    public const int MaxNodes = 30_000;

    private const int ParagraphSlack = 8;

    // Elements that never have an end tag, and elements whose content is raw text (tags in it are not tags).
    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    };

    private static readonly HashSet<string> RawTextElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext",
    };

    // Paragraph-level elements may sit a few levels below the limit, so an article at the bottom of a page nested to
    // the limit (in table cells, say) keeps its paragraphs; they cannot nest deep themselves (a <p> closes the last one).
    private static readonly HashSet<string> ParagraphElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "blockquote", "pre", "figcaption",
    };

    // A table is kept whole or not at all: a row or cell left without its table loses its text in extraction.
    private static readonly HashSet<string> TableParts = new(StringComparer.OrdinalIgnoreCase)
    {
        "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "colgroup",
    };

    // An open element of these names is closed by the next start tag of the same name, as browsers do (<p>…<p>, <li>…<li>).
    private static readonly HashSet<string> ClosedBySibling = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt", "rp", "thead", "tbody", "tfoot",
    };

    /// <summary><paramref name="html"/> itself when nothing is nested deeper than <paramref name="maxDepth"/>; otherwise the markup without the tags beyond it.</summary>
    public static string Flatten(string html, out int removedTags, int maxDepth = MaxDepth, int maxNodes = MaxNodes)
    {
        ArgumentNullException.ThrowIfNull(html);
        var cuts = FindCuts(html, out removedTags, maxDepth, maxNodes);
        return cuts is null ? html : Cut.Apply(html, cuts);
    }

    /// <summary>
    /// <see cref="Flatten(string, out int, int, int)"/> of markup held outside the heap (a large page's decoded text):
    /// only the bounded markup is made a string.
    /// </summary>
    public static string Flatten(ReadOnlySpan<char> html, out int removedTags, int maxDepth = MaxDepth, int maxNodes = MaxNodes)
    {
        var cuts = FindCuts(html, out removedTags, maxDepth, maxNodes);
        return cuts is null ? new string(html) : Cut.Apply(html, cuts);
    }

    private static List<Cut>? FindCuts(ReadOnlySpan<char> html, out int removedTags, int maxDepth, int maxNodes)
    {
        removedTags = 0;
        List<Cut>? cuts = null;
        var open = new List<string>();
        var dropped = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var names = new TagNames();
        var lastQuotes = (html.LastIndexOf('"'), html.LastIndexOf('\''));
        var nodes = 0;
        var i = 0;
        while (i < html.Length)
        {
            var lt = IndexOf(html, '<', i);
            if (lt < 0 || lt + 1 >= html.Length)
            {
                break;
            }

            var next = html[lt + 1];
            if (next is '!' or '?')
            {
                i = SkipDeclaration(html, lt);
                if (++nodes > maxNodes)
                {
                    (cuts ??= []).Add(new Cut(lt, i, Space: false));
                    removedTags++;
                }

                continue;
            }

            var closing = next == '/';
            var nameStart = closing ? lt + 2 : lt + 1;
            if (nameStart >= html.Length || !char.IsAsciiLetter(html[nameStart]))
            {
                i = lt + 1;
                continue;
            }

            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '-' or ':' or '_'))
            {
                nameEnd++;
            }

            var name = names.Name(html[nameStart..nameEnd]);
            var tagEnd = FindTagEnd(html, nameEnd, lastQuotes);
            var drop = false;
            if (closing)
            {
                if (dropped.TryGetValue(name, out var count) && count > 0)
                {
                    dropped[name] = count - 1;
                    drop = true;
                }
                else
                {
                    // At most MaxDepth entries to look through: linear overall.
                    var index = open.LastIndexOf(name);
                    if (index >= 0)
                    {
                        open.RemoveRange(index, open.Count - index);
                    }
                }
            }
            else if (RawTextElements.Contains(name))
            {
                var end = html[tagEnd..].IndexOf("</" + name, StringComparison.OrdinalIgnoreCase);
                i = end < 0 ? html.Length : tagEnd + end;
                continue;
            }
            else if (++nodes > maxNodes && (VoidElements.Contains(name) || html[tagEnd - 1] != '>' || html[tagEnd - 2] == '/'))
            {
                drop = true;
            }
            else if (!VoidElements.Contains(name) && html[tagEnd - 1] == '>' && html[tagEnd - 2] != '/')
            {
                if (open.Count >= Limit(name, maxDepth) || nodes > maxNodes
                    || (TableParts.Contains(name) && dropped.GetValueOrDefault("table") > 0))
                {
                    dropped[name] = dropped.GetValueOrDefault(name) + 1;
                    drop = true;
                }
                else
                {
                    CloseImpliedSibling(open, name);
                    open.Add(name);
                }
            }

            if (drop)
            {
                // A space keeps words in neighbouring elements apart, as the block boundary did.
                (cuts ??= []).Add(new Cut(lt, tagEnd, Space: true));
                removedTags++;
            }

            i = tagEnd;
        }

        return cuts;
    }

    /// <summary>The index of <paramref name="value"/> at or after <paramref name="start"/>, or -1.</summary>
    private static int IndexOf(ReadOnlySpan<char> text, char value, int start)
    {
        var index = text[start..].IndexOf(value);
        return index < 0 ? -1 : start + index;
    }

    /// <summary>How deep an element of this name may start: tables leave room for their rows and cells, paragraphs go a little deeper.</summary>
    private static int Limit(string name, int maxDepth) =>
        name == "table" ? maxDepth - 4 : ParagraphElements.Contains(name) ? maxDepth + ParagraphSlack : maxDepth;

    /// <summary>
    /// A start tag that ends the open element before it, as browsers do: <c>&lt;p&gt;</c> or <c>&lt;li&gt;</c> right
    /// after an open one of the same name, a cell after a cell, a row after a row (with its last cell).
    /// </summary>
    private static void CloseImpliedSibling(List<string> open, string name)
    {
        if (open.Count == 0 || !ClosedBySibling.Contains(name))
        {
            return;
        }

        var top = open[^1];
        var cell = name is "td" or "th";
        if (top == name || (cell && top is "td" or "th"))
        {
            open.RemoveAt(open.Count - 1);
        }
        else if (name == "tr" && top is "td" or "th" && open.Count > 1 && open[^2] == "tr")
        {
            open.RemoveRange(open.Count - 2, 2);
        }
    }

    /// <summary>
    /// A tag taken out of the markup, replaced by a space or by nothing. The cuts are applied in one copy at the end,
    /// straight into a string of the final length: on a 20 MB page a builder would hold a second full-size copy.
    /// </summary>
    private readonly record struct Cut(int Start, int End, bool Space)
    {
        public static string Apply(ReadOnlySpan<char> html, List<Cut> cuts)
        {
            var length = html.Length;
            foreach (var cut in cuts)
            {
                length -= cut.End - cut.Start - (cut.Space ? 1 : 0);
            }

            return string.Create(length, new Source(html, cuts), static (target, state) =>
            {
                var source = state.Html;
                var copied = 0;
                var written = 0;
                foreach (var cut in state.Cuts)
                {
                    var kept = source.Slice(copied, cut.Start - copied);
                    kept.CopyTo(target[written..]);
                    written += kept.Length;
                    if (cut.Space)
                    {
                        target[written++] = ' ';
                    }

                    copied = cut.End;
                }

                source[copied..].CopyTo(target[written..]);
            });
        }

        private readonly ref struct Source(ReadOnlySpan<char> html, List<Cut> cuts)
        {
            public ReadOnlySpan<char> Html { get; } = html;

            public List<Cut> Cuts { get; } = cuts;
        }
    }

    /// <summary>
    /// Each tag name lower-cased once per page: a page-sized markup has a million tags but a few dozen names, and a
    /// string per tag is garbage that a 20 MB page would collect again and again before its parse.
    /// </summary>
    private sealed class TagNames
    {
        private readonly Dictionary<string, string> known = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> lookup;

        public TagNames() => lookup = known.GetAlternateLookup<ReadOnlySpan<char>>();

        /// <summary>The lower-case name, the same string every time it is asked for.</summary>
        public string Name(ReadOnlySpan<char> name)
        {
            if (!lookup.TryGetValue(name, out var lower))
            {
                lower = name.ToString().ToLowerInvariant();
                known.Add(lower, lower);
            }

            return lower;
        }
    }

    private static int SkipDeclaration(ReadOnlySpan<char> html, int lt)
    {
        if (html[lt..].StartsWith("<!--", StringComparison.Ordinal))
        {
            var end = html[(lt + 4)..].IndexOf("-->", StringComparison.Ordinal);
            return end < 0 ? html.Length : lt + 4 + end + 3;
        }

        var close = IndexOf(html, '>', lt);
        return close < 0 ? html.Length : close + 1;
    }

    /// <summary>
    /// The index just after the tag's '&gt;' (quoted attribute values may hold '&gt;'), or the end of the text. A quote
    /// with no closing quote anywhere after it (known from <paramref name="lastQuotes"/>, so in constant time) is an
    /// ordinary character.
    /// </summary>
    private static int FindTagEnd(ReadOnlySpan<char> html, int from, (int Double, int Single) lastQuotes)
    {
        var quote = '\0';
        for (var i = from; i < html.Length; i++)
        {
            var c = html[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if ((c == '"' && i < lastQuotes.Double) || (c == '\'' && i < lastQuotes.Single))
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i + 1;
            }
        }

        return html.Length;
    }
}
