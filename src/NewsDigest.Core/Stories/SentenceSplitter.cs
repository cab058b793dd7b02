using System.Buffers;
using System.Text;

namespace NewsDigest.Stories;

/// <summary>Splits paragraphs into sentences, keeping abbreviations ("U.S.", "Mr.", "S. Korea") and decimals intact.</summary>
internal static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "rep", "sen", "gov", "pres", "st",
        "jr", "sr", "inc", "corp", "co", "ltd", "vs", "etc", "no", "nos", "jan", "feb", "mar", "apr", "jun", "jul",
        "aug", "sep", "sept", "oct", "nov", "dec", "fig", "approx", "dept", "est", "u.s", "u.k", "u.n", "e.u", "a.m",
        "p.m", "i.e", "e.g", "d.c",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AbbreviationLookup =
        Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Every character <see cref="char.IsWhiteSpace(char)"/> holds except the plain space.</summary>
    private static readonly SearchValues<char> OtherWhiteSpace = SearchValues.Create(
        "\t\n\v\f\r\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000");

    public static List<string> Split(string paragraph)
    {
        var sentences = new List<string>();
        var text = Squashed(paragraph);
        var ranges = new List<(int Start, int Length)>();
        Split(text, ranges);
        foreach (var (start, length) in ranges)
        {
            sentences.Add(text.Substring(start, length));
        }

        return sentences;
    }

    /// <summary>
    /// Appends where each sentence of <paramref name="text"/> (already <see cref="Squashed"/>) starts and how long it is,
    /// so a reader that needs only some of the sentences as strings allocates nothing for the others.
    /// </summary>
    public static void Split(string text, List<(int Start, int Length)> sentences)
    {
        var start = 0;
        // Jumps from one possible sentence end to the next (a vectorised search) instead of testing every character.
        for (var i = NextEnd(text, 0); i >= 0; i = NextEnd(text, i + 1))
        {
            var c = text[i];
            var end = i + 1;
            while (end < text.Length && text[end] is '"' or '\u201d' or '\u2019' or '\'' or ')' or '.' or '!' or '?')
            {
                end++;
            }

            if (end >= text.Length)
            {
                break;
            }

            if (text[end] != ' ' || end + 1 >= text.Length)
            {
                continue;
            }

            var next = text[end + 1];
            if (!(char.IsUpper(next) || char.IsDigit(next) || next is '"' or '\u201c' or '\u2018' or '\'' or '('))
            {
                continue;
            }

            if (c == '.' && IsAbbreviation(text, i))
            {
                continue;
            }

            Add(sentences, text, start, end);
            start = end + 1;
            i = end;
        }

        if (start < text.Length)
        {
            Add(sentences, text, start, text.Length);
        }
    }

    /// <summary>
    /// <see cref="TextTokens.Squash"/> of <paramref name="paragraph"/>, without a copy when it is already squashed
    /// (single spaces, no padding, composed), as paragraphs of normalized documents are.
    /// </summary>
    public static string Squashed(string paragraph) => IsSquashed(paragraph) ? paragraph : TextTokens.Squash(paragraph);

    private static bool IsSquashed(string text)
    {
        if (text.Length == 0)
        {
            return true;
        }

        if (text[0] == ' ' || text[^1] == ' ')
        {
            return false;
        }

        var span = text.AsSpan();
        if (span.ContainsAny(OtherWhiteSpace) || span.Contains("  ", StringComparison.Ordinal))
        {
            return false;
        }

        return text.IsNormalized(NormalizationForm.FormC);
    }

    private static int NextEnd(string text, int from)
    {
        if (from >= text.Length)
        {
            return -1;
        }

        var next = text.AsSpan(from).IndexOfAny('.', '!', '?');
        return next < 0 ? -1 : from + next;
    }

    private static bool IsAbbreviation(string text, int period)
    {
        var wordStart = period;
        while (wordStart > 0 && !char.IsWhiteSpace(text[wordStart - 1]) && text[wordStart - 1] is not ('(' or '"' or '\u201c'))
        {
            wordStart--;
        }

        var word = text.AsSpan(wordStart, period - wordStart);
        if (word.Length == 0)
        {
            return false;
        }

        // A single capital is an initial ("S. Korea", "John F. Kennedy").
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return true;
        }

        return AbbreviationLookup.Contains(word);
    }

    private static void Add(List<(int Start, int Length)> sentences, string text, int start, int end)
    {
        var sentence = text.AsSpan(start, end - start);
        var leading = sentence.Length - sentence.TrimStart().Length;
        var trimmed = sentence.Trim();
        if (trimmed.Length > 0)
        {
            sentences.Add((start + leading, trimmed.Length));
        }
    }
}
