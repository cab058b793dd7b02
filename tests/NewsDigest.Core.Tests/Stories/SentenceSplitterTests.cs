using NewsDigest.Stories;

namespace NewsDigest.Tests.Stories;

public sealed class SentenceSplitterTests
{
    [Fact]
    public void Split_AbbreviationsInitialsAndDecimals_StayInsideSentences()
    {
        var sentences = SentenceSplitter.Split(
            "Will S. Korea join? Mr. Kim met U.S. officials on Monday. The deal is worth $2.4 billion. \u201cWe welcome it,\u201d Shin said.");

        Assert.Equal(
            ["Will S. Korea join?", "Mr. Kim met U.S. officials on Monday.", "The deal is worth $2.4 billion.", "\u201cWe welcome it,\u201d Shin said."],
            sentences);
    }

    [Fact]
    public void Split_QuotedSentenceEnd_KeepsTheClosingQuote()
    {
        var sentences = SentenceSplitter.Split("He said \u201cit is over.\u201d Then he left.");

        Assert.Equal(["He said \u201cit is over.\u201d", "Then he left."], sentences);
    }
}
