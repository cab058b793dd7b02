using System.Text.Json.Serialization;
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
    // Worked out once for an entity, which a window's reports share: a surname worked out for each report that names
    // the person was a string for each.
    private readonly (string Key, string? Surname) _lowered = Lower(Name, Kind);

    /// <summary>The name in lower case.</summary>
    [JsonIgnore]
    public string Key => _lowered.Key;

    /// <summary>For a person, the last word of <see cref="Key"/>: reports name a person in full once and by surname after.</summary>
    [JsonIgnore]
    public string? Surname => _lowered.Surname;

    private static (string Key, string? Surname) Lower(string name, EntityKind kind)
    {
        var key = TextTokens.ToInvariantLower(name);
        if (kind != EntityKind.Person)
        {
            return (key, null);
        }

        // Lowering keeps every character in its place, so the key's last word is the lowered last word of the name.
        return (key, LastWord(key));
    }

    /// <summary>The last word of <paramref name="name"/>: a person's surname, or the whole name when it is one word.</summary>
    internal static string LastWord(string name)
    {
        var space = name.LastIndexOf(' ');
        return space < 0 ? name : name[(space + 1)..];
    }
}

/// <summary>
/// Capitalized-phrase entity extraction: runs of capitalized words (with "of"/"for" inside names and numerals after
/// them, as in "Pillar 2"), split at titles ("Defense Minister Shin Won-sik"), then classified with the gazetteer,
/// organisation words and person cues (a title before, "said" after, or the surname used alone elsewhere).
/// </summary>
internal static partial class EntityExtractor
{
    private static readonly Dictionary<string, string> RomanNumerals = new(StringComparer.Ordinal)
    {
        ["I"] = "1", ["II"] = "2", ["III"] = "3", ["IV"] = "4", ["V"] = "5",
    };

    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> RomanNumeralLookup =
        RomanNumerals.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly WordLengths RomanNumeralLengths = WordLengths.Of(RomanNumerals.Keys);

    public static IReadOnlyList<NamedEntity> Extract(string title, IReadOnlyList<string> paragraphs) =>
        Extract(title, paragraphs, new EntityExtractionBuffers());

    /// <summary>Extracts the names of one document, reusing <paramref name="buffers"/> (one grouping's, on one thread).</summary>
    public static IReadOnlyList<NamedEntity> Extract(string title, IReadOnlyList<string> paragraphs, EntityExtractionBuffers buffers)
    {
        buffers.Reset();
        AddSentenceTokens(title, 0, title.Length, buffers);
        var sentences = buffers.Sentences;
        for (var p = 0; p < paragraphs.Count; p++)
        {
            // Sentences as positions in the paragraph: no string is made for one.
            var text = SentenceSplitter.Squashed(paragraphs[p]);
            sentences.Clear();
            SentenceSplitter.Split(text, sentences);
            foreach (var (start, length) in sentences)
            {
                AddSentenceTokens(text, start, length, buffers);
            }
        }

        FindWordsWrittenLowerCase(buffers);
        var tokens = buffers.TokenSpan;
        foreach (var (text, first, count) in buffers.SentenceTokens)
        {
            CollectPhrases(text, tokens.Slice(first, count), buffers);
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
        var name = buffers.Classification(tokens);
        if (name.Decided)
        {
            return name.Decision;
        }

        if (name.PersonLike && (phrase.AfterTitle || phrase.BeforeSpeechVerb || name.HyphenatedGivenName
            || singles.Contains(tokens[0]) || singles.Contains(tokens[^1])))
        {
            return name.Person ??= buffers.Entity(name.Name, EntityKind.Person);
        }

        return tokens.Length == 1 && phrase.SentenceStart ? null : name.Other ??= buffers.Entity(name.Name, EntityKind.Other);
    }

    /// <summary>What <paramref name="name"/>, the words <paramref name="tokens"/> joined, is whatever the phrase around it.</summary>
    internal static NameClassification Classification(string name, ReadOnlySpan<string> tokens, EntityExtractionBuffers buffers)
    {
        if (Gazetteer.IsCommonAbbreviation(name))
        {
            return new NameClassification(name) { Decided = true };
        }

        if (Gazetteer.Place(name) is { } place)
        {
            return new NameClassification(name) { Decided = true, Decision = buffers.Entity(place, EntityKind.Place) };
        }

        if (Gazetteer.Organisation(name) is { } organisation)
        {
            return new NameClassification(name) { Decided = true, Decision = buffers.Entity(organisation, EntityKind.Organisation) };
        }

        if (AnyOrganisationWord(tokens) || (tokens.Length == 1 && IsAcronym(name)))
        {
            return new NameClassification(name) { Decided = true, Decision = buffers.Entity(name, EntityKind.Organisation) };
        }

        // A title, its plural or its qualifier is never part of a person's name ("Defense Ministers", "Vice Presidents").
        var personLike = tokens.Length is 2 or 3 && IsPersonLike(tokens);
        return new NameClassification(name) { PersonLike = personLike, HyphenatedGivenName = personLike && IsHyphenatedGivenName(tokens[^1]) };
    }

    // The checks below run on every token of every document: plain loops, since LINQ over a string allocates an enumerator.
    private static bool IsCapitalized(ReadOnlySpan<char> token)
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

    private static bool IsNumeral(ReadOnlySpan<char> token)
    {
        if (RomanNumeralLengths.Has(token.Length) && RomanNumeralLookup.ContainsKey(token))
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

    // The hyphen is looked for first: most names have none, and a regex call from a second thread makes a new runner.
    private static bool IsHyphenatedGivenName(string token) => token.Contains('-') && HyphenatedGivenName().IsMatch(token);

    // Korean-style given names ("Won-sik", "Tae-hyo"), not compounds such as "War-era" or "Seoul-based".
    [GeneratedRegex(@"^[A-Z][a-z]{1,5}-(?!era$|based$|led$|style$|born$|run$|wide$|made$|like$|old$)[a-z]{2,4}$")]
    private static partial Regex HyphenatedGivenName();

    /// <summary>A capitalized phrase: <see cref="Count"/> words from <see cref="Start"/> in <see cref="EntityExtractionBuffers.PhraseWords"/>.</summary>
    internal readonly record struct Phrase(int Start, int Count, bool SentenceStart, bool AfterTitle, bool BeforeSpeechVerb);

    /// <summary>
    /// What a name is whatever the phrase around it (a gazetteer entry, an organisation, never a name, or possibly a
    /// person), worked out once per distinct name: names recur across thousands of documents.
    /// </summary>
    internal sealed class NameClassification(string name)
    {
        public string Name { get; } = name;

        /// <summary>Whether <see cref="Decision"/> is the answer (null: never a name), whatever the phrase around it.</summary>
        public bool Decided { get; init; }

        public NamedEntity? Decision { get; init; }

        /// <summary>Two or three capitalized words, none a title: a person when a cue says so.</summary>
        public bool PersonLike { get; init; }

        public bool HyphenatedGivenName { get; init; }

        /// <summary>The name as a person, made when first found to be one.</summary>
        public NamedEntity? Person { get; set; }

        /// <summary>The name as neither person, place nor organisation, made when first found to be one.</summary>
        public NamedEntity? Other { get; set; }
    }
}
