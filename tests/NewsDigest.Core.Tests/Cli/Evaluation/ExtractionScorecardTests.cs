using NewsDigest.Cli.Evaluation;

namespace NewsDigest.Tests.Cli.Evaluation;

public sealed class ExtractionScorecardTests
{
    private static readonly string[] AllFields = ["title", "byline", "excerpt", "siteName", "lang", "publishedTime"];

    [Fact]
    public void Score_NoBylineOnEitherSide_CountsAsMatchOverAllPages()
    {
        var scorecard = new ExtractionScorecard("test");

        scorecard.Score(Page("a", byline: null), Output(byline: null));

        Assert.Equal((1, 1), (scorecard.Field("byline").Matched, scorecard.Field("byline").Total));
        Assert.Equal(0, scorecard.Field("byline" + ExtractionScorecard.WithValueSuffix).Total);
    }

    [Fact]
    public void Score_InventedByline_IsAMissOverAllPagesOnly()
    {
        var scorecard = new ExtractionScorecard("test");

        scorecard.Score(Page("a", byline: null), Output(byline: "Staff Writer"));

        var byline = scorecard.Field("byline");
        Assert.Equal((0, 1), (byline.Matched, byline.Total));
        Assert.Equal(("a", "(none)", "Staff Writer"), byline.Missed.Single());
        Assert.Equal(0, scorecard.Field("byline" + ExtractionScorecard.WithValueSuffix).Total);
    }

    [Fact]
    public void Score_MissingOrWrongByline_IsAMissInBothTallies()
    {
        var scorecard = new ExtractionScorecard("test");

        scorecard.Score(Page("a", byline: "Ana Lopez"), Output(byline: null));
        scorecard.Score(Page("b", byline: "Ana Lopez"), Output(byline: "Ana  Lopez "));
        scorecard.Score(Page("c", byline: "Ana Lopez"), Output(byline: "By Ana Lopez"));

        foreach (var field in new[] { "byline", "byline" + ExtractionScorecard.WithValueSuffix })
        {
            Assert.Equal((1, 3), (scorecard.Field(field).Matched, scorecard.Field(field).Total));
            Assert.Equal(["a", "c"], scorecard.Field(field).Missed.Select(m => m.Page));
        }

        Assert.Equal(2, scorecard.Field("byline (lenient)").Matched);
    }

    [Fact]
    public void Score_FieldTheReferenceDoesNotRecord_IsNotScored()
    {
        var scorecard = new ExtractionScorecard("test");
        var page = Page("a", byline: null) with { RecordedFields = new HashSet<string>(["title"]) };

        scorecard.Score(page, Output(byline: "Someone", language: "en"));

        Assert.Equal(0, scorecard.Field("byline").Total);
        Assert.Equal(0, scorecard.Field("language").Total);
        Assert.Equal(1, scorecard.Field("title").Total);
    }

    [Fact]
    public void Score_PublishedTime_ScoredOnlyWhereTheReferenceHasOne()
    {
        var scorecard = new ExtractionScorecard("test");

        scorecard.Score(Page("a", published: "2024-05-01T23:00:46+0000"), Output(published: new DateTimeOffset(2024, 5, 2, 1, 0, 46, TimeSpan.FromHours(2))));
        scorecard.Score(Page("b", published: null), Output(published: DateTimeOffset.UnixEpoch));

        Assert.Equal((1, 1), (scorecard.Field("published").Matched, scorecard.Field("published").Total));
    }

    [Fact]
    public void Score_Body_AveragesPerPagePrecisionAndRecall()
    {
        var scorecard = new ExtractionScorecard("test");

        scorecard.Score(Page("a", text: "one two three four five"), Output(text: "one two three four five"));
        scorecard.Score(Page("b", text: "one two three four five"), Output(text: "one two three four five six seven"));

        // Page b: 2 of its 4 shingles are right, and it has both reference shingles.
        Assert.Equal(0.75, scorecard.Precision, 6);
        Assert.Equal(1.0, scorecard.Recall, 6);
        Assert.Equal(2 * 0.75 / 1.75, scorecard.F1, 6);
    }

    private static CorpusPage Page(string name, string? byline = "Ana Lopez", string? published = null, string text = "one two three four") =>
        new(name, "<html></html>", 13, text, "A title", byline, "An excerpt", null, published, "en", new HashSet<string>(AllFields));

    private static ExtractorOutput Output(string? byline = "Ana Lopez", string? language = "en", DateTimeOffset? published = null, string text = "one two three four") =>
        new(text, text, "A title", byline, "An excerpt", null, published, language);
}
