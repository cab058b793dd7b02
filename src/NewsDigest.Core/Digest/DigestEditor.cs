using NewsDigest.Stories;

namespace NewsDigest.Digest;

/// <summary>The period and date one digest is for.</summary>
internal sealed record DigestWindow(DateOnly LocalDate, string TimeZone, DateTimeOffset ComposedAt, DateTimeOffset Start, DateTimeOffset End);

/// <summary>A composed digest and what the story store should remember once it is delivered.</summary>
internal sealed record DigestEdition(DigestContent Content, IReadOnlyList<StoryUpdate> StoryUpdates);

/// <summary>A story after a digest: its new profile and the documents it gained.</summary>
internal sealed record StoryUpdate(StoryProfile Profile, IReadOnlyList<string> DocumentIds)
{
    /// <summary>Documents filed under it before that a regrouping moved to another story.</summary>
    public IReadOnlyList<string> Left { get; init; } = [];

    /// <summary>Whether the story is gone: a regrouping moved all its documents to other stories.</summary>
    public bool Retired { get; init; }
}

/// <summary>
/// Turns the window's documents into digest entries: groups them into stories, summarises what is new in each,
/// marks old articles as older coverage and ranks the entries. No storage; the composer and the benchmark share it.
/// </summary>
internal static class DigestEditor
{
    private const int SaidSentencesKept = 40;
    /// <summary>Documents a summary reads, however many the story has: the lead reports say what happened.</summary>
    public const int DocumentsSummarised = 12;
    private const int NamesPerKind = 6;

    /// <summary>For documents grouped with their text: none is read again.</summary>
    private static readonly IReadOnlyDictionary<string, StoryDocument> NoTexts = new Dictionary<string, StoryDocument>();

