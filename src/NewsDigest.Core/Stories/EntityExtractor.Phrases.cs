using System.Runtime.InteropServices;

namespace NewsDigest.Stories;

internal static partial class EntityExtractor
{
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "for", "on", "de", "du", "von", "van", "al" };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ConnectorLookup = Connectors.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly WordLengths ConnectorLengths = WordLengths.Of(Connectors);

    private static readonly HashSet<string> SpeechVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "said", "says", "told", "noted", "added", "stated", "indicated", "argued", "wrote", "announced", "warned", "explained",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SpeechVerbLookup = SpeechVerbs.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly WordLengths SpeechVerbLengths = WordLengths.Of(SpeechVerbs);

    /// <summary>Collects the phrases of one sentence; only the words of a run of capitalized words become strings.</summary>
    private static void CollectPhrases(string text, ReadOnlySpan<TokenRange> tokens, EntityExtractionBuffers buffers)
    {
        // One list for the words of every run: a run is split into phrases before the next is read.
        var words = buffers.RunWords;
        var i = 0;
        while (i < tokens.Length)
        {
            // The first character rules out most tokens before a span is made.
            if (!char.IsUpper(text[tokens[i].Start]) || !IsCapitalized(tokens[i].In(text)))
            {
                i++;
                continue;
            }

            var start = i;
            words.Clear();
            words.Add(buffers.Token(tokens[i].In(text)));
            i++;
            while (i < tokens.Length)
            {
                var token = tokens[i].In(text);
                if (IsCapitalized(token) || (IsNumeral(token) && words.Count > 0))
                {
                    words.Add(RomanNumeralLengths.Has(token.Length) && RomanNumeralLookup.TryGetValue(token, out var number) ? number : buffers.Token(token));
                    i++;
                }
                else if (((ConnectorLengths.Has(token.Length) && ConnectorLookup.Contains(token)) || (token is "and" && IsInsideOrganisationName(CollectionsMarshal.AsSpan(words))))
                    && i + 1 < tokens.Length && IsCapitalized(tokens[i + 1].In(text)) && !(token is "and" && Gazetteer.Place(tokens[i + 1].In(text)) is not null))
                {
                    words.Add(buffers.Token(token));
                    i++;
                }
                else
                {
                    break;
                }
            }

            var next = i < tokens.Length ? i : -1;
            if (next >= 0 && tokens[next].In(text) is "," && i + 1 < tokens.Length)
            {
                next = i + 1;
            }

            var beforeSpeechVerb = next >= 0 && SpeechVerbLengths.Has(tokens[next].Length) && SpeechVerbLookup.Contains(tokens[next].In(text));
            AddSplitAtTitles(CollectionsMarshal.AsSpan(words), start == 0, beforeSpeechVerb, buffers);
        }
    }

    // Phrases are spans of the run's words: a slice is free, where a sub-list was a new list per phrase.
    private static void AddSplitAtTitles(ReadOnlySpan<string> words, bool sentenceStart, bool beforeSpeechVerb, EntityExtractionBuffers buffers)
    {
        var lastTitle = words.Length - 1;
        while (lastTitle >= 0 && !Gazetteer.IsTitleWord(words[lastTitle]))
        {
            lastTitle--;
        }

        if (lastTitle >= 0)
        {
            // Whatever precedes the title ("South Korean Defense") is a separate phrase; the title words are not names.
            var firstTitle = lastTitle;
            while (firstTitle > 0 && (Gazetteer.IsTitleWord(words[firstTitle - 1]) || IsTitleQualifier(words[firstTitle - 1])))
            {
                firstTitle--;
            }

            if (firstTitle > 0)
            {
                AddSplitAtTitles(words[..firstTitle], sentenceStart, false, buffers);
            }

            var rest = words[(lastTitle + 1)..];
            if (rest.Length > 0 && rest[0] is not ("of" or "for" or "on"))
            {
                Add(rest, false, afterTitle: true, beforeSpeechVerb, buffers);
            }

            return;
        }

        Add(words, sentenceStart, afterTitle: false, beforeSpeechVerb, buffers);
    }

    private static void Add(ReadOnlySpan<string> words, bool sentenceStart, bool afterTitle, bool beforeSpeechVerb, EntityExtractionBuffers buffers)
    {
        // Sentence-initial ordinary words ("However", "The", "Although") are not names.
        while (words.Length > 0 && sentenceStart && IsOrdinaryWord(words[0], buffers.WrittenLowerCase))
        {
            words = words[1..];
            sentenceStart = false;
        }

        while (words.Length > 0 && (Connectors.Contains(words[^1]) || IsStopWord(words[^1])))
        {
            words = words[..^1];
        }

        if (words.Length == 0 || words.Length > 7 || AllNumerals(words))
        {
            return;
        }

        // The count is checked before the names are joined: most phrases have one or two words.
        if (words.Length > 2 && Gazetteer.Place(buffers.Name(words[..2])) is not null
            && buffers.Name(words) is var name && Gazetteer.Place(name) is null && Gazetteer.Organisation(name) is null
            && !AnyOrganisationWord(words))
        {
            // "South Korean Yoon" or "Australia Anthony Albanese": the place and what follows are separate names.
            buffers.AddPhrase(words[..2], sentenceStart, false, false);
            Add(words[2..], false, afterTitle, beforeSpeechVerb, buffers);
            return;
        }

        buffers.AddPhrase(words, sentenceStart, afterTitle, beforeSpeechVerb);
    }

    /// <summary>
    /// Whether <paramref name="word"/> in lower case is a stop word or a word the document writes lower-case
    /// (<paramref name="writtenLowerCase"/> holds those of the sentence-initial words).
    /// </summary>
    private static bool IsOrdinaryWord(string word, HashSet<string> writtenLowerCase)
    {
        var lower = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        word.AsSpan().ToLowerInvariant(lower);
        return TextTokens.IsStopWord(lower) || writtenLowerCase.GetAlternateLookup<ReadOnlySpan<char>>().Contains(lower);
    }

    private static bool IsStopWord(string word)
    {
        var lower = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        word.AsSpan().ToLowerInvariant(lower);
        return TextTokens.IsStopWord(lower);
    }

    /// <summary>
    /// "and" belongs to the name in "Center for Security and Strategy" or "Ministry of Trade and Industry": the words
    /// so far are an organisation word with "of"/"for" after it. Elsewhere "and" separates two names.
    /// </summary>
    private static bool IsInsideOrganisationName(ReadOnlySpan<string> words)
    {
        var organisation = 0;
        while (organisation < words.Length && !Gazetteer.IsOrganisationWord(words[organisation]))
        {
            organisation++;
        }

        return organisation < words.Length && organisation + 1 < words.Length && words[organisation + 1] is "of" or "for" or "on"
            && !words.Contains("and");
    }

    private static bool IsTitleQualifier(string word) => word is "Prime" or "Vice" or "Deputy" or "Foreign" or "Defense"
        or "Defence" or "Finance" or "Trade" or "Unification" or "Interior" or "Home" or "Chief" or "First" or "Former"
        or "Acting" or "Supreme" or "State" or "Executive" or "Senior";

    /// <summary>
    /// The lengths of the words of a set, one bit each (the last bit for 63 and more): a token of another length is not
    /// in the set, found without hashing it. Most tokens checked against the small sets here are not in them.
    /// </summary>
    private readonly record struct WordLengths(ulong Mask)
    {
        public static WordLengths Of(IEnumerable<string> words)
        {
            ulong mask = 0;
            foreach (var word in words)
            {
                mask |= 1UL << Math.Min(word.Length, 63);
            }

            return new WordLengths(mask);
        }

        public bool Has(int length) => (Mask & (1UL << Math.Min(length, 63))) != 0;
    }
}
