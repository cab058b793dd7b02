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

    [Fact]
    public void Squashed_EveryWhiteSpaceCharacter_SameAsSquash()
    {
        for (var c = '\0'; c < char.MaxValue; c++)
        {
            if (!char.IsWhiteSpace(c))
            {
                continue;
            }

            var text = $"Kim met{c}officials. Then{c}{c}he left. ";

            Assert.Equal(TextTokens.Squash(text), SentenceSplitter.Squashed(text));
        }
    }

    [Fact]
    public void Squashed_AlreadySquashedParagraph_TheSameStringWithoutACopy()
    {
        const string paragraph = "Kim met U.S. officials on Monday. The deal is worth $2.4 billion.";

        Assert.Same(paragraph, SentenceSplitter.Squashed(paragraph));
        Assert.Equal(TextTokens.Squash("Cafe\u0301 owners met.  Then they left."), SentenceSplitter.Squashed("Cafe\u0301 owners met.  Then they left."));
    }
}
