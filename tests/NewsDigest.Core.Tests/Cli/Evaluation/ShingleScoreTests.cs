using NewsDigest.Cli.Evaluation;

namespace NewsDigest.Tests.Cli.Evaluation;

public sealed class ShingleScoreTests
{
    [Fact]
    public void Compare_SameWordsDifferentCaseAndPunctuation_IsPerfect()
    {
        Assert.Equal((1.0, 1.0), ShingleScore.Compare("The Council, on Tuesday, voted: yes!", "the council on tuesday voted yes"));
    }

    [Fact]
    public void Compare_RepeatedShingles_CountAsAMultiset()
    {
        // The reference has two shingles; ours has seven, and each reference shingle matches only once.
        var (precision, recall) = ShingleScore.Compare("a b c d e a b c d e", "a b c d e");

        Assert.Equal(2.0 / 7, precision, 6);
        Assert.Equal(1.0, recall, 6);
    }

    [Fact]
    public void Compare_TextShorterThanAShingle_CountsAsOneShingle()
    {
        Assert.Equal((1.0, 1.0), ShingleScore.Compare("Hello world", "hello world"));
        Assert.Equal((0.0, 0.0), ShingleScore.Compare("Hello there", "hello world"));
    }

    [Fact]
    public void Compare_NothingExtracted_ScoresZero()
    {
        Assert.Equal((0.0, 0.0), ShingleScore.Compare(string.Empty, "one two three four five"));
    }

    [Fact]
    public void F1_HarmonicMeanOfPrecisionAndRecall()
    {
        Assert.Equal(0.5, ShingleScore.F1(0.5, 0.5), 6);
        Assert.Equal(0, ShingleScore.F1(0, 0));
        Assert.Equal(2 * 0.9 * 0.6 / 1.5, ShingleScore.F1(0.9, 0.6), 6);
    }
}
