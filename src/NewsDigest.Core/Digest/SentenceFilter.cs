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

        var upper = 0;
        var opening = 0;
        var closing = 0;
        foreach (var c in sentence)
        {
            if (char.IsUpper(c))
            {
                upper++;
            }
            else if (c == '\u201c')
            {
                opening++;
            }
            else if (c == '\u201d')
            {
                closing++;
            }
        }

        // Shouting, or a sentence cut out of a quotation that runs over several sentences (an unmatched quote mark).
        if (upper > sentence.Length / 2 || closing != opening)
        {
            return false;
        }

        return !sentence.Contains('\u00a9') && !sentence.ContainsAny(BoilerplateSearch);
    }

    public static bool StartsWithQuote(ReadOnlySpan<char> sentence) => sentence[0] is '"' or '\u201c' or '\'' or '\u2018';
}
