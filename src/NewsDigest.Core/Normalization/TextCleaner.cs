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

        var decoded = CharacterReferences.Decode(value);
        var builder = new StringBuilder(decoded.Length);
        var pendingSpace = false;
        foreach (var c in decoded)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (IsInvisible(c))
            {
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        var text = builder.ToString();
        return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// Zero-width and formatting characters that scrapes leave behind and that carry no meaning in news text, and
    /// the bidirectional overrides, embeddings and isolates (U+202A–U+202E, U+2066–U+2069), which left unbalanced
    /// reverse whatever text follows the field wherever it is shown.
    /// </summary>
    private static bool IsInvisible(char c) =>
        c is '\u200B' or '\u2060' or '\uFEFF' or '\u00AD' or '\uFFFE' or '\uFFFF'
        || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069'
        || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.PrivateUse;

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
        var end = -1;
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (text[i] is '.' or '!' or '?' or '。' && char.IsWhiteSpace(text[i + 1]) && i >= 20)
            {
                end = i + 1;
                break;
            }
        }

        return Shorten(end > 0 ? text[..end] : text, maxLength);
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
