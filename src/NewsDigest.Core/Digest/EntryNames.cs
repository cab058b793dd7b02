using NewsDigest.Stories;

namespace NewsDigest.Digest;

/// <summary>
/// The names an entry lists, one per thing named: a short form folds into the full name the documents also use
/// ("Hanwha" into "Hanwha Group", "SMA" into "Special Measures Agreement", "Shin" into "Shin Won-sik").
/// </summary>
internal static class EntryNames
{
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
        foreach (var name in names)
        {
            if (kept.Count == maximum)
            {
                break;
            }

            // The acronym of something the documents name in full that is not of this kind ("SMA" for the
            // "Special Measures Agreement" is not an organisation).
            if (entities.Any(e => e.Kind != kind && IsAcronymOf(name, e.Name)))
            {
                continue;
            }

            // A variant of a name listed already, or a short form of a longer name the documents also use.
            var shortOf = names.Find(other => other != name && IsShortFormOf(name, other, kind));
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
        if (name.Length < 2 || name.Length >= full.Length || !name.All(char.IsUpper))
        {
            return false;
        }

        var initials = string.Concat(full.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsUpper(w[0])).Select(w => w[0]));
        return string.Equals(initials, name, StringComparison.Ordinal);
    }
}
