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
    /// Whether <see cref="Clean"/> would return nothing, read from the start of the text only: the first character it
    /// would keep answers it, so a page costs a few characters here instead of a clean-up of the whole page.
    /// </summary>
    public static bool IsBlank(string? value)
    {
        const int Window = 64;
        var start = 0;
        while (value is not null && start < value.Length)
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
            if (start + length < value.Length && value.LastIndexOf('&', start + length - 1, length - 1) is var last and > 0)
            {
                length = Math.Max(last - start, 1);
            }

            if (Clean(value.Substring(start, length)).Length > 0)
            {
                return false;
            }

            start += length;
        }

        return true;
    }

    private static bool IsDropped(char c) => char.IsWhiteSpace(c) || char.IsControl(c) || IsInvisible(c);

    /// <summary>Zero-width and formatting characters that scrapes leave behind and that carry no meaning in news text.</summary>
    private static bool IsInvisible(char c) =>
        c is '\u200B' or '\u2060' or '\uFEFF' or '\u00AD' or '\uFFFE' or '\uFFFF'
        || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.PrivateUse;

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

        var sentence = end > 0 ? text[..end] : text;
        if (sentence.Length <= maxLength)
        {
            return sentence;
        }

        var cut = sentence.LastIndexOf(' ', maxLength - 1);
        return string.Concat(sentence.AsSpan(0, cut > maxLength / 2 ? cut : maxLength - 1), "…");
    }
}
