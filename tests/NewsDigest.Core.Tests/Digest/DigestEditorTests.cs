using NewsDigest.Digest;
using NewsDigest.Stories;
using NewsDigest.Tests.Stories;

namespace NewsDigest.Tests.Digest;

public sealed class DigestEditorTests
{
    internal static readonly DigestWindow Window = new(
        new DateOnly(2026, 1, 15), "Europe/London", StoryTestDocuments.IngestedAt.AddMinutes(30),
        StoryTestDocuments.IngestedAt.AddDays(-1), StoryTestDocuments.IngestedAt.AddMinutes(30));

    [Fact]
    public void Compose_FiveSeeds_ThreeEntriesAttributingEveryDocument()
    {
        var seeds = StoryTestDocuments.Seeds();

        var edition = DigestEditor.Compose([.. seeds.Values], [], Window, new DigestOptions(), null);

        var content = edition.Content;
        Assert.Equal(5, content.DocumentCount);
        Assert.Equal(3, content.Entries.Count);
        Assert.Equal(
            seeds.Values.Select(d => d.Id).Order(StringComparer.Ordinal),
            content.Entries.SelectMany(e => e.Sources).Select(s => s.DocumentId).Order(StringComparer.Ordinal));
        Assert.All(content.Entries, e => Assert.InRange(e.Summary.Count, 2, 4));
    }

    [Fact]
    public void Compose_FiveSeeds_UndatedNewsFirstAndOldArticlesMarkedOlderCoverage()
    {
        var seeds = StoryTestDocuments.Seeds();

        var entries = DigestEditor.Compose([.. seeds.Values], [], Window, new DigestOptions(), null).Content.Entries;

        var korea = entries[0];
        Assert.Equal([seeds["002"].Id], korea.Sources.Select(s => s.DocumentId));
        Assert.False(korea.IsOlderCoverage);
        var meeting = entries.Single(e => e.Sources.Any(s => s.DocumentId == seeds["003"].Id));
        Assert.True(meeting.IsOlderCoverage);
        Assert.Equal(2, meeting.IndependentSources);
        Assert.True(meeting.Sources.Single(s => s.DocumentId == seeds["003"].Id).IsOlderCoverage);
        Assert.Equal(1, entries.Single(e => e.Sources.Any(s => s.DocumentId == seeds["000"].Id)).IndependentSources);
        // Among older coverage, two independent reports rank above one article in two copies.
        Assert.Same(meeting, entries[1]);
    }

    [Fact]
    public void Compose_FiveSeeds_NamesPeopleOrganisationsAndPlaces()
    {
        var seeds = StoryTestDocuments.Seeds();

        var entries = DigestEditor.Compose([.. seeds.Values], [], Window, new DigestOptions(), null).Content.Entries;

        var meeting = entries.Single(e => e.Sources.Any(s => s.DocumentId == seeds["003"].Id));
        Assert.Contains("Shin Won-sik", meeting.People);
        Assert.Contains("AUKUS", meeting.Organisations);
        Assert.Contains("Melbourne", meeting.Places);
        var copies = entries.Single(e => e.Sources.Any(s => s.DocumentId == seeds["000"].Id));
        Assert.Contains("Kim Tae-hyo", copies.People);
    }

    [Fact]
    public void Compose_UpdateToAStory_LeavesOutWhatTheLastDigestSaid()
    {
        var seeds = StoryTestDocuments.Seeds();
        var first = DigestEditor.Compose([seeds["000"]], [], Window, new DigestOptions(), null);
        var remembered = first.StoryUpdates.Single().Profile;
        var laterWindow = Window with { Start = Window.End, End = Window.End.AddDays(1), LocalDate = Window.LocalDate.AddDays(1) };

        var second = DigestEditor.Compose([seeds["001"] with { IngestedAt = Window.End.AddHours(2) }], [remembered], laterWindow, new DigestOptions(), null);

        var entry = Assert.Single(second.Content.Entries);
        Assert.True(entry.IsUpdate);
        Assert.Equal(remembered.Id, entry.StoryId);
        Assert.Empty(entry.Summary.Select(s => s.Text).Intersect(first.Content.Entries.Single().Summary.Select(s => s.Text)));
    }

