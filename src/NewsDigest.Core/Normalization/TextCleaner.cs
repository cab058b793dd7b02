using System.Globalization;
using System.Text;
using NewsDigest.Normalization.Html;

namespace NewsDigest.Normalization;

/// <summary>The text clean-up every field goes through: entities decoded, NFC, invisible characters dropped, whitespace collapsed.</summary>
internal static class TextCleaner
{
    /// <summary>One line of clean text: every run of whitespace (line breaks included) becomes one space.</summary>
    public static string Clean(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        // Most extracted text is clean already: then it is returned as it is, without a copy.
        var text = value.Contains('&') || !IsCollapsed(value) ? DecodeAndCollapse(value) : value;
        return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
    }

    /// <summary>Whether <paramref name="text"/> has nothing to drop: single spaces between words only, nothing invisible.</summary>
    private static bool IsCollapsed(string text)
    {
        var previousSpace = true;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                if (previousSpace)
                {
                    return false;
                }

                previousSpace = true;
                continue;
            }

            if (IsDropped(c))
            {
                return false;
            }

            previousSpace = false;
        }

        return !previousSpace;
    }

    /// <summary>
    /// The text <see cref="CharacterReferences.Decode(string, bool)"/> makes of <paramref name="text"/>, with each run
    /// of whitespace and control characters made one space (none at the ends) and invisible characters dropped. It is
    /// decoded twice, to be measured and then written straight into a string of that length: a page-sized paragraph
    /// gets no decoded copy and no buffer of its size besides the result.
    /// </summary>
    private static string DecodeAndCollapse(string text)
    {
        var measure = new CollapsedText([], measureOnly: true);
        CharacterReferences.DecodeInto(text, ref measure);
        return string.Create(measure.Length, text, static (target, source) =>
        {
            var writer = new CollapsedText(target, measureOnly: false);
            CharacterReferences.DecodeInto(source, ref writer);
        });
    }

    /// <summary>
    /// Collapses text given a piece at a time into <paramref name="target"/> (or only counts it when
    /// <paramref name="measureOnly"/>): a space stands for each run of whitespace and control characters between
    /// kept characters, and invisible characters are dropped.
    /// </summary>
    private ref struct CollapsedText(Span<char> target, bool measureOnly) : IDecodedTextSink
    {
        private readonly Span<char> _target = target;
        private bool _pendingSpace;

        public int Length { get; private set; }

        public void Add(ReadOnlySpan<char> piece)
        {
            var length = Length;
            foreach (var c in piece)
            {
                if (char.IsWhiteSpace(c) || char.IsControl(c))
                {
                    _pendingSpace = length > 0;
                    continue;
                }

                if (IsInvisible(c))
                {
                    continue;
                }

                if (_pendingSpace)
                {
                    if (!measureOnly)
                    {
                        _target[length] = ' ';
                    }

                    length++;
                    _pendingSpace = false;
                }

                if (!measureOnly)
                {
                    _target[length] = c;
                }

                length++;
            }

            Length = length;
        }
    }

    /// <summary>
    /// Whether <see cref="Clean"/> would return nothing, read from the start of the text only: the first character it
    /// would keep answers it, so a page costs a few characters here instead of a clean-up of the whole page.
    /// </summary>
    public static bool IsBlank(string? value) => value is null || IsBlank(value.AsSpan());

    /// <summary><see cref="IsBlank(string)"/> of text held outside the heap.</summary>
    public static bool IsBlank(ReadOnlySpan<char> value)
    {
        const int Window = 64;
        var start = 0;
        while (start < value.Length)
        {
            var c = value[start];
            if (IsDropped(c))
            {
                start++;
                continue;
            }

            if (c != '&')
            {
                return false;
            }

            // A character reference may stand for whitespace (&nbsp;): clean a short window, cut before its last '&'
            // so that no reference in it is cut in two (the longest named one has 33 characters).
            var length = Math.Min(Window, value.Length - start);
            if (start + length < value.Length && value.Slice(start + 1, length - 1).LastIndexOf('&') is var last and >= 0)
            {
                length = Math.Max(last + 1, 1);
            }

            if (Clean(new string(value.Slice(start, length))).Length > 0)
            {
                return false;
            }

            start += length;
        }

        return true;
    }

    /// <summary>LRE, RLE, PDF, LRO, RLO (U+202A–U+202E) and LRI, RLI, FSI, PDI (U+2066–U+2069): unbalanced, they reorder what follows.</summary>
    public static bool IsDirectionalFormatting(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    private static bool IsDropped(char c) => char.IsWhiteSpace(c) || char.IsControl(c) || IsInvisible(c);

    /// <summary>
    /// Zero-width and formatting characters that scrapes leave behind and that carry no meaning in news text, and
    /// the bidirectional overrides, embeddings and isolates (U+202A–U+202E, U+2066–U+2069), which left unbalanced
    /// reverse whatever text follows the field wherever it is shown. Also the private-use characters of the Basic
    /// Multilingual Plane (U+E000–U+F8FF), tested as a range because this runs on every character of a page.
    /// </summary>
    private static bool IsInvisible(char c) =>
        c is '\u200B' or '\u2060' or '\uFEFF' or '\u00AD' or '\uFFFE' or '\uFFFF'
        || IsDirectionalFormatting(c)
        || c is >= '\uE000' and <= '\uF8FF';

    /// <summary>
    /// <paramref name="value"/> cut to at most <paramref name="maxChars"/> UTF-16 characters, ending in "…" when cut,
    /// on a text-element boundary: never half a surrogate pair, an emoji sequence or a base letter without its accents.
    /// </summary>
    public static string Cut(string value, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 2);
        if (value.Length <= maxChars)
        {
            return value;
        }

        return string.Concat(value.AsSpan(0, TextElementPrefix(value, maxChars - 1)), "…");
    }

    /// <summary>The length of the longest prefix of <paramref name="value"/> made of whole text elements and at most <paramref name="maxChars"/> long.</summary>
    public static int TextElementPrefix(string value, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(value);
        var length = 0;
        while (length < value.Length)
        {
            var next = StringInfo.GetNextTextElementLength(value, length);
            if (length + next > maxChars)
            {
                break;
            }

            length += next;
        }

        return length;
    }

    /// <summary>The first sentence of <paramref name="text"/>, shortened to at most <paramref name="maxLength"/> characters.</summary>
    public static string FirstSentence(string text, int maxLength = 120)
    {
        // The splitter the summaries use, so that "Gov." or "U.S." does not end a title; a first "sentence" under
        // 20 characters (a kicker such as "Updated.") takes the next one with it.
        var first = new StringBuilder();
        foreach (var sentence in Stories.SentenceSplitter.Split(text))
        {
            first.Append(first.Length > 0 ? " " : string.Empty).Append(sentence);
            if (first.Length >= 20)
            {
                break;
            }
        }

        return Shorten(first.Length > 0 ? first.ToString() : text, maxLength);
    }

    /// <summary><paramref name="text"/> cut to at most <paramref name="maxLength"/> characters with "…", at a space when one is near the end, else on a text-element boundary.</summary>
    public static string Shorten(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', maxLength - 1);
        return cut > maxLength / 2 ? string.Concat(text.AsSpan(0, cut), "…") : Cut(text, maxLength);
    }
}
