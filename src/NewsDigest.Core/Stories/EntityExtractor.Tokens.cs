namespace NewsDigest.Stories;

internal static partial class EntityExtractor
{
    /// <summary>
    /// Appends the word tokens of <paramref name="sentence"/> (from <paramref name="offset"/> in <paramref name="text"/>,
    /// <paramref name="length"/> long) as places in the text, with their case, abbreviations such as "U.S." kept whole,
    /// commas and brackets kept as tokens; a trailing "'s" is left out. No string is made: most tokens never become a name.
    /// </summary>
    private static void AddSentenceTokens(string text, int offset, int length, EntityExtractionBuffers buffers)
    {
        var tokens = buffers.Tokens;
        var first = tokens.Count;
        var sentence = text.AsSpan(offset, length);
        var position = 0;
        while (NextToken(sentence, ref position, out var start))
        {
            var token = sentence[start..position];
            if (token.Length >= 2 && token[^1] == 's' && token[^2] is '\'' or '\u2019')
            {
                token = token[..^2];
            }

            tokens.Add(new TokenRange(offset + start, token.Length));
        }

        buffers.SentenceTokens.Add(new SentenceTokens(text, first, tokens.Count - first));
    }

    /// <summary>
    /// Finds which sentence-initial capitalized words the document also writes lower-case ("The" and "the"), looking
    /// up only those words, where a set of every lower-case token was a string and a set entry per token.
    /// </summary>
    private static void FindWordsWrittenLowerCase(EntityExtractionBuffers buffers)
    {
        var tokens = buffers.TokenSpan;
        var candidates = buffers.SentenceInitialWords;
        Span<char> lower = stackalloc char[64];
        // A bit per (length, first, last character) of the candidates: rules out nearly every other token without a lookup.
        Span<ulong> filter = stackalloc ulong[CandidateFilterBits / 64];
        filter.Clear();
        foreach (var (text, first, count) in buffers.SentenceTokens)
        {
            if (count == 0 || !IsCapitalized(tokens[first].In(text)))
            {
                continue;
            }

            var word = tokens[first].In(text);
            var wordLower = word.Length <= lower.Length ? lower[..word.Length] : new char[word.Length];
            word.ToLowerInvariant(wordLower);
            // A stop word is ordinary anyway, and only a word that starts lower-case can be written lower-case.
            if (!char.IsLower(wordLower[0]) || TextTokens.IsStopWord(wordLower))
            {
                continue;
            }

            candidates.Add(buffers.Token(wordLower));
            var bit = CandidateFilterBit(wordLower.Length, wordLower[0], wordLower[^1]);
            filter[bit / 64] |= 1UL << (bit % 64);
        }

        if (candidates.Count == 0)
        {
            return;
        }

        var lookup = candidates.GetAlternateLookup<ReadOnlySpan<char>>();
        var written = buffers.WrittenLowerCase;
        foreach (var (text, first, count) in buffers.SentenceTokens)
        {
            foreach (var token in tokens.Slice(first, count))
            {
                if (token.Length == 0)
                {
                    continue;
                }

                var bit = CandidateFilterBit(token.Length, text[token.Start], text[token.Start + token.Length - 1]);
                if ((filter[bit / 64] & (1UL << (bit % 64))) != 0 && char.IsLower(text[token.Start]) && lookup.TryGetValue(token.In(text), out var word))
                {
                    written.Add(word);
                }
            }
        }
    }

    private const int CandidateFilterBits = 1024;

    private static int CandidateFilterBit(int length, char first, char last) => (length * 97 + first * 31 + last) & (CandidateFilterBits - 1);

    /// <summary>
    /// The next token at or after <paramref name="position"/>, found as the pattern
    /// <c>(?:[A-Z]\.){2,}|[\p{L}\p{N}]+(?:[-'\u2019][\p{L}\p{N}]+)*|[,()]</c> finds it, with a loop (a regex match per
    /// sentence was a tenth of grouping). Commas and brackets are tokens of their own, so "Special Measures Agreement
    /// (SMA)" is two names, not one.
    /// </summary>
    internal static bool NextToken(ReadOnlySpan<char> text, ref int position, out int start)
    {
        for (var i = position; i < text.Length; i++)
        {
            var c = text[i];
            var abbreviation = i;
            while (abbreviation + 1 < text.Length && char.IsAsciiLetterUpper(text[abbreviation]) && text[abbreviation + 1] == '.')
            {
                abbreviation += 2;
            }

            if (abbreviation - i >= 4)
            {
                start = i;
                position = abbreviation;
                return true;
            }

            if (IsWordCharacter(c))
            {
                var end = i + 1;
                while (true)
                {
                    while (end < text.Length && IsWordCharacter(text[end]))
                    {
                        end++;
                    }

                    if (end + 1 < text.Length && text[end] is '-' or '\'' or '\u2019' && IsWordCharacter(text[end + 1]))
                    {
                        end += 2;
                        continue;
                    }

                    break;
                }

                start = i;
                position = end;
                return true;
            }

            if (c is ',' or '(' or ')')
            {
                start = i;
                position = i + 1;
                return true;
            }
        }

        start = text.Length;
        position = text.Length;
        return false;
    }

    // ASCII first: most text is, and there a letter or number is a letter or digit.
    private static bool IsWordCharacter(char c) => char.IsAscii(c) ? char.IsAsciiLetterOrDigit(c) : char.IsLetter(c) || char.IsNumber(c);

    /// <summary>
    /// A token as <see cref="Length"/> characters from <see cref="Start"/> in its sentence's text; no reference in it,
    /// so storing one needs no write barrier.
    /// </summary>
    internal readonly record struct TokenRange(int Start, int Length)
    {
        public ReadOnlySpan<char> In(string text) => text.AsSpan(Start, Length);
    }

    /// <summary>The tokens of one sentence: <see cref="Count"/> from <see cref="First"/>, in <see cref="Text"/> (the headline or a paragraph).</summary>
    internal readonly record struct SentenceTokens(string Text, int First, int Count);
}
