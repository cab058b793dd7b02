using System.Buffers;
using NewsDigest.Stories;

namespace NewsDigest.Digest;

/// <summary>Which sentences a summary may use at all: whole statements of a sensible length, not boilerplate.</summary>
internal static class SentenceFilter
{
    public const int MinimumWords = 7;
    public const int MaximumWords = 60;

    private static readonly string[] Boilerplate =
    [
        "all rights reserved", "subscribe", "newsletter", "leave a reply", "required fields", "cookie", "sign up",
        "click here", "free access", "free trial", "log in", "read more", "your email", "copyright", "advertisement",
        "posted in", "posted by", "filed under", "on behalf of", "follow us", "share this", "related articles",
    ];

    /// <summary>
    /// All the phrases in one vectorised search, instead of one case-insensitive scan of the sentence per phrase; the
    /// phrases are ASCII (the copyright sign is looked for on its own), which keeps the search on its fast path.
    /// </summary>
    private static readonly SearchValues<string> BoilerplateSearch = SearchValues.Create(Boilerplate, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a summary could use the sentence at all: a whole statement of a sensible length, not boilerplate.</summary>
    public static bool IsSentence(string sentence)
    {
        var words = TextTokens.Words(sentence).Count;
        return words is >= MinimumWords and <= MaximumWords && IsStatement(sentence);
    }

    public static bool IsStatement(string sentence) => IsStatement(sentence.AsSpan());

    public static bool IsStatement(ReadOnlySpan<char> sentence)
    {
        var marks = default(CaseAndQuotes);
        foreach (var c in sentence)
        {
            marks.Count(c);
        }

        return IsStatement(sentence, marks);
    }

    /// <summary>The same, with the capitals and curly quotes of the sentence already counted (by a reader that visits every character anyway).</summary>
    public static bool IsStatement(ReadOnlySpan<char> sentence, CaseAndQuotes marks)
    {
        var last = sentence[^1];
        // A caption ("..., right, and ... AP-Yonhap") or a heading has no closing punctuation.
        if (last is not ('.' or '!' or '"' or '\u201d' or '\'' or '\u2019' or ')'))
        {
            return false;
        }

        var firstLetter = sentence.IndexOfAnyExcept(" \"'\u201c\u2018(");
        if (firstLetter < 0 || char.IsLower(sentence[firstLetter]))
        {
            return false;
        }

        // Shouting, or a sentence cut out of a quotation that runs over several sentences (an unmatched quote mark).
        if (marks.Upper > sentence.Length / 2 || marks.Closing != marks.Opening)
        {
            return false;
        }

        return !sentence.Contains('\u00a9') && !sentence.ContainsAny(BoilerplateSearch);
    }

    public static bool StartsWithQuote(ReadOnlySpan<char> sentence) => sentence[0] is '"' or '\u201c' or '\'' or '\u2018';
}

/// <summary>Capitals and curly quotation marks of a sentence, counted one character at a time.</summary>
internal struct CaseAndQuotes
{
    public int Upper { get; private set; }

    public int Opening { get; private set; }

    public int Closing { get; private set; }

    public void Count(char c)
    {
        if (char.IsUpper(c))
        {
            Upper++;
        }
        else if (c == '\u201c')
        {
            Opening++;
        }
        else if (c == '\u201d')
        {
            Closing++;
        }
    }
}
