using NewsDigest.Normalization.Html;

namespace NewsDigest.Tests.Normalization.Html;

public sealed class CharacterReferencesTests
{
    [Theory]
    [InlineData("Tom &amp; Jerry", "Tom & Jerry")]
    [InlineData("caf&eacute; &hellip; &rsquo;", "café … ’")]
    [InlineData("&NotNestedGreaterGreater; &bne;", "\u2AA2\u0338 =\u20E5")]
    [InlineData("&#8217;&#x2019;&#X2019;", "’’’")]
    [InlineData("&#x1F62D; &#128557;", "😭 😭")]
    [InlineData("&#150; &#146; &#x80; &#x81;", "– ’ € \u0081")]
    [InlineData("&#0; &#xD800; &#x110000; &#xFFFFFFFFFFFF;", "\uFFFD \uFFFD \uFFFD \uFFFD")]
    [InlineData("&#65 &#x41", "A A")]
    [InlineData("&copy 2024 &amp so on", "© 2024 & so on")]
    [InlineData("&notit; &notin;", "¬it; ∉")]
    public void Decode_References_DecodeAsTheHtmlStandardSays(string text, string expected)
    {
        Assert.Equal(expected, CharacterReferences.Decode(text));
    }

    [Theory]
    [InlineData("&#xg; &#; &#x; & x &&")]
    [InlineData("&unknown; &Amp; AT&T R&D")]
    [InlineData("no references at all")]
    public void Decode_TextThatIsNoReference_StaysAsWritten(string text)
    {
        Assert.Equal(text, CharacterReferences.Decode(text));
    }

    [Fact]
    public void Decode_LegacyNameInAttributeBeforeLetterOrEquals_StaysAsWritten()
    {
        const string Url = "/search?q=1&copy=2&notice&amp;x=3";

        Assert.Equal("/search?q=1&copy=2&notice&x=3", CharacterReferences.Decode(Url, inAttribute: true));
        Assert.Equal("/search?q=1©=2¬ice&x=3", CharacterReferences.Decode(Url));
    }

    [Fact]
    public void DecodeEscapedTwice_MetadataEscapedTwice_UndoesOnlyNumericAndBasicNames()
    {
        var once = CharacterReferences.Decode("Don&amp;#8217;t &amp;amp; &amp;eacute; &amp;#xg; &amp;#x0;", inAttribute: true);

        Assert.Equal("Don&#8217;t &amp; &eacute; &#xg; &#x0;", once);
        Assert.Equal("Don’t & &eacute; &#xg; \uFFFD", CharacterReferences.DecodeEscapedTwice(once));
    }

    [Fact]
    public void DecodeEscapedTwice_ReferenceWithoutSemicolon_StaysAsWritten()
    {
        Assert.Equal("&#8217 &amp x", CharacterReferences.DecodeEscapedTwice("&#8217 &amp x"));
    }

    [Fact]
    public void Extract_EmojiWrittenAsReferences_ComeOutAsEmoji()
    {
        var paragraphs = string.Concat(Enumerable.Range(1, 5).Select(i =>
            $"<p>Paragraph {i} says the team was delighted &#x1F389; and the fans cried &#128557; with joy, for a long while, all evening.</p>"));
        var html = $"<html><head><meta property=\"og:description\" content=\"Fans &amp;#x1F389; celebrate\"></head><body><article>{paragraphs}</article></body></html>";

        var article = new HtmlArticleExtractor().Extract(html);

        Assert.Equal(5, article.Paragraphs.Count);
        Assert.All(article.Paragraphs, p => Assert.Contains("delighted 🎉 and the fans cried 😭 with joy", p, StringComparison.Ordinal));
        Assert.Equal("Fans 🎉 celebrate", article.Excerpt);
    }

    [Theory]
    [InlineData("Tom &amp; Jerry")]
    [InlineData("  lead &nbsp;&nbsp; and&#32;&#x20;trail&NewLine; ")]
    [InlineData("&copy 2024 &amp so on &notit; &#xD800;")]
    [InlineData("AT&T R&D && & x")]
    [InlineData("no references at all")]
    public void AppendDecodedCollapsed_AnyText_EqualsCollapsingTheDecodedText(string text)
    {
        var expected = new System.Text.StringBuilder("x");
        var expectedPending = true;
        HtmlText.AppendCollapsed(expected, CharacterReferences.Decode(text), ref expectedPending);

        var actual = new System.Text.StringBuilder("x");
        var actualPending = true;
        CharacterReferences.AppendDecodedCollapsed(text, actual, ref actualPending);

        Assert.Equal(expected.ToString(), actual.ToString());
        Assert.Equal(expectedPending, actualPending);
    }
}
