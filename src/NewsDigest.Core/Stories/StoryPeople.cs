namespace NewsDigest.Stories;

/// <summary>
/// Who a story is about: the people most of its reports name. Two stories of the same kind of event (a DUI arrest,
/// a rehab stay, a coach fired) share their words and their team or city; the person at their centre tells them apart.
/// </summary>
/// <remarks>People are compared by surname, since reports name them in full once and by surname after.</remarks>
internal static class StoryPeople
{
    /// <summary>
    /// Whether both groups of reports have central people and none of one's is central to the other: two
    /// developments about different people. Stories of one report have no central person (its names say too little).
    /// </summary>
    public static bool AreAboutOthers(IReadOnlyList<DocumentFeatures> reports, StoryCluster story)
    {
        var theirs = Central(story.NewDocuments, story.Existing);
        if (theirs.Count == 0)
        {
            return false;
        }

        var ours = Central(reports, null);
        return ours.Count > 0 && !ours.Overlaps(theirs);
    }

    /// <summary>
    /// Whether <paramref name="report"/> names people but none of those at the centre of <paramref name="story"/>: a
    /// report of the same kind of event about somebody else.
    /// </summary>
    public static bool NamesOthersOnly(DocumentFeatures report, StoryCluster story)
    {
        var central = Central(story.NewDocuments, story.Existing);
        if (central.Count == 0)
        {
            return false;
        }

        var namesPeople = false;
        foreach (var entity in report.Entities)
        {
            if (entity.Kind != EntityKind.Person)
            {
                continue;
            }

            if (central.Contains(Surname(entity.Name)))
            {
                return false;
            }

            namesPeople = true;
        }

        return namesPeople;
    }

    /// <summary>
    /// Whether the headline of <paramref name="report"/> names people, none of them the person most of the story's
    /// headlines name: "Chargers' Jackson arrested" is not the story headlined "Chargers' Jamal Williams arrested",
    /// however much else the reports share.
    /// </summary>
    public static bool HeadlinesAnother(DocumentFeatures report, StoryCluster story)
    {
        var ours = HeadlineSurnames(report);
        var documents = story.NewDocuments.Count + (story.Existing?.DocumentCount ?? 0);
        if (ours.Count == 0 || documents < 2)
        {
            return false;
        }

        var central = false;
        foreach (var (surname, count) in HeadlineCounts(story.NewDocuments, story.Existing))
        {
            if (count * 2 >= documents && count >= 2)
            {
                central = true;
                if (ours.Contains(surname))
                {
                    return false;
                }
            }
        }

        return central;
    }

    /// <summary>How many of the headlines of <paramref name="reports"/> and of the earlier story name each surname.</summary>
    public static Dictionary<string, int> HeadlineCounts(IReadOnlyList<DocumentFeatures> reports, StoryProfile? earlier)
    {
        var counts = earlier is null
            ? new Dictionary<string, int>(StringComparer.Ordinal)
            : new Dictionary<string, int>(earlier.HeadlinePeople, StringComparer.Ordinal);
        foreach (var report in reports)
        {
            foreach (var surname in HeadlineSurnames(report))
            {
                counts[surname] = counts.GetValueOrDefault(surname) + 1;
            }
        }

        return counts;
    }

    private static HashSet<string> HeadlineSurnames(DocumentFeatures report)
    {
        // By surname, since a headline often gives only that ("Chargers' Jackson arrested").
        var surnames = new HashSet<string>(StringComparer.Ordinal);
        HashSet<string>? headline = null;
        foreach (var entity in report.Entities)
        {
            if (entity.Kind == EntityKind.Person)
            {
                headline ??= [.. TextTokens.Words(report.Document.Title)];
                var surname = Surname(entity.Name);
                if (headline.Contains(surname))
                {
                    surnames.Add(surname);
                }
            }
        }

        return surnames;
    }

    /// <summary>The surnames of the people named by at least half of the reports, and by two of them at least.</summary>
    internal static HashSet<string> Central(IReadOnlyList<DocumentFeatures> reports, StoryProfile? earlier)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var report in reports)
        {
            seen.Clear();
            foreach (var entity in report.Entities)
            {
                if (entity.Kind == EntityKind.Person && seen.Add(Surname(entity.Name)))
                {
                    counts[Surname(entity.Name)] = counts.GetValueOrDefault(Surname(entity.Name)) + 1;
                }
            }
        }

        var documents = reports.Count;
        if (earlier is not null)
        {
            documents += earlier.DocumentCount;
            foreach (var entity in earlier.Entities)
            {
                if (entity.Kind == EntityKind.Person)
                {
                    counts[Surname(entity.Name)] = counts.GetValueOrDefault(Surname(entity.Name)) + entity.Count;
                }
            }
        }

        var central = new HashSet<string>(StringComparer.Ordinal);
        if (documents < 2)
        {
            return central;
        }

        foreach (var (surname, count) in counts)
        {
            if (count >= 2 && count * 2 >= documents)
            {
                central.Add(surname);
            }
        }

        return central;
    }

    private static string Surname(string name)
    {
        var space = name.LastIndexOf(' ');
        return TextTokens.ToInvariantLower(space < 0 ? name : name[(space + 1)..]);
    }
}
