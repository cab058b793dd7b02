using NewsDigest.Cli.Evaluation;

namespace NewsDigest.Tests.Cli.Evaluation;

public sealed class GroupingScoreTests
{
    [Fact]
    public void Compute_SameGrouping_ScoresOne()
    {
        var score = GroupingScore.Compute([7, 7, 9], ["a", "a", "b"]);

        Assert.Equal(1.0, score.BCubedF1, 9);
        Assert.Equal(1.0, score.PairF1, 9);
        Assert.Equal((2, 2), (score.Stories, score.Events));
    }

    [Fact]
    public void Compute_TwoEventsInOneStory_LosesPrecisionNotRecall()
    {
        var score = GroupingScore.Compute([1, 1, 1], ["a", "a", "b"]);

        // Each "a" shares its story with one other "a" of three documents; the "b" with none.
        Assert.Equal(5.0 / 9, score.BCubedPrecision, 9);
        Assert.Equal(1.0, score.BCubedRecall, 9);
        Assert.Equal(1.0 / 3, score.PairPrecision, 9);
        Assert.Equal(1.0, score.PairRecall, 9);
    }

    [Fact]
    public void Compute_OneEventSplit_LosesRecallNotPrecision()
    {
        var score = GroupingScore.Compute([1, 2, 2], ["a", "a", "a"]);

        Assert.Equal(1.0, score.BCubedPrecision, 9);
        Assert.Equal(((1.0 / 3) + (2.0 / 3) + (2.0 / 3)) / 3, score.BCubedRecall, 9);
        Assert.Equal(1.0 / 3, score.PairRecall, 9);
        Assert.Equal((2, 1), (score.Stories, score.Events));
    }
}
