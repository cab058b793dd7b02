using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace NewsDigest.Normalization.Html;

/// <summary>
/// Decodes HTML character references the way the HTML standard's tokenizer does: all 2,231 named references
/// (the legacy ones also without ';'), decimal and hex references with or without ';', code points 0x80-0x9F read
/// as windows-1252 (pages write <c>&amp;#146;</c> for an apostrophe), and NUL, surrogates and values past U+10FFFF
/// as U+FFFD. Anything that is not a reference stays as written. HtmlAgilityPack's own decoder is not used: it turns
/// <c>&amp;#x1F62D;</c> into <c>&amp;##x1F62D;</c> instead of the emoji.
/// </summary>
internal static class CharacterReferences
{
    private const int LongestName = 32;

    private static readonly Lazy<Table> Names = new(Table.Load);

    private static readonly (string Name, char Value)[] BasicNames = [("amp;", '&'), ("lt;", '<'), ("gt;", '>'), ("quot;", '"'), ("apos;", '\'')];

    /// <summary>What 0x80-0x9F mean in references; the five code points windows-1252 leaves undefined stay as they are.</summary>
    private const string Windows1252 =
        "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F"
        + "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

    /// <summary>Decodes the references in a text node, or in an attribute value when <paramref name="inAttribute"/>.</summary>
    /// <remarks>
    /// In attributes a legacy name without ';' followed by '=' or a letter or digit stays as written, so query strings
    /// such as <c>?a=1&amp;copy=2</c> survive.
    /// </remarks>
    public static string Decode(string text, bool inAttribute = false) => Decode(text, inAttribute, basicOnly: false);

    /// <summary>
    /// A second pass for metadata that sites escape twice (<c>Don&amp;amp;#8217;t</c>): only numeric references and
    /// <c>&amp;amp; &amp;lt; &amp;gt; &amp;quot; &amp;apos;</c>, each ended by ';', as reader modes undo it.
    /// </summary>
    public static string DecodeEscapedTwice(string text) => Decode(text, inAttribute: false, basicOnly: true);

    private static string Decode(string text, bool inAttribute, bool basicOnly)
    {
        ArgumentNullException.ThrowIfNull(text);
        var next = text.IndexOf('&', StringComparison.Ordinal);
        if (next < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var copied = 0;
        while (next >= 0)
        {
            builder.Append(text, copied, next - copied);
            copied = basicOnly ? DecodeBasic(text, next, builder) : DecodeOne(text, next, builder, inAttribute);
            next = copied < text.Length ? text.IndexOf('&', copied) : -1;
        }

        builder.Append(text, copied, text.Length - copied);
        return builder.ToString();
    }

    /// <summary>
    /// <see cref="HtmlText.AppendCollapsed"/> of <see cref="Decode(string, bool)"/> of <paramref name="text"/>, without
    /// the decoded copy: the text is decoded a piece at a time straight into <paramref name="builder"/>.
    /// </summary>
    public static void AppendDecodedCollapsed(ReadOnlySpan<char> text, StringBuilder builder, ref bool pendingSpace)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var sink = new CollapsingAppender(builder, pendingSpace);
        DecodeInto(text, ref sink);
        pendingSpace = sink.PendingSpace;
    }

    /// <summary>
    /// Measures a raw text node as <see cref="Decode(string, bool)"/> would decode it, piece by piece, without building
    /// the decoded text: on a large page one text node can hold megabytes.
    /// </summary>
    public static void Measure(ReadOnlySpan<char> text, ref TextMeasure measure) => DecodeInto(text, ref measure);

    /// <summary>
    /// Gives <paramref name="sink"/> <see cref="Decode(string, bool)"/> of <paramref name="text"/> a piece at a time
    /// (the text between references, then each reference decoded), so that the decoded text is never made whole.
    /// </summary>
    public static void DecodeInto<TSink>(ReadOnlySpan<char> text, ref TSink sink)
        where TSink : IDecodedTextSink, allows ref struct
    {
        StringBuilder? reference = null;
        var copied = 0;
        var next = text.IndexOf('&');
        while (next >= 0)
        {
            sink.Add(text[copied..next]);
            (reference ??= new StringBuilder()).Clear();
            copied = DecodeOne(text, next, reference, inAttribute: false);
            foreach (var chunk in reference.GetChunks())
            {
                sink.Add(chunk.Span);
            }

            var after = copied < text.Length ? text[copied..].IndexOf('&') : -1;
            next = after < 0 ? -1 : copied + after;
        }

        sink.Add(text[copied..]);
    }

    /// <summary><see cref="HtmlText.AppendCollapsed"/> as a sink of decoded pieces.</summary>
    private struct CollapsingAppender(StringBuilder builder, bool pendingSpace) : IDecodedTextSink
    {
        public bool PendingSpace = pendingSpace;

