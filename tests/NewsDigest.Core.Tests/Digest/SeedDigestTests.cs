using Microsoft.Extensions.Options;
using NewsDigest.Digest;
using NewsDigest.Tests.Stories;

namespace NewsDigest.Tests.Digest;

/// <summary>The digest of the five seeds, end to end from the real normalizer to the rendered text.</summary>
public sealed class SeedDigestTests
{
    private static readonly DigestWindow Window = DigestEditorTests.Window;

    private static (IReadOnlyDictionary<string, NewsDigest.Stories.StoryDocument> Seeds, IReadOnlyList<DigestEntry> Entries) Compose()
    {
        var seeds = StoryTestDocuments.Seeds();
        var entries = DigestEditor.Compose([.. seeds.Values], [], Window, new DigestOptions(), null).Content.Entries;
        return (seeds, entries);
    }

    private static DigestEntry EntryOf(IReadOnlyList<DigestEntry> entries, NewsDigest.Stories.StoryDocument document) =>
        entries.Single(e => e.Sources.Any(s => s.DocumentId == document.Id));

    [Fact]
    public void Compose_Seeds_EachEntryOpensWithTheDevelopment()
    {
        var (seeds, entries) = Compose();

        Assert.StartsWith("In May, Defense Minister Shin Won-sik said the possibility of joining the AUKUS Pillar 2 was discussed", EntryOf(entries, seeds["002"]).Summary[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("South Korea \u201cwelcomes\u201d the AUKUS members\u2019 consideration of Seoul", EntryOf(entries, seeds["003"]).Summary[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("South Korea was asked to join as a \u201ccooperating partner\u201d to the AUKUS Pillar II", EntryOf(entries, seeds["000"]).Summary[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_Seeds_NoBackgroundAndNoSentenceWithoutItsAntecedent()
    {
        var (_, entries) = Compose();

        var sentences = entries.SelectMany(e => e.Summary).Select(s => s.Text).ToList();
        Assert.DoesNotContain(sentences, s => s.Contains("an acronym for", StringComparison.Ordinal));
        Assert.DoesNotContain(sentences, s => s.StartsWith("Pillar 2 of the AUKUS aims", StringComparison.Ordinal));
        Assert.DoesNotContain(sentences, s => s.StartsWith("Some of the topics", StringComparison.Ordinal) || s.StartsWith("In particular", StringComparison.Ordinal));
    }

    [Fact]
    public void Compose_Seeds_HeadlineOfTheMeetingComesFromTheDatedLinkedOriginal()
    {
        var (seeds, entries) = Compose();

        var meeting = EntryOf(entries, seeds["003"]);
        Assert.Equal(NewsDigest.Stories.TextTokens.Squash(seeds["003"].Title), meeting.Headline);
        Assert.Equal("South Korea being considered as potential member of AUKUS second pillar", meeting.Headline);
    }

    [Fact]
    public void Compose_Seeds_EverySentenceNamesOneOfItsEntrysSources()
    {
        var (seeds, entries) = Compose();

        foreach (var entry in entries)
        {
            foreach (var sentence in entry.Summary)
            {
                Assert.Contains(sentence.DocumentId, entry.Sources.Select(s => s.DocumentId));
                var document = seeds.Values.Single(d => d.Id == sentence.DocumentId);
                Assert.Contains(sentence.Text, NewsDigest.Stories.TextTokens.Squash(string.Join(" ", document.Paragraphs)), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Compose_Seeds_CopyIsMarkedAsTheSameArticle()
    {
        var (seeds, entries) = Compose();

        var copies = EntryOf(entries, seeds["000"]);
        Assert.Equal(seeds["000"].Id, copies.Sources[0].DocumentId);
        Assert.Null(copies.Sources[0].CopyOf);
        Assert.Equal(seeds["000"].Id, copies.Sources.Single(s => s.DocumentId == seeds["001"].Id).CopyOf);
        Assert.Equal("Sources (1 outlet, 1 copy)", DigestWording.SourcesHeading(copies));
        Assert.Null(EntryOf(entries, seeds["004"]).Sources.Single(s => s.DocumentId == seeds["004"].Id).CopyOf);
    }

    [Fact]
    public void Compose_Seeds_NamesAreWholeMergedAndNotCommonWords()
    {
        var (seeds, entries) = Compose();

        var meeting = EntryOf(entries, seeds["003"]);
        Assert.DoesNotContain("AI", meeting.Organisations);
        Assert.Contains("Hanwha Group", meeting.Organisations);
        Assert.DoesNotContain("Hanwha", meeting.Organisations);
        var pillar = EntryOf(entries, seeds["002"]);
        Assert.Contains("Center for Security and Strategy", pillar.Organisations);
        Assert.DoesNotContain("Center for Security", pillar.Organisations);
        Assert.Contains("Korea Institute for Defense Analyses", pillar.Organisations);
    }

    [Fact]
    public void Render_Seeds_TextShowsReferencesAndTheZoneOnce()
    {
        var (_, entries) = Compose();
        var content = new DigestContent(Window.LocalDate, Window.TimeZone, Window.ComposedAt, Window.Start, Window.End, 5, entries, null);

        var text = new DigestRenderer(Options.Create(new DigestOptions())).Render(content).Text;

        TestContext.Current.TestOutputHelper?.WriteLine(text);
        Assert.Contains("same article as [1]", text, StringComparison.Ordinal);
        Assert.Contains("published 2024-05-02", text, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "Europe/London"));
    }
}
