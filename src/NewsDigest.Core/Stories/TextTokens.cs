using NewsDigest.Normalization;
using System.Buffers;
using System.Globalization;
using System.Text;

namespace NewsDigest.Stories;

/// <summary>Word tokens and content words (lower-case, stop words removed, light suffix folding) for similarity.</summary>
internal static class TextTokens
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "according", "across", "after", "again", "against", "ago", "all", "almost", "along", "already",
        "also", "although", "always", "am", "among", "amid", "an", "and", "another", "any", "are", "around", "as", "at",
        "be", "became", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could",
        "did", "do", "does", "doing", "down", "during", "each", "either", "else", "even", "ever", "every", "few", "for",
        "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself",
        "his", "how", "however", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "last", "least", "less",
        "like", "made", "make", "many", "may", "me", "might", "more", "most", "much", "must", "my", "near", "neither",
        "new", "no", "nor", "not", "now", "of", "off", "often", "on", "once", "one", "only", "or", "other", "others",
        "our", "ours", "out", "over", "own", "per", "rather", "s", "said", "same", "say", "says", "she", "should",
        "since", "so", "some", "still", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then",
        "there", "these", "they", "this", "those", "though", "through", "thus", "to", "too", "under", "until", "up",
        "upon", "us", "very", "via", "was", "we", "were", "what", "when", "where", "whereas", "whether", "which",
        "while", "who", "whom", "whose", "why", "will", "with", "within", "without", "would", "year", "years", "yet",
        "you", "your", "yours", "two", "three", "first", "second", "time", "told", "week", "day", "days", "monday",
        "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mr", "ms", "mrs", "dr", "t", "don", "re",
        "ve", "ll", "d", "m", "new", "news", "get", "got", "use", "used", "well", "back", "way", "part", "take",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWordLookup = StopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Lower-case word tokens (letters and digits, inner hyphens and apostrophes kept).</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        AddWords(text, words);
        return words;
    }

    /// <summary>Appends the lower-case word tokens of <paramref name="text"/> to <paramref name="words"/>.</summary>
    public static void AddWords(string text, List<string> words)
    {
        // A token is never longer than the text, so one rented buffer holds any of them.
        var buffer = ArrayPool<char>.Shared.Rent(text.Length + 1);
        var reader = new WordReader(text, buffer);
        while (reader.MoveNext())
        {
            words.Add(new string(reader.Current));
        }

        ArrayPool<char>.Shared.Return(buffer);
    }

    /// <summary>Content words of <paramref name="text"/>: no stop words, no one-letter tokens, no bare numbers.</summary>
    public static IEnumerable<string> ContentWords(string text)
    {
        foreach (var word in Words(text))
        {
            if (ContentForm(word) is { } term)
            {
                yield return term;
            }
        }
    }

    /// <summary>The folded form of a lower-case word token, or null when it is not a content word.</summary>
    public static string? ContentForm(string word) =>
        word.Length < 2 || StopWords.Contains(word) || IsNumber(word) ? null : Fold(word);

    /// <summary>
    /// The folded form of a lower-case word token, or an empty span when it is not a content word, as
    /// <see cref="ContentForm(string)"/> gives it; the token may be folded in place.
    /// </summary>
    public static ReadOnlySpan<char> ContentForm(Span<char> word)
    {
        if (word.Length < 2 || StopWordLookup.Contains(word) || IsNumber(word))
        {
            return [];
        }

        if (word.Length <= 3 || word.Contains('-'))
        {
            return word;
        }

        if (word.EndsWith("ies") && word.Length > 4)
        {
            word[^3] = 'y';
            return word[..^2];
        }

        if (word.EndsWith("sses"))
        {
            return word[..^2];
        }

        return word[^1] == 's' && !word.EndsWith("ss") && !word.EndsWith("us") && !word.EndsWith("is") ? word[..^1] : word;
    }

    public static bool IsStopWord(string lowerWord) => StopWords.Contains(lowerWord);

    /// <summary>Folds plural and common inflections so "partners"/"partner" and "talks"/"talk" match.</summary>
    public static string Fold(string word)
    {
        if (word.Length <= 3 || word.Contains('-', StringComparison.Ordinal))
        {
            return word;
        }

        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4)
        {
            return string.Concat(word.AsSpan(0, word.Length - 3), "y");
        }

        if (word.EndsWith("sses", StringComparison.Ordinal))
        {
            return word[..^2];
        }

        if (word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal)
            && !word.EndsWith("is", StringComparison.Ordinal))
        {
            return word[..^1];
        }

        return word;
    }

    /// <summary>Distinct 3-word shingles of the body, counted the way near-duplicate signatures see them.</summary>
    public static int CountShingles(IEnumerable<string> paragraphs)
    {
        var words = new List<string>();
        foreach (var paragraph in paragraphs)
        {
            AddWords(paragraph, words);
        }

        return CountShingles(words);
    }

    /// <summary>The hash of a 3-word shingle from its words' <see cref="StableHash.Of"/> hashes.</summary>
    internal static ulong ShingleHash(ulong first, ulong second, ulong third) =>
        StableHash.Combine(StableHash.Combine(first, second), third);

    /// <summary>Distinct 3-word shingles of the body's word tokens (<see cref="Words"/> of every paragraph, in order).</summary>
    public static int CountShingles(List<string> words)
    {
        if (words.Count < 3)
        {
            return words.Count == 0 ? 0 : 1;
        }

        var hashes = new ulong[words.Count];
        for (var i = 0; i < hashes.Length; i++)
        {
            hashes[i] = StableHash.Of(words[i]);
        }

        var shingles = new HashSet<ulong>(words.Count);
        for (var i = 0; i + 2 < words.Count; i++)
        {
            shingles.Add(ShingleHash(hashes[i], hashes[i + 1], hashes[i + 2]));
        }

        return shingles.Count;
    }

    private static bool IsNumber(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsDigit(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Collapses whitespace and trims, for comparing and displaying sentences.</summary>
    public static string Squash(string text)
    {
        if (IsSquashed(text))
        {
            // Most paragraphs are already clean: no copy to make.
            return text.Normalize(NormalizationForm.FormC);
        }

        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space && builder.Length > 0)
            {
                builder.Append(' ');
            }

            space = false;
            builder.Append(c);
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Whether <paramref name="text"/> has no whitespace at either end, and only single spaces inside.</summary>
    private static bool IsSquashed(string text)
    {
        if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) && (text[i] != ' ' || char.IsWhiteSpace(text[i + 1])))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a lower-case word is a stop word, without making a string of it.</summary>
    public static bool IsStopWord(ReadOnlySpan<char> lowerWord) => StopWordLookup.Contains(lowerWord);

    public static string ToInvariantLower(string text) => text.ToLower(CultureInfo.InvariantCulture);
}