    [Fact]
    public void Compose_MoreStoriesThanTheCap_ListsTheBestAndCountsTheRest()
    {
        var seeds = StoryTestDocuments.Seeds();

        var edition = DigestEditor.Compose([.. seeds.Values], [], Window, new DigestOptions { MaxStories = 2 }, null);
        var rendered = new DigestRenderer(Microsoft.Extensions.Options.Options.Create(new DigestOptions())).Render(edition.Content);

        Assert.Equal(2, edition.Content.Entries.Count);
        Assert.Equal(1, edition.Content.OmittedEntries);
        Assert.Equal(3, edition.StoryUpdates.Count);
        Assert.Contains("3 stories from 5 documents", rendered.Text, StringComparison.Ordinal);
        Assert.Contains("1 more story is not listed here.", rendered.Text, StringComparison.Ordinal);
        Assert.Contains("1 more story is not listed here.", rendered.Markdown, StringComparison.Ordinal);
        Assert.Contains("\"omittedStoryCount\": 1", rendered.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_StoryPastTheCap_RemembersNothingOfItAsSaid()
    {
        var seeds = StoryTestDocuments.Seeds();

        var edition = DigestEditor.Compose([.. seeds.Values], [], Window, new DigestOptions { MaxStories = 2 }, null);

        // A story the digest lists remembers its summary as said; the one past the cap was shown nowhere, so its
        // sentences are still to be told when a later digest lists it.
        foreach (var entry in edition.Content.Entries)
        {
            var update = Assert.Single(edition.StoryUpdates, u => u.Profile.Id == entry.StoryId);
            Assert.NotEmpty(entry.Summary);
            Assert.Equal(entry.Summary.Select(s => s.Text), update.Profile.SaidSentences);
        }

        var unlisted = Assert.Single(edition.StoryUpdates, u => edition.Content.Entries.All(e => e.StoryId != u.Profile.Id));
        Assert.Empty(unlisted.Profile.SaidSentences);
        Assert.NotEmpty(unlisted.DocumentIds);
    }

    [Fact]
    public void Compose_StoriesSummarisedOnSeveralThreads_SameSummariesAsFewerOnOne()
    {
        var documents = DistinctStories(14);

        // Three listed stories are read on one thread; a dozen are shared out between the cores.
        var few = DigestEditor.Compose(documents, [], Window, new DigestOptions { MaxStories = 3 }, null);
        var many = DigestEditor.Compose(documents, [], Window, new DigestOptions { MaxStories = 12 }, null);

        Assert.Equal(3, few.Content.Entries.Count);
        Assert.Equal(12, many.Content.Entries.Count);
        for (var i = 0; i < few.Content.Entries.Count; i++)
        {
            Assert.Equal(few.Content.Entries[i].StoryId, many.Content.Entries[i].StoryId);
            Assert.Equal(few.Content.Entries[i].Summary, many.Content.Entries[i].Summary);
        }

        Assert.All(many.Content.Entries, e => Assert.NotEmpty(e.Summary));
    }

    [Fact]
    public void Draft_StoriesGroupedWithoutText_SummariesFromTheListedDocumentsReadAgain()
    {
        var documents = DistinctStories(14);
        var options = new DigestOptions { MaxStories = 5 };
        var whole = DigestEditor.Compose(documents, [], Window, options, null);
        var window = new StoryWindow(earlier: null);
        window.Add(documents, keepText: false);
        var grouping = window.Group([]);

        var draft = DigestEditor.Draft(grouping, window.Count, Window, options, null);
        var byId = documents.ToDictionary(d => d.Id);
        var edition = draft.Finish(draft.Unread.ToDictionary(id => id, id => byId[id]));
        var unread = new HashSet<string>(draft.Unread);

        // Two reports of each of the five listed stories are read again, and none of the nine stories left out.
        Assert.Equal(10, draft.Unread.Count);
        Assert.All(edition.Content.Entries, e => Assert.Equal(2, e.Sources.Count(s => unread.Contains(s.DocumentId))));
        Assert.Equal(
            whole.Content.Entries.Select(e => (e.StoryId, e.Headline, Summary: string.Join(' ', e.Summary.Select(s => s.Text)))),
            edition.Content.Entries.Select(e => (e.StoryId, e.Headline, Summary: string.Join(' ', e.Summary.Select(s => s.Text)))));
        Assert.All(edition.Content.Entries, e => Assert.NotEmpty(e.Summary));
        Assert.Equal(whole.Content.DocumentCount, edition.Content.DocumentCount);
        Assert.Equal(whole.Content.OmittedEntries, edition.Content.OmittedEntries);
        Assert.Equal(whole.StoryUpdates.Select(u => u.Profile.SaidSentences.Count), edition.StoryUpdates.Select(u => u.Profile.SaidSentences.Count));
    }

    [Fact]
    public void Finish_TextsNotFound_ListsTheStoriesWithNothingToSay()
    {
        var window = new StoryWindow(earlier: null);
        window.Add(DistinctStories(3), keepText: false);

        var edition = DigestEditor.Draft(window.Group([]), window.Count, Window, new DigestOptions(), null).Finish(new Dictionary<string, StoryDocument>());

        Assert.Equal(3, edition.Content.Entries.Count);
        Assert.All(edition.Content.Entries, e => Assert.Empty(e.Summary));
        Assert.All(edition.Content.Entries, e => Assert.False(string.IsNullOrEmpty(e.Headline)));
    }

    [Fact]
    public void Compose_NoDocuments_EmptyDigest()
    {
        var edition = DigestEditor.Compose([], [], Window, new DigestOptions(), null);

        Assert.Empty(edition.Content.Entries);
        Assert.Equal(0, edition.Content.DocumentCount);
    }

    /// <summary>Two reports each of <paramref name="count"/> stories that share no name, place or subject.</summary>
    private static List<StoryDocument> DistinctStories(int count)
    {
        string[] subjects = ["bridge", "harbour", "library", "stadium", "hospital", "railway", "museum", "airport", "reservoir", "school", "market", "tunnel", "theatre", "courthouse", "power plant", "ferry"];
        string[] towns = ["Ardmore", "Belcourt", "Carvale", "Dunmere", "Eastwick", "Fallow", "Glenrock", "Hartley", "Ivybridge", "Jarrow", "Kilbride", "Lowther", "Marston", "Norcott", "Oakham", "Penrith"];
        var documents = new List<StoryDocument>();
        for (var story = 0; story < count; story++)
        {
            var (subject, town) = (subjects[story], towns[story]);
            var person = $"{town[..3]}son";
            for (var report = 0; report < 2; report++)
            {
                var body = string.Join("\n",
                    $"The {subject} in {town} closed on Tuesday after inspectors found damage, mayor Dana {person} said.",
                    $"{person} said repairs to the {town} {subject} would take {3 + story} weeks and cost {2 + report} million pounds.",
                    $"Residents of {town} were told to expect delays while the {subject} stays shut.");
                documents.Add(StoryTestDocuments.Make(
                    $"story-{story}-report-{report}",
                    $"{town} {subject} closed after inspection",
                    body,
                    StoryTestDocuments.IngestedAt.AddHours(-story - report),
                    report == 0 ? "Daily Courier" : "Evening Post",
                    $"https://news{report}.example/{story}"));
            }
        }

        return documents;
    }
}
