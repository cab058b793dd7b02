using System.Buffers;

namespace NewsDigest.Stories;

/// <summary>
/// Who a story is about: the people most of its reports name, and the people its headlines name. Two stories of the
/// same kind of event (a DUI arrest, a rehab stay, a coach fired) share their words and their team or city; the
/// person at their centre tells them apart.
/// </summary>
/// <remarks>
/// People are compared by surname, since reports name them in full once and by surname after. The counts of a story
/// are kept as it grows (its reports are only ever appended, or all moved out at once), so asking costs the same
/// for a story of thousands of reports as for one of two.
/// </remarks>
internal static class StoryPeople
{
    /// <summary>
    /// Whether both groups of reports have central people and none of one's is central to the other: two
    /// developments about different people. Stories of one report have no central person (its names say too little).
    /// </summary>
    public static bool AreAboutOthers(StoryCluster ours, StoryCluster theirs)
    {
        var their = CountsOf(theirs).Central();
        if (their.Count == 0)
        {
            return false;
        }

        var our = CountsOf(ours).Central();
        return our.Count > 0 && !our.Overlaps(their);
    }

    /// <summary>
    /// Whether the headline of <paramref name="report"/> names people, none of them the person most of the story's
    /// headlines name (or, when its headlines agree on no one, most of its reports): "Chargers' Jackson arrested" is
    /// not the story headlined "Chargers' Jamal Williams arrested", however much else the reports share.
    /// </summary>
    public static bool HeadlinesAnother(DocumentFeatures report, StoryCluster story)
    {
        var ours = Of(report).Headline;
        if (ours.Length == 0)
        {
            return false;
        }

        var counts = CountsOf(story);
        var central = counts.CentralInHeadlines();
        if (central.Count == 0)
        {
            // Headlines that name no one ("San Diego lineman arrested") leave the people the reports are about.
            central = counts.Central();
        }

        if (central.Count == 0)
        {
            return false;
        }

        foreach (var surname in ours)
        {
            if (central.Contains(surname))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>How many of the headlines of <paramref name="reports"/> and of the earlier story name each surname.</summary>
    public static IReadOnlyDictionary<string, int> HeadlineCounts(IReadOnlyList<DocumentFeatures> reports, StoryProfile? earlier)
    {
        // Made only when there is someone to count: stories whose headlines name nobody (nine in ten of the bench's)
        // share one empty table.
        Dictionary<string, int>? counts = earlier is null || earlier.HeadlinePeople.Count == 0
            ? null
            : new Dictionary<string, int>(earlier.HeadlinePeople, StringComparer.Ordinal);
        foreach (var report in reports)
        {
            foreach (var surname in Of(report).Headline)
            {
                counts ??= new Dictionary<string, int>(StringComparer.Ordinal);
                counts[surname] = counts.GetValueOrDefault(surname) + 1;
            }
        }

        return counts ?? StoryProfile.NoPeople;
    }

    /// <summary>The surnames of the people named by at least half of the reports, and by two of them at least.</summary>
    internal static HashSet<string> Central(IReadOnlyList<DocumentFeatures> reports, StoryProfile? earlier)
    {
        var counts = new Counts(earlier);
        counts.Update(reports);
        return counts.Central();
    }

    private static Counts CountsOf(StoryCluster story)
    {
        // Kept by the story and the report themselves: a table on the side cost the collector a handle for each.
        var counts = story.People ??= new Counts(story.Existing);
        counts.Update(story.NewDocuments);
        return counts;
    }

    /// <summary>Works out the people <paramref name="report"/> names ahead of the first question about them.</summary>
    public static void Read(DocumentFeatures report) => _ = Of(report);

    private static ReportPeople Of(DocumentFeatures report) => report.People ??= ReportPeople.Read(report);

    /// <summary>The lower-case surname of a remembered story's person (<see cref="NamedEntity.Surname"/> for a report's).</summary>
    private static string Surname(string name) => TextTokens.ToInvariantLower(NamedEntity.LastWord(name));

    /// <summary>
    /// The surnames of the people a report names, and of those its headline names. A value kept in the report itself:
    /// an object of its own for each of a large window's reports was one more for the collector to trace.
    /// </summary>
    internal readonly record struct ReportPeople(string[] Named, string[] Headline)
    {
        public static ReportPeople Read(DocumentFeatures report)
        {
            var entities = report.Entities;
            var people = 0;
            for (var e = 0; e < entities.Count; e++)
            {
                people += entities[e].Kind == EntityKind.Person ? 1 : 0;
            }

            if (people == 0)
            {
                return new ReportPeople([], []);
            }

            var named = new string[people];
            var count = 0;
            var inHeadline = people <= 256 ? stackalloc bool[people] : new bool[people];
            var headlines = 0;
            var title = report.Document.Title;
            var buffer = ArrayPool<char>.Shared.Rent(title.Length + 1);
            for (var e = 0; e < entities.Count; e++)
            {
                // The entity's own surname string: a report keeps only strings its entities already hold.
                if (entities[e].Surname is not { } surname || named.AsSpan(0, count).Contains(surname))
                {
                    continue;
                }

                // By surname, since a headline often gives only that ("Chargers' Jackson arrested"). The headline's
                // words are read again for each surname rather than kept: a report names a handful of people, and
                // read ahead for every report of a large window, a set of them was a quarter of what the pass allocated.
                inHeadline[count] = HasWord(title, surname, buffer);
                headlines += inHeadline[count] ? 1 : 0;
                named[count++] = surname;
            }

            ArrayPool<char>.Shared.Return(buffer);
            var headline = headlines == 0 ? [] : new string[headlines];
            for (int n = 0, h = 0; h < headlines; n++)
            {
                if (inHeadline[n])
                {
                    headline[h++] = named[n];
                }
            }

            return new ReportPeople(named.Length == count ? named : named[..count], headline);
        }

        /// <summary>Whether <paramref name="word"/> is one of the word tokens of <paramref name="text"/> (<see cref="TextTokens.Words"/>).</summary>
        private static bool HasWord(string text, string word, char[] buffer)
        {
            var reader = new WordReader(text, buffer);
            while (reader.MoveNext())
            {
                if (reader.Current.SequenceEqual(word))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>How many reports of a story name each surname, in their text and in their headline.</summary>
    internal sealed class Counts(StoryProfile? earlier)
    {
        private int _read;
        private HashSet<string>? _central;
        private int _centralAt;
        private HashSet<string>? _centralInHeadlines;
        private int _centralInHeadlinesAt;

        public Dictionary<string, int> Named { get; } = Start(earlier, e => e.Entities.Where(x => x.Kind == EntityKind.Person).Select(x => (Surname(x.Name), x.Count)));

        public Dictionary<string, int> Headline { get; } = Start(earlier, e => e.HeadlinePeople.Select(p => (p.Key, p.Value)));

        public int Documents { get; private set; } = earlier?.DocumentCount ?? 0;

        public void Update(IReadOnlyList<DocumentFeatures> reports)
        {
            if (reports.Count < _read)
            {
                // Its reports moved to another story all at once: count again from the earlier story alone.
                Named.Clear();
                Headline.Clear();
                foreach (var (surname, count) in Start(earlier, e => e.Entities.Where(x => x.Kind == EntityKind.Person).Select(x => (Surname(x.Name), x.Count))))
                {
                    Named[surname] = count;
                }

                foreach (var (surname, count) in Start(earlier, e => e.HeadlinePeople.Select(p => (p.Key, p.Value))))
                {
                    Headline[surname] = count;
                }

                Documents = earlier?.DocumentCount ?? 0;
                _read = 0;
            }

            for (; _read < reports.Count; _read++)
            {
                var people = Of(reports[_read]);
                foreach (var surname in people.Named)
                {
                    Named[surname] = Named.GetValueOrDefault(surname) + 1;
                }

                foreach (var surname in people.Headline)
                {
                    Headline[surname] = Headline.GetValueOrDefault(surname) + 1;
                }

                Documents++;
            }
        }

        /// <summary>The surnames named by at least half of the reports, and by two at least.</summary>
        public HashSet<string> Central() => _central = Refresh(_central, ref _centralAt, Named);

        /// <summary>The surnames named by at least half of the headlines, and by two at least.</summary>
        public HashSet<string> CentralInHeadlines() => _centralInHeadlines = Refresh(_centralInHeadlines, ref _centralInHeadlinesAt, Headline);

        private HashSet<string> Refresh(HashSet<string>? known, ref int knownAt, Dictionary<string, int> counts)
        {
            // Read again as the story grows by a tenth (exactly while it is small), so a story of thousands of
            // reports is not read again for each new one: the people at its centre change slowly, if at all.
            if (known is not null && (knownAt == Documents || (knownAt >= 20 && Documents >= knownAt && Documents * 10 < knownAt * 11)))
            {
                return known;
            }

            var central = new HashSet<string>(StringComparer.Ordinal);
            if (Documents >= 2)
            {
                foreach (var (surname, count) in counts)
                {
                    if (count >= 2 && count * 2 >= Documents)
                    {
                        central.Add(surname);
                    }
                }
            }

            knownAt = Documents;
            return central;
        }

        private static Dictionary<string, int> Start(StoryProfile? earlier, Func<StoryProfile, IEnumerable<(string Surname, int Count)>> read)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            if (earlier is not null)
            {
                foreach (var (surname, count) in read(earlier))
                {
                    counts[surname] = counts.GetValueOrDefault(surname) + count;
                }
            }

            return counts;
        }
    }
}