        public void Add(ReadOnlySpan<char> piece) => HtmlText.AppendCollapsed(builder, piece, ref PendingSpace);
    }

    /// <summary>Decodes the reference starting at the '&amp;' at <paramref name="start"/>; returns where the text resumes.</summary>
    private static int DecodeOne(ReadOnlySpan<char> text, int start, StringBuilder builder, bool inAttribute)
    {
        var position = start + 1;
        if (position < text.Length && text[position] == '#')
        {
            return DecodeNumeric(text, start, builder, requireSemicolon: false);
        }

        var end = position;
        while (end < text.Length && end - position < LongestName && char.IsAsciiLetterOrDigit(text[end]))
        {
            end++;
        }

        var names = Names.Value;
        if (end > position && end < text.Length && text[end] == ';'
            && names.Lookup.TryGetValue(text.Slice(position, end - position + 1), out var value))
        {
            builder.Append(value);
            return end + 1;
        }

        // The longest legacy name (one written without ';') the letters begin with: "&notit;" is "¬it;".
        for (var length = Math.Min(end - position, names.LongestLegacy); length > 1; length--)
        {
            if (!names.Lookup.TryGetValue(text.Slice(position, length), out value))
            {
                continue;
            }

            var after = position + length;
            if (inAttribute && after < text.Length && (text[after] == '=' || char.IsAsciiLetterOrDigit(text[after])))
            {
                break;
            }

            builder.Append(value);
            return after;
        }

        builder.Append('&');
        return start + 1;
    }

    private static int DecodeBasic(ReadOnlySpan<char> text, int start, StringBuilder builder)
    {
        var rest = text[(start + 1)..];
        if (rest.StartsWith("#"))
        {
            return DecodeNumeric(text, start, builder, requireSemicolon: true);
        }

        foreach (var (name, value) in BasicNames)
        {
            if (rest.StartsWith(name, StringComparison.Ordinal))
            {
                builder.Append(value);
                return start + 1 + name.Length;
            }
        }

        builder.Append('&');
        return start + 1;
    }

    private static int DecodeNumeric(ReadOnlySpan<char> text, int start, StringBuilder builder, bool requireSemicolon)
    {
        var position = start + 2;
        var hex = position < text.Length && (text[position] | 0x20) == 'x';
        if (hex)
        {
            position++;
        }

        var digitsStart = position;
        var value = 0;
        while (position < text.Length && (hex ? char.IsAsciiHexDigit(text[position]) : char.IsAsciiDigit(text[position])))
        {
            // Past U+10FFFF the exact value no longer matters; stop before it can overflow.
            if (value <= 0x10FFFF)
            {
                value = (value * (hex ? 16 : 10)) + DigitValue(text[position]);
            }

            position++;
        }

        var terminated = position < text.Length && text[position] == ';';
        if (position == digitsStart || (requireSemicolon && !terminated))
        {
            builder.Append('&');
            return start + 1;
        }

        AppendCodePoint(builder, value);
        return terminated ? position + 1 : position;
    }

    private static int DigitValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static void AppendCodePoint(StringBuilder builder, int value)
    {
        if (value is 0 or > 0x10FFFF or (>= 0xD800 and <= 0xDFFF))
        {
            builder.Append('\uFFFD');
        }
        else if (value is >= 0x80 and <= 0x9F)
        {
            builder.Append(Windows1252[value - 0x80]);
        }
        else if (value < 0x10000)
        {
            builder.Append((char)value);
        }
        else
        {
            builder.Append(char.ConvertFromUtf32(value));
        }
    }

    private sealed class Table(FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> lookup, int longestLegacy)
    {
        public FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup { get; } = lookup;

        public int LongestLegacy { get; } = longestLegacy;

        /// <summary>Reads the embedded WHATWG list: "name code-point..." per line.</summary>
        public static Table Load()
        {
            using var stream = typeof(CharacterReferences).Assembly.GetManifestResourceStream("NewsDigest.Normalization.Html.html5-entities.txt")
                ?? throw new InvalidOperationException("The HTML entity table is missing from the assembly.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var entries = new Dictionary<string, string>(StringComparer.Ordinal);
            var longestLegacy = 0;
            while (reader.ReadLine() is { } line)
            {
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                var parts = line.Split(' ');
                var value = new StringBuilder();
                for (var i = 1; i < parts.Length; i++)
                {
                    value.Append(char.ConvertFromUtf32(int.Parse(parts[i], NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
                }

                entries[parts[0]] = value.ToString();
                if (!parts[0].EndsWith(';'))
                {
                    longestLegacy = Math.Max(longestLegacy, parts[0].Length);
                }
            }

            return new Table(entries.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>(), longestLegacy);
        }
    }
}
