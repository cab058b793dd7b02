using NewsDigest.Cli.Evaluation;
using NewsDigest.Stories;
using NewsDigest.Tests.Stories;

namespace NewsDigest.Tests.Cli.Evaluation;

public sealed class SummaryEvaluationTests
{
    private static List<HashSet<string>> Marked(params string[] sentences) =>
        [.. sentences.Select(s => new HashSet<string>(TextTokens.Words(s), StringComparer.Ordinal))];

    [Fact]
    public void IsMarked_SameSentenceWithOtherSpacing_Counts()
    {
        var marked = Marked("Tara Reid has entered a rehab program , the American Pie star 's rep confirmed .");

        Assert.True(SummaryEvaluation.IsMarked("Tara Reid has entered a rehab program, the American Pie star's rep confirmed.", marked));
    }

    [Fact]
    public void IsMarked_OtherSentenceOfTheSameArticle_DoesNotCount()
    {
        var marked = Marked("Tara Reid has entered a rehab program, the American Pie star's rep confirmed.");

        Assert.False(SummaryEvaluation.IsMarked("A friend of the actress said her family supported her decision to seek help.", marked));
        Assert.False(SummaryEvaluation.IsMarked("Tara Reid has entered a rehab program.", Marked("Reid")));
    }

    [Fact]
    public void Lead_TwoArticles_FirstSentencesOfTheEarliestThenTheNext()
    {
        var later = StoryTestDocuments.Make("later", "Later", "The later report opens with this sentence about the event.\nIts second sentence adds a detail about the event.", published: new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero));
        var earlier = StoryTestDocuments.Make("earlier", "Earlier", "The earliest report opens with this sentence about the event.\nShort line", published: new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

        var lead = SummaryEvaluation.Lead([later, earlier], 2);

        Assert.Equal(["earlier", "later"], lead.Select(l => l.DocumentId));
        Assert.StartsWith("The earliest report", lead[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("The later report", lead[1].Text, StringComparison.Ordinal);
    }
}