    public static DigestEdition Compose(
        IReadOnlyList<StoryDocument> documents,
        IReadOnlyList<StoryProfile> knownStories,
        DigestWindow window,
        DigestOptions options,
        Uri? fullDigestUrl)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(options);
        return Compose(StoryClusterer.Group(documents, knownStories), documents.Count, window, options, fullDigestUrl);
    }

    /// <summary>Composes the digest of stories already grouped (<paramref name="documentCount"/> documents in all), their documents' text at hand.</summary>
    public static DigestEdition Compose(
        StoryGrouping grouping,
        int documentCount,
        DigestWindow window,
        DigestOptions options,
        Uri? fullDigestUrl) =>
        Draft(grouping, documentCount, window, options, fullDigestUrl).Finish(NoTexts);

    /// <summary>
    /// The digest's entries ranked and listed, before they are summarised: what a window grouped without its text
    /// (<see cref="StoryWindow"/>) needs read again is <see cref="DigestDraft.Unread"/>, a few documents per listed story.
    /// </summary>
    public static DigestDraft Draft(
        StoryGrouping grouping,
        int documentCount,
        DigestWindow window,
        DigestOptions options,
        Uri? fullDigestUrl)
    {
        ArgumentNullException.ThrowIfNull(grouping);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(options);
        var olderBefore = window.Start - options.OlderCoverageAfter;
        var groups = grouping.Groups;
        var articles = OrderAll(groups);
        // Every story is ranked, and remembers its headline; only the stories listed get an entry, with their sources
        // and names (at 100,000 documents, 30 entries instead of over 30,000 that would be dropped).
        var ranked = new (int Group, bool OlderCoverage, int Outlets, double Score, DateTimeOffset Newest)[groups.Count];
        var headlines = new string[groups.Count];
        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            headlines[g] = EntrySources.Headline(articles[g]);
            var olderCoverage = EntrySources.IsOlderCoverage(articles[g], olderBefore);
            var outlets = EntrySources.IndependentOutlets(articles[g]);
            var (newest, newestPublished) = Newest(group.Documents);
            ranked[g] = (g, olderCoverage, outlets, Score(group, olderCoverage, outlets, window, newestPublished), newest);
        }

        // News first, older coverage after it; within each, by score. The rank does not depend on the summaries.
        var listed = ranked
            .OrderBy(r => r.OlderCoverage)
            .ThenByDescending(r => r.Score)
            .ThenByDescending(r => r.Newest)
            .ThenBy(r => headlines[r.Group], StringComparer.Ordinal)
            .Take(options.MaxStories)
            .Select(r => (r.Group, Entry(groups[r.Group], articles[r.Group], headlines[r.Group], r.OlderCoverage, r.Outlets, olderBefore)))
            .ToList();
        var content = new DigestContent(
            window.LocalDate,
            window.TimeZone,
            window.ComposedAt,
            window.Start,
            window.End,
            documentCount,
            [],
            fullDigestUrl)
        {
            // Stories past the cap still count (their documents are filed with this digest): every rendering says how many.
            OmittedEntries = ranked.Length - listed.Count,
        };
        return new DigestDraft(grouping, articles, headlines, listed, content);
    }

    /// <summary>
    /// Summarises the listed stories and completes the digest: the summaries of the stories <paramref name="listed"/>
    /// (indexes into the groups, with their entries), each story's update, and the content with its entries.
    /// </summary>
    /// <param name="texts">Documents with their text, by id, for those of the grouping that were kept without it.</param>
    internal static DigestEdition Finish(
        StoryGrouping grouping,
        List<List<SourceFacts>>[] articles,
        string[] headlines,
        IReadOnlyList<(int Group, DigestEntry Entry)> listed,
        DigestContent content,
        IReadOnlyDictionary<string, StoryDocument> texts)
    {
        var groups = grouping.Groups;
        // Only the stories the digest lists are summarised: one past the cap is shown nowhere, so nothing of it is
        // said, and its sentences are still to be told when a later digest lists it.
        var summaries = SummarizeAll(grouping, [.. listed.Select(r => r.Group)], articles, texts);
        var entries = listed.Select(r => r.Entry with { Summary = summaries[r.Group]! }).ToList();
        var updates = new List<StoryUpdate>(groups.Count);
        for (var g = 0; g < groups.Count; g++)
        {
            var said = groups[g].Existing?.SaidSentences ?? [];
            updates.Add(new StoryUpdate(
                groups[g].Profile with { Headline = headlines[g], SaidSentences = summaries[g] is { } summary ? Said(said, summary) : said },
                Ids(groups[g].Documents)));
        }

        return new DigestEdition(content with { Entries = entries }, updates);
    }

    /// <summary>The articles of every story in the order they speak for it, in parallel, each in its own slot.</summary>
    private static List<List<SourceFacts>>[] OrderAll(IReadOnlyList<StoryGroup> groups)
    {
        var ordered = new List<List<SourceFacts>>[groups.Count];
        Parallel.For(0, groups.Count, g => ordered[g] = SourceFacts.Order(groups[g].Articles));
        return ordered;
    }

    /// <summary>
    /// The summaries of the stories <paramref name="listed"/> (indexes into the groups; null for the others). Each core
    /// reads every n-th of them with a workspace of its own (a workspace reads each word into a term once, and reuses
    /// its buffers); a summary depends on its story alone, so the split changes none of them.
    /// </summary>
    private static IReadOnlyList<SummarySentence>?[] SummarizeAll(
        StoryGrouping grouping, int[] listed, List<List<SourceFacts>>[] articles, IReadOnlyDictionary<string, StoryDocument> texts)
    {
        var groups = grouping.Groups;
        var summaries = new IReadOnlyList<SummarySentence>?[groups.Count];
        // Large stories come first in the ranking: interleaving shares them out.
        var workers = Math.Max(1, Math.Min(Environment.ProcessorCount, listed.Length / 4));
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
        {
            var workspace = new SummaryWorkspace(grouping.InverseDocumentFrequency);
            for (var i = w; i < listed.Length; i += workers)
            {
                var g = listed[i];
                summaries[g] = SummaryOf(articles[g], groups[g].Existing?.SaidSentences ?? [], workspace, texts);
            }
        });

        return summaries;
    }

    /// <summary>
    /// The summary and headline of one story from its articles (each a list of copies): the articles in the order
    /// they speak for the story (most authoritative original first), the sentences, and the headline.
    /// </summary>
    public static (List<List<SourceFacts>> Articles, IReadOnlyList<SummarySentence> Summary, string Headline) Summarize(
        IReadOnlyList<IReadOnlyList<StoryDocument>> articles,
        IReadOnlyList<string> said,
        Func<string, double> inverseDocumentFrequency)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var ordered = SourceFacts.Order(articles);
        return (ordered, SummaryOf(ordered, said, new SummaryWorkspace(inverseDocumentFrequency), NoTexts), EntrySources.Headline(ordered));
    }

    /// <summary>
    /// The summary of a story whose articles are in the order they speak for it, read with <paramref name="workspace"/>;
    /// a document kept without its text is read from <paramref name="texts"/> (one gone since says nothing).
    /// </summary>
    private static IReadOnlyList<SummarySentence> SummaryOf(
        List<List<SourceFacts>> orderedArticles, IReadOnlyList<string> said, SummaryWorkspace workspace, IReadOnlyDictionary<string, StoryDocument> texts)
    {
        var documents = SummarisedDocuments(orderedArticles);
        for (var d = 0; d < documents.Count; d++)
        {
            if (!documents[d].HasText && texts.TryGetValue(documents[d].Id, out var withText))
            {
                documents[d] = withText;
            }
        }

        return ExtractiveSummarizer.Summarize(documents, said, workspace);
    }

    /// <summary>
    /// The documents a summary reads, at most <see cref="DocumentsSummarised"/> however large the story: one copy of
    /// each article before any repeat, so the summary draws on every outlet before copies.
    /// </summary>
    public static List<StoryDocument> SummarisedDocuments(List<List<SourceFacts>> orderedArticles)
    {
        var summarised = new List<StoryDocument>(DocumentsSummarised);
        foreach (var article in orderedArticles)
        {
            if (summarised.Count == DocumentsSummarised)
            {
                return summarised;
            }

            summarised.Add(article[0].Document);
        }

        foreach (var article in orderedArticles)
        {
            for (var i = 1; i < article.Count; i++)
            {
                if (summarised.Count == DocumentsSummarised)
                {
                    return summarised;
                }

                summarised.Add(article[i].Document);
            }
        }

        return summarised;
    }

    /// <summary>The entry of a listed story, without its summary: its headline, sources and names.</summary>
    private static DigestEntry Entry(
        StoryGroup group, List<List<SourceFacts>> articles, string headline, bool olderCoverage, int outlets, DateTimeOffset olderBefore) =>
        new(
            group.Profile.Id,
            headline,
            group.Existing is not null,
            olderCoverage,
            [],
            EntrySources.List(articles, olderBefore),
            EntryNames.Of(group.Entities, EntityKind.Person, NamesPerKind),
            EntryNames.Of(group.Entities, EntityKind.Organisation, NamesPerKind),
            EntryNames.Of(group.Entities, EntityKind.Place, NamesPerKind),
            outlets);

    /// <summary>The newest time among the documents (publication, else ingestion), and the newest publication, if any is dated.</summary>
    private static (DateTimeOffset Newest, DateTimeOffset? NewestPublished) Newest(IReadOnlyList<StoryDocument> documents)
    {
        var newest = DateTimeOffset.MinValue;
        DateTimeOffset? newestPublished = null;
        foreach (var document in documents)
        {
            var time = document.Published ?? document.IngestedAt;
            newest = time > newest ? time : newest;
            if (document.Published is { } published && (newestPublished is null || published > newestPublished))
            {
                newestPublished = published;
            }
        }

        return (newest, newestPublished);
    }

    /// <summary>What the story remembers as said: the latest <see cref="SaidSentencesKept"/> of the earlier ones and this summary.</summary>
    private static string[] Said(IReadOnlyList<string> said, IReadOnlyList<SummarySentence> summary)
    {
        var total = said.Count + summary.Count;
        var kept = new string[Math.Min(total, SaidSentencesKept)];
        for (var i = total - kept.Length; i < total; i++)
        {
            kept[i - (total - kept.Length)] = i < said.Count ? said[i] : summary[i - said.Count].Text;
        }

        return kept;
    }

    private static string[] Ids(IReadOnlyList<StoryDocument> documents)
    {
        var ids = new string[documents.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = documents[i].Id;
        }

        return ids;
    }

    /// <summary>Independent sources count most, then how new the story is to readers, then how recent its documents are.</summary>
    private static double Score(StoryGroup group, bool olderCoverage, int independentSources, DigestWindow window, DateTimeOffset? newestPublished)
    {
        var novelty = group.Existing is null ? 1.0 : 0.6;
        double recency;
        if (olderCoverage)
        {
            recency = 0;
        }
        else if (newestPublished is null)
        {
            // Undated documents could be from any time: neither fresh nor stale.
            recency = 0.5;
        }
        else
        {
            var age = window.End - newestPublished.Value;
            recency = Math.Exp(-Math.Max(0, age.TotalHours) / 36.0);
        }

        return independentSources + (0.8 * novelty) + recency + (0.1 * Math.Log(group.Documents.Count));
    }
}
