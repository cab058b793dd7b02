using NewsDigest.Stories;

namespace NewsDigest.Digest;

/// <summary>The period and date one digest is for.</summary>
internal sealed record DigestWindow(DateOnly LocalDate, string TimeZone, DateTimeOffset ComposedAt, DateTimeOffset Start, DateTimeOffset End);

/// <summary>A composed digest and what the story store should remember once it is delivered.</summary>
internal sealed record DigestEdition(DigestContent Content, IReadOnlyList<StoryUpdate> StoryUpdates);

/// <summary>A story after a digest: its new profile and the documents it gained.</summary>
internal sealed record StoryUpdate(StoryProfile Profile, IReadOnlyList<string> DocumentIds);

/// <summary>
/// Turns the window's documents into digest entries: groups them into stories, summarises what is new in each,
/// marks old articles as older coverage and ranks the entries. No storage; the composer and the benchmark share it.
/// </summary>
internal static class DigestEditor
{
    private const int SaidSentencesKept = 40;
    private const int DocumentsSummarised = 12;
    private const int NamesPerKind = 6;
    private const string UnknownOutlet = "Unknown outlet";

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

    /// <summary>Composes the digest of stories already grouped (<paramref name="documentCount"/> documents in all).</summary>
    public static DigestEdition Compose(
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
        var ranked = new List<(DigestEntry Entry, double Score, DateTimeOffset Newest)>();
        var updates = new List<StoryUpdate>();
        foreach (var group in grouping.Groups)
        {
            // Distinct articles first (one copy each), so the summary draws on every outlet before repeats.
            var ordered = group.Articles
                .Select(a => a.OrderByDescending(d => d.Published.HasValue).ThenByDescending(d => d.Paragraphs.Sum(p => p.Length)).ToList())
                .OrderByDescending(a => a.Count)
                .ThenByDescending(a => a[0].EventTime)
                .ToList();
            var summarised = ordered.Select(a => a[0]).Concat(ordered.SelectMany(a => a.Skip(1))).Take(DocumentsSummarised).ToList();
            var said = group.Existing?.SaidSentences ?? [];
            var summary = ExtractiveSummarizer.Summarize(summarised, said, grouping.InverseDocumentFrequency);
            var lead = summarised[0];
            var headline = TextTokens.Squash(lead.Title);

            var sources = group.Documents
                .OrderBy(d => d.Published ?? d.IngestedAt)
                .ThenBy(d => d.Id, StringComparer.Ordinal)
                .Select(d => new DigestSource(
                    d.Id,
                    Outlet(d),
                    TextTokens.Squash(d.Title),
                    d.Published,
                    SafeLinks.HttpUrlOrNull(d.Url),
                    d.Published is { } published && published < olderBefore))
                .ToList();
            var dated = sources.Where(s => s.Published.HasValue).ToList();
            var isOlder = dated.Count > 0 && dated.All(s => s.IsOlderCoverage);
            var independent = group.Articles
                .Select(a => a.Select(Outlet).FirstOrDefault(o => o != UnknownOutlet))
                .Select((outlet, i) => outlet ?? "#" + i)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Count();

            var entry = new DigestEntry(
                group.Profile.Id,
                headline,
                group.Existing is not null,
                isOlder,
                summary,
                sources,
                Names(group, EntityKind.Person),
                Names(group, EntityKind.Organisation),
                Names(group, EntityKind.Place),
                independent);

            var newest = group.Documents.Max(d => d.Published ?? d.IngestedAt);
            ranked.Add((entry, Score(group, entry, window), newest));
            updates.Add(new StoryUpdate(
                group.Profile with
                {
                    Headline = headline,
                    SaidSentences = [.. said.Concat(summary).TakeLast(SaidSentencesKept)],
                },
                [.. group.Documents.Select(d => d.Id)]));
        }

        // News first, older coverage after it; within each, by score.
        var entries = ranked
            .OrderBy(r => r.Entry.IsOlderCoverage)
            .ThenByDescending(r => r.Score)
            .ThenByDescending(r => r.Newest)
            .ThenBy(r => r.Entry.Headline, StringComparer.Ordinal)
            .Take(options.MaxStories)
            .Select(r => r.Entry)
            .ToList();
        var content = new DigestContent(
            window.LocalDate,
            window.TimeZone,
            window.ComposedAt,
            window.Start,
            window.End,
            documentCount,
            entries,
            fullDigestUrl);
        return new DigestEdition(content, updates);
    }

    /// <summary>Independent sources count most, then how new the story is to readers, then how recent its documents are.</summary>
    private static double Score(StoryGroup group, DigestEntry entry, DigestWindow window)
    {
        var novelty = group.Existing is null ? 1.0 : 0.6;
        var dated = group.Documents.Where(d => d.Published.HasValue).ToList();
        double recency;
        if (entry.IsOlderCoverage)
        {
            recency = 0;
        }
        else if (dated.Count == 0)
        {
            // Undated documents could be from any time: neither fresh nor stale.
            recency = 0.5;
        }
        else
        {
            var age = window.End - dated.Max(d => d.Published!.Value);
            recency = Math.Exp(-Math.Max(0, age.TotalHours) / 36.0);
        }

        return entry.IndependentSources + (0.8 * novelty) + recency + (0.1 * Math.Log(group.Documents.Count));
    }

    private static IReadOnlyList<string> Names(StoryGroup group, EntityKind kind) =>
        [.. group.Entities.Where(e => e.Kind == kind).Select(e => e.Name).Take(NamesPerKind)];

    internal static string Outlet(StoryDocument document)
    {
        var name = document.Source.Name;
        if (!string.IsNullOrWhiteSpace(name))
        {
            return TextTokens.Squash(name);
        }

        var host = document.Source.Host;
        if (string.IsNullOrWhiteSpace(host) && SafeLinks.HttpUrlOrNull(document.Url) is { } url)
        {
            host = new Uri(url).Host;
        }

        if (string.IsNullOrWhiteSpace(host))
        {
            return UnknownOutlet;
        }

        return host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : host;
    }
}
