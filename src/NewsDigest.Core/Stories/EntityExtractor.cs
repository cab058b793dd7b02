using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace NewsDigest.Stories;

internal enum EntityKind
{
    Other,
    Person,
    Organisation,
    Place,
}

/// <summary>A name found in a document; <see cref="Key"/> is what two mentions of the same name share.</summary>
internal sealed record NamedEntity(string Name, EntityKind Kind)
{
    public string Key { get; } = TextTokens.ToInvariantLower(Name);
}

/// <summary>
/// Capitalized-phrase entity extraction: runs of capitalized words (with "of"/"for" inside names and numerals after
/// them, as in "Pillar 2"), split at titles ("Defense Minister Shin Won-sik"), then classified with the gazetteer,
/// organisation words and person cues (a title before, "said" after, or the surname used alone elsewhere).
/// </summary>
internal static partial class EntityExtractor
{
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "for", "on", "de", "du", "von", "van", "al" };

    private static readonly HashSet<string> SpeechVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "said", "says", "told", "noted", "added", "stated", "indicated", "argued", "wrote", "announced", "warned", "explained",
    };

    private static readonly Dictionary<string, string> RomanNumerals = new(StringComparer.Ordinal)
    {
        ["I"] = "1", ["II"] = "2", ["III"] = "3", ["IV"] = "4", ["V"] = "5",
    };

    public static IReadOnlyList<NamedEntity> Extract(string title, IReadOnlyList<string> paragraphs) =>
        Extract(title, paragraphs, new EntityExtractionBuffers());

    /// <summary>Extracts the names of one document, reusing <paramref name="buffers"/> (one grouping's, on one thread).</summary>
    public static IReadOnlyList<NamedEntity> Extract(string title, IReadOnlyList<string> paragraphs, EntityExtractionBuffers buffers)
    {
        buffers.Reset();
        var lowerVocabulary = buffers.LowerVocabulary;
        var tokenized = buffers.Tokenized;
        tokenized.Add(Tokens(title, buffers));
        var sentences = buffers.Sentences;
        for (var p = 0; p < paragraphs.Count; p++)
        {
            // Sentences as positions in the paragraph: no string is made for one.
            var text = SentenceSplitter.Squashed(paragraphs[p]);
            sentences.Clear();
            SentenceSplitter.Split(text, sentences);
            foreach (var (start, length) in sentences)
            {
                tokenized.Add(Tokens(text.AsSpan(start, length), buffers));
            }
        }

        foreach (var tokens in tokenized)
        {
            foreach (var token in tokens)
            {
                if (token.Length > 0 && char.IsLower(token[0]))
                {
                    lowerVocabulary.Add(token);
                }
            }
        }

        foreach (var tokens in tokenized)
        {
            CollectPhrases(tokens, buffers);
        }

        var phrases = buffers.Phrases;
        var singles = buffers.Singles;
        foreach (var phrase in phrases)
        {
            if (phrase.Count == 1)
            {
                singles.Add(buffers.Words(phrase)[0]);
            }
        }

        // Reused and cleared: a cleared dictionary fills its slots in the same order as a new one, so the order of
        // the names returned is unchanged.
        var found = buffers.Found;
        var people = buffers.People;
        foreach (var phrase in phrases)
        {
            var entity = Classify(phrase, singles, buffers);
            if (entity is null)
            {
                continue;
            }

            if (!found.TryGetValue(entity.Key, out var existing) || (existing.Kind == EntityKind.Other && entity.Kind != EntityKind.Other))
            {
                found[entity.Key] = entity;
                if (entity.Kind == EntityKind.Person)
                {
                    people.Add(entity);
                }
            }
        }

        // A surname alone ("Kim said") is the person named in full elsewhere, not a separate name.
        var byKey = found.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> lower = stackalloc char[64];
        foreach (var person in people)
        {
            var name = person.Name.AsSpan();
            foreach (var range in name.Split(' '))
            {
                var part = name[range];
                var partLower = part.Length <= lower.Length ? lower[..part.Length] : new char[part.Length];
                part.ToLowerInvariant(partLower);
                if (byKey.TryGetValue(partLower, out var single) && single.Kind == EntityKind.Other)
                {
                    found.Remove(single.Key);
                }
            }
        }

        if (found.Count == 0)
        {
            return [];
        }

        // An array in the dictionary's order: the document keeps it, and a collection expression would wrap it in another object.
        var names = new NamedEntity[found.Count];
        found.Values.CopyTo(names, 0);
        return names;
    }

    private static NamedEntity? Classify(Phrase phrase, HashSet<string> singles, EntityExtractionBuffers buffers)
    {
        var tokens = buffers.Words(phrase);
        var name = buffers.Name(tokens);
        if (Gazetteer.IsCommonAbbreviation(name))
        {
            return null;
        }

        if (Gazetteer.Place(name) is { } place)
        {
            return buffers.Entity(place, EntityKind.Place);
        }

        if (Gazetteer.Organisation(name) is { } organisation)
        {
            return buffers.Entity(organisation, EntityKind.Organisation);
        }

        if (AnyOrganisationWord(tokens))
        {
            return buffers.Entity(name, EntityKind.Organisation);
        }

        if (tokens.Length == 1 && IsAcronym(name))
        {
            return buffers.Entity(name, EntityKind.Organisation);
        }

        // A title, its plural or its qualifier is never part of a person's name ("Defense Ministers", "Vice Presidents").
        var personLike = tokens.Length is 2 or 3 && IsPersonLike(tokens);
        if (personLike && (phrase.AfterTitle || phrase.BeforeSpeechVerb || IsHyphenatedGivenName(tokens[^1])
            || singles.Contains(tokens[0]) || singles.Contains(tokens[^1])))
        {
            return buffers.Entity(name, EntityKind.Person);
        }

        return tokens.Length == 1 && phrase.SentenceStart ? null : buffers.Entity(name, EntityKind.Other);
    }

    private static void CollectPhrases(List<string> tokens, EntityExtractionBuffers buffers)
    {
        // One list for the words of every run: a run is split into phrases before the next is read.
        var words = buffers.RunWords;
        var i = 0;
        while (i < tokens.Count)
        {
            if (!IsCapitalized(tokens[i]))
            {
                i++;
                continue;
            }

            var start = i;
            words.Clear();
            words.Add(tokens[i]);
            i++;
            while (i < tokens.Count)
            {
                if (IsCapitalized(tokens[i]) || (IsNumeral(tokens[i]) && words.Count > 0))
                {
                    words.Add(RomanNumerals.TryGetValue(tokens[i], out var number) ? number : tokens[i]);
                    i++;
                }
                else if ((Connectors.Contains(tokens[i]) || (tokens[i] == "and" && IsInsideOrganisationName(CollectionsMarshal.AsSpan(words))))
                    && i + 1 < tokens.Count && IsCapitalized(tokens[i + 1]) && !(tokens[i] == "and" && Gazetteer.Place(tokens[i + 1]) is not null))
                {
                    words.Add(tokens[i]);
                    i++;
                }
                else
                {
                    break;
                }
            }

            var next = i < tokens.Count ? tokens[i] : null;
            if (next == "," && i + 1 < tokens.Count)
            {
                next = tokens[i + 1];
            }

            AddSplitAtTitles(CollectionsMarshal.AsSpan(words), start == 0, next is not null && SpeechVerbs.Contains(next), buffers);
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
        while (words.Length > 0 && sentenceStart && IsOrdinaryWord(words[0], buffers.LowerVocabulary))
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

    /// <summary>Whether <paramref name="word"/> in lower case is a stop word or a word the document writes lower-case.</summary>
    private static bool IsOrdinaryWord(string word, HashSet<string> lowerVocabulary)
    {
        var lower = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        word.AsSpan().ToLowerInvariant(lower);
        return TextTokens.IsStopWord(lower) || lowerVocabulary.GetAlternateLookup<ReadOnlySpan<char>>().Contains(lower);
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

    // The checks below run on every token of every document: plain loops, since LINQ over a string allocates an enumerator.
    private static bool IsCapitalized(string token)
    {
        if (token.Length == 0 || !char.IsUpper(token[0]))
        {
            return false;
        }

        foreach (var c in token)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNumeral(string token)
    {
        if (RomanNumerals.ContainsKey(token))
        {
            return true;
        }

        if (token.Length > 4)
        {
            return false;
        }

        foreach (var c in token)
        {
            if (!char.IsDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AllNumerals(ReadOnlySpan<string> words)
    {
        foreach (var word in words)
        {
            if (!IsNumeral(word))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AnyOrganisationWord(ReadOnlySpan<string> words)
    {
        foreach (var word in words)
        {
            if (Gazetteer.IsOrganisationWord(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Every word capitalized and no acronym; no title, its plural or its qualifier ("Defense Ministers", "Vice Presidents"),
    /// which are never part of a person's name.
    /// </summary>
    private static bool IsPersonLike(ReadOnlySpan<string> words)
    {
        foreach (var t in words)
        {
            if (!(t.Length > 1 && char.IsUpper(t[0]) && !IsAcronym(t)))
            {
                return false;
            }
        }

        foreach (var t in words)
        {
            if (Gazetteer.IsTitleWord(t) || (t.EndsWith('s') && Gazetteer.IsTitleWord(t.AsSpan(0, t.Length - 1))) || IsTitleQualifier(t))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAcronym(string token)
    {
        var letters = 0;
        var allUpper = true;
        foreach (var c in token)
        {
            if (char.IsLetter(c))
            {
                letters++;
                allUpper &= char.IsUpper(c);
            }
        }

        return letters >= 2 && allUpper && token.Length <= 8;
    }

    /// <summary>Word tokens with their case, abbreviations such as "U.S." kept whole, commas and brackets kept as tokens.</summary>
    private static List<string> Tokens(ReadOnlySpan<char> sentence, EntityExtractionBuffers buffers)
    {
        var tokens = buffers.NextSentence();
        var position = 0;
        while (NextToken(sentence, ref position, out var start))
        {
            var token = sentence[start..position];
            if (token.EndsWith("'s", StringComparison.Ordinal) || token.EndsWith("\u2019s", StringComparison.Ordinal))
            {
                token = token[..^2];
            }

            tokens.Add(buffers.Token(token));
        }

        return tokens;
    }

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

    private static bool IsWordCharacter(char c) => char.IsLetter(c) || char.IsNumber(c);

    // The hyphen is looked for first: most names have none, and a regex call from a second thread makes a new runner.
    private static bool IsHyphenatedGivenName(string token) => token.Contains('-') && HyphenatedGivenName().IsMatch(token);

    // Korean-style given names ("Won-sik", "Tae-hyo"), not compounds such as "War-era" or "Seoul-based".
    [GeneratedRegex(@"^[A-Z][a-z]{1,5}-(?!era$|based$|led$|style$|born$|run$|wide$|made$|like$|old$)[a-z]{2,4}$")]
    private static partial Regex HyphenatedGivenName();

    /// <summary>A capitalized phrase: <see cref="Count"/> words from <see cref="Start"/> in <see cref="EntityExtractionBuffers.PhraseWords"/>.</summary>
    internal readonly record struct Phrase(int Start, int Count, bool SentenceStart, bool AfterTitle, bool BeforeSpeechVerb);
}
