using NewsDigest.Stories;

namespace NewsDigest.Digest;

/// <summary>
/// The names an entry lists, one per thing named: a short form folds into the full name the documents also use
/// ("Hanwha" into "Hanwha Group", "SMA" into "Special Measures Agreement", "Shin" into "Shin Won-sik").
/// </summary>
internal static class EntryNames
{
    /// <summary>
    /// Names looked at per name listed: the names come most mentioned first, so the ones past this are not listed in any
    /// story of a usual size, and a story with thousands of names costs no more than this times its names.
    /// </summary>
    private const int ExaminedPerListed = 8;

    public static IReadOnlyList<string> Of(IReadOnlyList<NamedEntity> entities, EntityKind kind, int maximum)
    {
        var names = new List<string>();
        foreach (var entity in entities)
        {
            if (entity.Kind == kind)
            {
                names.Add(entity.Name);
            }
        }

        var kept = new List<string>(Math.Min(names.Count, maximum));
        var examined = Math.Min(names.Count, ExaminedPerListed * maximum);
        for (var n = 0; n < examined && kept.Count < maximum; n++)
        {
            var name = names[n];
            // The acronym of something the documents name in full that is not of this kind ("SMA" for the
            // "Special Measures Agreement" is not an organisation).
            if (IsAcronymOfAnother(name, entities, kind))
            {
                continue;
            }

            // A variant of a name listed already, or a short form of a longer name the documents also use.
            var shortOf = ShortFormOf(name, names, kind);
            if (shortOf is not null)
            {
                if (!kept.Contains(shortOf, StringComparer.OrdinalIgnoreCase))
                {
                    kept.Add(shortOf);
                }

                continue;
            }

            if (!kept.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                kept.Add(name);
            }
        }

        return kept;
    }

    private static bool IsAcronymOfAnother(string name, IReadOnlyList<NamedEntity> entities, EntityKind kind)
    {
        if (!IsUpperWord(name))
        {
            return false;
        }

        foreach (var entity in entities)
        {
            if (entity.Kind != kind && IsAcronymOf(name, entity.Name))
            {
                return true;
            }
        }

        return false;
    }

    private static string? ShortFormOf(string name, List<string> names, EntityKind kind)
    {
        foreach (var other in names)
        {
            if (other != name && IsShortFormOf(name, other, kind))
            {
                return other;
            }
        }

        return null;
    }

    /// <summary>
    /// <paramref name="name"/> is a shorter form of <paramref name="full"/>: its leading words followed only by
    /// organisation words ("Hanwha" / "Hanwha Group"), a surname or given name of a person, or its acronym.
    /// </summary>
    public static bool IsShortFormOf(string name, string full, EntityKind kind)
    {
        if (name.Length >= full.Length)
        {
            return false;
        }

        // Every form below needs the first word of the name inside the full name, or an acronym: most pairs end here, unsplit.
        var first = name.AsSpan().TrimStart(' ');
        var space = first.IndexOf(' ');
        if (!full.AsSpan().Contains(space < 0 ? first : first[..space], StringComparison.Ordinal) && !IsUpperWord(name))
        {
            return false;
        }

        var shortWords = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var fullWords = full.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (shortWords.Length < fullWords.Length && fullWords.AsSpan(0, shortWords.Length).SequenceEqual(shortWords)
            && fullWords.Skip(shortWords.Length).All(w => Gazetteer.IsOrganisationWord(w) || Gazetteer.IsCompanySuffix(w)))
        {
            return true;
        }

        if (kind == EntityKind.Person && shortWords.Length == 1 && fullWords.Length is 2 or 3 && (fullWords[0] == name || fullWords[^1] == name))
        {
            return true;
        }

        return IsAcronymOf(name, full);
    }

    /// <summary>"SMA" for "Special Measures Agreement", "KIDA" for "Korea Institute for Defense Analyses".</summary>
    public static bool IsAcronymOf(string name, string full)
    {
        if (name.Length >= full.Length || !IsUpperWord(name))
        {
            return false;
        }

        // The capitals that start the full name's words, compared one by one with the name's letters.
        var matched = 0;
        var text = full.AsSpan();
        foreach (var range in text.Split(' '))
        {
            var word = text[range];
            if (word.Length == 0 || !char.IsUpper(word[0]))
            {
                continue;
            }

            if (matched == name.Length || word[0] != name[matched])
            {
                return false;
            }

            matched++;
        }

        return matched == name.Length;
    }

    /// <summary>At least two characters, all capitals.</summary>
    private static bool IsUpperWord(string name)
    {
        if (name.Length < 2)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsUpper(c))
            {
                return false;
            }
        }

        return true;
    }
}
