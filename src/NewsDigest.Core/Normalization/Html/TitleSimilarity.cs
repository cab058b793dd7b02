namespace NewsDigest.Normalization.Html;

/// <summary>How much of a second text's words also occur in a first one (1 = all, 0 = none), by word length.</summary>
internal static class TitleSimilarity
{
    public static double Similarity(string first, string second)
    {
        var firstTokens = Tokens(first);
        var secondTokens = Tokens(second);
        if (firstTokens.Count == 0 || secondTokens.Count == 0)
        {
            return 0;
        }

        var known = new HashSet<string>(firstTokens, StringComparer.Ordinal);
        var uniqueLength = 0;
        var uniqueCount = 0;
        var totalLength = 0;
        foreach (var token in secondTokens)
        {
            totalLength += token.Length;
            if (!known.Contains(token))
            {
                uniqueLength += token.Length;
                uniqueCount++;
            }
        }

        totalLength += secondTokens.Count - 1;
        var joinedUnique = uniqueCount == 0 ? 0 : uniqueLength + uniqueCount - 1;
        return 1 - ((double)joinedUnique / totalLength);
    }

    /// <summary>Lower-case runs of ASCII letters, digits and underscores.</summary>
    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWord = i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_');
            if (isWord && start < 0)
            {
                start = i;
            }
            else if (!isWord && start >= 0)
            {
                tokens.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }

        return tokens;
    }
}
