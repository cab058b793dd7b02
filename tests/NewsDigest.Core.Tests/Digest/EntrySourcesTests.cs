using NewsDigest.Digest;
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
}
