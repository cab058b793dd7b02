namespace NewsDigest.Stories;

/// <summary>A document an earlier digest filed under a story.</summary>
internal sealed record FiledDocument(StoryDocument Document, string StoryId);

/// <summary>
/// How a regrouping changed a remembered story: its profile as it now stands, the earlier-filed documents that move
/// into it and those that leave it, whether it is gone (all its documents now belong to other stories), and whether
/// it has new documents (then it is a digest entry as well).
/// </summary>
internal sealed record StoryMembershipChange(
    StoryProfile Profile,
    IReadOnlyList<string> Joined,
    IReadOnlyList<string> Left,
    bool Retired,
    bool HasNewDocuments);

/// <summary>
/// Groups the documents of the open stories again, together with the new ones, while they are few.
/// </summary>
/// <remarks>
/// A digest that only adds its documents to the stories earlier digests left decides otherwise than one batch of
/// everything would: the first digests weigh words on their own few documents, a report is weighed before the ones
/// that arrive later, and two stories from earlier digests are never made one. While the open stories hold few
/// documents, grouping them all again with the new ones in one batch, with the term statistics of every other
/// document read, gives exactly the stories one batch would, however the documents were split into digests. Each
/// regrouped story keeps the id (and the sentences already said) of the remembered story most of its earlier
/// documents came from; a digest entry lists only its new documents, so nothing is sent twice; documents that change
/// story are refiled.
/// </remarks>
internal static class StoryRegrouping
{
    /// <summary>Documents (earlier and new together) up to which a digest regroups by default; past them it only adds the new ones.</summary>
    public const int DefaultMaxDocuments = 5_000;

    /// <summary>
    /// Groups <paramref name="window"/> with the <paramref name="known"/> open stories as a digest does: regrouping
    /// the stories' documents (read by <paramref name="readFiled"/> only when they may be few enough) with the new
    /// ones, else with <see cref="StoryClusterer"/> alone. <paramref name="earlier"/>: the statistics of earlier
    /// digests, the open stories' documents included; <paramref name="maxDocuments"/>: how many documents may be
    /// regrouped, earlier and new together.
    /// </summary>
    public static async Task<StoryGrouping> GroupAsync(
        IReadOnlyList<StoryDocument> window,
        IReadOnlyList<StoryProfile> known,
        TermStatistics? earlier,
        Func<CancellationToken, Task<IReadOnlyList<FiledDocument>>> readFiled,
        int maxDocuments,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(readFiled);
        // The stories say how many documents they hold: with too many, nothing is read.
        if (known.Count == 0 || known.Sum(s => (long)s.DocumentCount) + window.Count > maxDocuments)
        {
            return StoryClusterer.Group(window, known, earlier);
        }

        var filed = await readFiled(cancellationToken);
        return Applies(filed.Count, window.Count, maxDocuments)
            ? Regroup(window, filed, known, earlier)
            : StoryClusterer.Group(window, known, earlier);
    }

    /// <summary>Whether to regroup <paramref name="filed"/> earlier documents with <paramref name="window"/> new ones.</summary>
    public static bool Applies(int filed, int window, int maxDocuments = DefaultMaxDocuments) => filed + window <= maxDocuments;

    /// <summary>
    /// Groups <paramref name="window"/> with the earlier-filed documents of <paramref name="known"/> as one batch,
    /// and maps the stories found back to the remembered ones.
    /// </summary>
    public static StoryGrouping Regroup(
        IReadOnlyList<StoryDocument> window, IReadOnlyList<FiledDocument> filed, IReadOnlyList<StoryProfile> known, TermStatistics? earlier = null)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(filed);
        ArgumentNullException.ThrowIfNull(known);
        var knownById = new Dictionary<string, StoryProfile>(StringComparer.Ordinal);
        foreach (var story in known)
        {
            knownById.TryAdd(story.Id, story);
        }

        // Only documents of open stories are regrouped; a document listed twice counts under its first story.
        var storyOf = new Dictionary<StoryDocument, string>(ReferenceEqualityComparer.Instance);
        var earlierDocuments = new List<StoryDocument>();
        foreach (var (document, storyId) in filed)
        {
            if (knownById.ContainsKey(storyId) && storyOf.TryAdd(document, storyId))
            {
                earlierDocuments.Add(document);
            }
        }

        var regrouped = new HashSet<string>(storyOf.Values, StringComparer.Ordinal);
        // Stories none of whose documents could be read stay remembered stories, as without regrouping.
        var seeded = known.Where(s => !regrouped.Contains(s.Id)).ToList();
        var everything = new List<StoryDocument>(earlierDocuments.Count + window.Count);
        everything.AddRange(earlierDocuments);
        everything.AddRange(window.Where(d => !storyOf.ContainsKey(d)));
        // The earlier documents were counted when they arrived: their words weigh as before, and count once.
        var grouping = StoryClusterer.Group(everything, seeded, earlier?.Without(Counted(earlierDocuments)));

