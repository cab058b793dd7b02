using NewsDigest.Normalization;

namespace NewsDigest.Tests.Normalization;

/// <summary>The fast paths give the answers of the slow ones they replace.</summary>
public sealed class TextFastPathTests
{
    [Theory]
    [InlineData("")]
    [InlineData(" \n\t\r ")]
    [InlineData("\u200B\uFEFF \u00AD")]
    [InlineData("&nbsp; &#32;&#x20;\n&NewLine;")]
    [InlineData("text")]
    [InlineData("  \n  a")]
    [InlineData("&amp;")]
    [InlineData("&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;x")]
    [InlineData("&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;")]
    [InlineData("&nbsp;                                                               &nbsp;")]
    [InlineData("&nbsp;                                                               &unknown;")]
    [InlineData("&nbsp                                                                   ")]
    public void IsBlank_AnyText_AgreesWithClean(string text)
    {
        Assert.Equal(TextCleaner.Clean(text).Length == 0, TextCleaner.IsBlank(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("One")]
    [InlineData("Two words")]
    [InlineData("The Minister of Finance said on Monday that the budget, 2026's biggest, would pass. Ça va? Ü_ber straße")]
    [InlineData("東京で会議が開かれた。Tokyo hosted the meeting 今日")]
    [InlineData("a b a b a b a b a b a b")]
    [InlineData("  -- ,, !! ")]
    public void Fingerprint_AnyText_EqualsTokenizeThenSignature(string text)
    {
        var tokens = ContentFingerprint.Tokenize(text);

        var (wordCount, signature) = ContentFingerprint.Fingerprint(text);

        Assert.Equal(tokens.Count, wordCount);
        Assert.Equal(ContentFingerprint.Signature(tokens), signature);
    }

    [Fact]
    public void Detect_OneParagraphLongerThanTheSample_JudgesItsBeginningLikeTheWholeText()
    {
        var paragraph = string.Concat(Enumerable.Repeat("Der Bericht ist nicht fertig und wird auch nicht mit den Zahlen verglichen. ", 500));

        Assert.Equal(LanguageDetector.Detect("Titel\n" + paragraph), LanguageDetector.Detect(["Titel", paragraph]));
    }
}
