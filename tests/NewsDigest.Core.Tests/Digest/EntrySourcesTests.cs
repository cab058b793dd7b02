using NewsDigest.Digest;
using NewsDigest.Stories;
using NewsDigest.Tests.Stories;

namespace NewsDigest.Tests.Digest;

public sealed class EntrySourcesTests
{
    private const string Body = """
        Carmaker Velo announced on Thursday that it will close its factory in Turin in March, cutting 1,200 jobs.
        Velo said production would move to its plants in Spain and Poland, where costs are lower.
        """;

    [Fact]
    public void Headline_UndatedCopyFromUnknownOutlet_TitleOfTheDatedLinkedOriginal()
    {
        var copy = StoryTestDocuments.Make("copy", "Velo Factory News", Body);
        var original = StoryTestDocuments.Make(
            "original", "Velo to close Turin factory in March, cutting 1,200 jobs", Body,
            published: new DateTimeOffset(2026, 1, 14, 9, 0, 0, TimeSpan.Zero), outlet: "Torino Daily", url: "https://torino.example/velo");

        var articles = EntrySources.OrderArticles([[copy, original]]);

        Assert.Equal("Velo to close Turin factory in March, cutting 1,200 jobs", EntrySources.Headline(articles));
        var sources = EntrySources.List(articles, DateTimeOffset.MinValue);
        Assert.Equal(["original", "copy"], sources.Select(s => s.DocumentId));
        Assert.Equal("original", sources[1].CopyOf);
    }

    [Fact]
    public void Headline_GenericTitleFirst_SpecificTitleOfAnotherReport()
    {
        var generic = StoryTestDocuments.Make("a", "News", Body, published: new DateTimeOffset(2026, 1, 14, 9, 0, 0, TimeSpan.Zero), outlet: "A", url: "https://a.example/1");
        var specific = StoryTestDocuments.Make("b", "Velo closes its Turin car factory", Body, published: new DateTimeOffset(2026, 1, 14, 10, 0, 0, TimeSpan.Zero), outlet: "B", url: "https://b.example/1");

        var headline = EntrySources.Headline(EntrySources.OrderArticles([[generic], [specific]]));

        Assert.Equal("Velo closes its Turin car factory", headline);
    }

    [Fact]
    public void Shorten_LongHeadline_EllipsisAtAWordBoundaryWithinTheLimit()
    {
        var title = string.Join(' ', Enumerable.Repeat("Carmaker Velo closes factory", 10));

        var shortened = EntrySources.Shorten(title, EntrySources.HeadlineMaxChars);

        Assert.InRange(shortened.Length, 100, EntrySources.HeadlineMaxChars);
        Assert.EndsWith("\u2026", shortened, StringComparison.Ordinal);
        Assert.StartsWith(shortened[..^1], title, StringComparison.Ordinal);
        Assert.Equal(' ', title[shortened.Length - 1]);
    }

    [Fact]
    public void Shorten_SurrogatePairsAtTheLimit_NeverCutsACharacterInHalf()
    {
        var title = string.Concat(Enumerable.Repeat("\U0001F30D", 100));

        var shortened = EntrySources.Shorten(title, 21);

        Assert.True(shortened.Length <= 21);
        Assert.Equal(shortened.Length - 1, shortened[..^1].Length);
        Assert.False(char.IsHighSurrogate(shortened[^2]));
        Assert.Equal("\u2026", shortened[^1..]);
    }

    [Fact]
    public void Shorten_ShortHeadline_Unchanged()
    {
        Assert.Equal("Velo closes its factory", EntrySources.Shorten("Velo closes its factory", EntrySources.HeadlineMaxChars));
    }

    [Fact]
    public void IsOlderCoverage_RandomStories_WhatTheSourcesListSays()
    {
        var olderBefore = new DateTimeOffset(2026, 1, 10, 0, 0, 0, TimeSpan.Zero);
        var random = new Random(3);
        var (older, news) = (0, 0);
        for (var round = 0; round < 300; round++)
        {
            // Undated reports, reports before the bound, at it and after it, copies among them.
            var articles = Enumerable.Range(0, random.Next(1, 4)).Select(a => (IReadOnlyList<StoryDocument>)[.. Enumerable.Range(0, random.Next(1, 3)).Select(c =>
            {
                DateTimeOffset? published = random.Next(4) switch
                {
                    0 => null,
                    1 => olderBefore.AddHours(-random.Next(1, 100)),
                    2 => olderBefore,
                    _ => olderBefore.AddHours(random.Next(1, 100)),
                };
                return StoryTestDocuments.Make($"r{round}a{a}c{c}", "Velo closes its Turin car factory", Body, published: published, outlet: $"O{a}");
            })]).ToList();
            var facts = SourceFacts.Order(articles);
            var sources = EntrySources.List(facts, olderBefore);
            var expected = sources.Any(s => s.Published.HasValue) && sources.Where(s => s.Published.HasValue).All(s => s.IsOlderCoverage);

            Assert.Equal(expected, EntrySources.IsOlderCoverage(facts, olderBefore));
            (older, news) = expected ? (older + 1, news) : (older, news + 1);
        }

        Assert.True(older > 20 && news > 20, $"{older} older, {news} not");
    }

    [Fact]
    public void IndependentOutlets_ArticlesFromKnownAndUnknownOutlets_EachOutletOnceEachUnknownArticleOnce()
    {
        StoryDocument Report(string id, string? outlet) => StoryTestDocuments.Make(id, "Velo closes its Turin car factory", Body, outlet: outlet);

        Assert.Equal(1, EntrySources.IndependentOutlets(SourceFacts.Order([[Report("a", null)]])));
        Assert.Equal(1, EntrySources.IndependentOutlets(SourceFacts.Order([[Report("a", "Torino Daily"), Report("b", null)]])));
        Assert.Equal(1, EntrySources.IndependentOutlets(SourceFacts.Order([[Report("a", "Torino Daily")], [Report("b", "torino daily")]])));
        Assert.Equal(2, EntrySources.IndependentOutlets(SourceFacts.Order([[Report("a", null)], [Report("b", null)]])));
        Assert.Equal(3, EntrySources.IndependentOutlets(SourceFacts.Order([[Report("a", "A")], [Report("b", null)], [Report("c", "B")], [Report("d", "a")]])));
    }
}