        var owners = Owners(grouping.Groups, storyOf, knownById);
        var taken = new HashSet<string>(knownById.Keys, StringComparer.Ordinal);
        var groups = new List<StoryGroup>();
        var changes = new List<(StoryProfile Profile, List<string> Joined, bool HasNew)>();
        var left = regrouped.ToDictionary(id => id, _ => new List<string>(), StringComparer.Ordinal);
        for (var g = 0; g < grouping.Groups.Count; g++)
        {
            var group = grouping.Groups[g];
            var owner = group.Existing ?? owners[g];
            var profile = owner is null
                ? group.Profile with { Id = Unique(group.Profile.Id, taken) }
                : group.Existing is not null
                    ? group.Profile
                    : group.Profile with { Id = owner.Id, Headline = owner.Headline, SaidSentences = owner.SaidSentences };
            var fresh = group.Documents.Where(d => !storyOf.ContainsKey(d)).ToList();
            var joined = new List<string>();
            foreach (var document in group.Documents)
            {
                if (storyOf.TryGetValue(document, out var from) && from != profile.Id)
                {
                    joined.Add(document.Id);
                    left[from].Add(document.Id);
                }
            }

            if (fresh.Count > 0)
            {
                groups.Add(new StoryGroup(owner, fresh, Articles(group.Articles, fresh), Mentioned(group.Entities, fresh), profile));
            }

            changes.Add((profile, joined, fresh.Count > 0));
        }

        var kept = new HashSet<string>(changes.Select(c => c.Profile.Id), StringComparer.Ordinal);
        var membership = new List<StoryMembershipChange>();
        foreach (var (profile, joined, hasNew) in changes)
        {
            var leaving = left.TryGetValue(profile.Id, out var l) ? l : [];
            if (joined.Count > 0 || leaving.Count > 0)
            {
                membership.Add(new StoryMembershipChange(profile, joined, leaving, Retired: false, hasNew));
            }
        }

        // A remembered story none of whose documents stayed together under its id is gone: they all belong elsewhere now.
        foreach (var id in regrouped.Where(id => !kept.Contains(id)).Order(StringComparer.Ordinal))
        {
            membership.Add(new StoryMembershipChange(knownById[id], [], left[id], Retired: true, HasNewDocuments: false));
        }

        return new StoryGrouping(groups, grouping.InverseDocumentFrequency)
        {
            Statistics = grouping.Statistics,
            Changes = membership,
        };
    }

    /// <summary>
    /// The remembered story each regrouped story continues: the one most of its earlier documents came from, each
    /// remembered story given to one regrouped story only (the one holding most of its documents).
    /// </summary>
    private static StoryProfile?[] Owners(IReadOnlyList<StoryGroup> groups, Dictionary<StoryDocument, string> storyOf, Dictionary<string, StoryProfile> known)
    {
        var claims = new List<(int Group, string Story, int Count)>();
        for (var g = 0; g < groups.Count; g++)
        {
            if (groups[g].Existing is not null)
            {
                continue;
            }

            foreach (var share in groups[g].Documents
                .Where(storyOf.ContainsKey)
                .GroupBy(d => storyOf[d], StringComparer.Ordinal))
            {
                claims.Add((g, share.Key, share.Count()));
            }
        }

        // Most documents first; then the older story, so that ties resolve the same way every time.
        claims.Sort((a, b) =>
            a.Count != b.Count ? b.Count.CompareTo(a.Count)
            : known[a.Story].FirstSeen != known[b.Story].FirstSeen ? known[a.Story].FirstSeen.CompareTo(known[b.Story].FirstSeen)
            : string.CompareOrdinal(a.Story, b.Story) != 0 ? string.CompareOrdinal(a.Story, b.Story)
            : a.Group.CompareTo(b.Group));
        var owners = new StoryProfile?[groups.Count];
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (group, story, _) in claims)
        {
            if (owners[group] is null && given.Add(story))
            {
                owners[group] = known[story];
            }
        }

        return owners;
    }

    /// <summary>The term statistics of <paramref name="documents"/> alone.</summary>
    private static TermStatistics Counted(IReadOnlyList<StoryDocument> documents)
    {
        var vocabulary = new StoryVocabulary();
        DocumentFeatures.BuildAll(documents, vocabulary);
        return vocabulary.ToStatistics();
    }

    private static string Unique(string id, HashSet<string> taken)
    {
        var candidate = id;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            candidate = id + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    /// <summary>The articles (copies grouped) with only the new documents in them.</summary>
    private static List<IReadOnlyList<StoryDocument>> Articles(IReadOnlyList<IReadOnlyList<StoryDocument>> articles, List<StoryDocument> fresh)
    {
        var isNew = new HashSet<StoryDocument>(fresh, ReferenceEqualityComparer.Instance);
        return [.. articles.Select(a => (IReadOnlyList<StoryDocument>)[.. a.Where(isNew.Contains)]).Where(a => a.Count > 0)];
    }

    /// <summary>The names the new documents mention, the most mentioned among them first (ties in the story's order).</summary>
    private static List<NamedEntity> Mentioned(IReadOnlyList<NamedEntity> entities, List<StoryDocument> fresh) =>
        [.. entities
            .Select((entity, order) => (entity, order, count: fresh.Count(d => Mentions(d, entity.Name))))
            .Where(e => e.count > 0)
            .OrderByDescending(e => e.count)
            .ThenBy(e => e.order)
            .Select(e => e.entity)];

    private static bool Mentions(StoryDocument document, string name) =>
        document.Title.Contains(name, StringComparison.OrdinalIgnoreCase)
        || document.Paragraphs.Any(p => p.Contains(name, StringComparison.OrdinalIgnoreCase));
}
