using HtmlAgilityPack;
using NewsDigest.Normalization.Html;

namespace NewsDigest.Tests.Normalization.Html;

public sealed class TextMeasureTests
{
    [Theory]
    [InlineData("Tom &amp; Jerry, again", false)]
    [InlineData("  caf&eacute;,\t&hellip;&nbsp;&#x3001; end  ", true)]
    [InlineData("&nbsp; &#32;&#x20;", false)]
    [InlineData("&#44;&comma; AT&T &unknown; &#65 &copy 2024", true)]
    [InlineData("", false)]
    public void Measure_RawText_MatchesDecodingThenMeasuring(string raw, bool lastWasSpace)
    {
        var decoded = CharacterReferences.Decode(raw);
        var expectedLastWasSpace = lastWasSpace;
        var expectedLength = HtmlText.CollapsedLength(decoded, ref expectedLastWasSpace, out var commas, out var asciiCommas);

        var measure = new TextMeasure(lastWasSpace);
        CharacterReferences.Measure(raw, ref measure);

        Assert.Equal(
            (expectedLength, commas, asciiCommas, HtmlText.IsWhitespace(decoded), expectedLastWasSpace),
            (measure.Length, measure.Commas, measure.AsciiCommas, measure.Whitespace, measure.LastWasSpace));
    }

    [Fact]
    public void RawText_ParsedTextNodes_EqualTheirText()
    {
        var document = new HtmlDocument();
        document.LoadHtml("""
            <!DOCTYPE html><html><head><title>T &amp; U</title></head>
            <body> lead <p>one &lt;b&gt; <b>two</b>  three<br>four<!-- note --> five</p>
            <ul><li>a<li>b &copy;</ul><table><tr><td>cell<td>next</table><p>unclosed <i>end
            """);

        var textNodes = document.DocumentNode.Descendants().OfType<HtmlTextNode>().ToList();

        Assert.NotEmpty(textNodes);
        Assert.All(textNodes, node => Assert.Equal(node.Text, HtmlText.RawText(node).ToString()));
    }

    [Fact]
    public void RawText_LargeTextNode_ReadInPlaceWithoutACopy()
    {
        var text = string.Concat(Enumerable.Repeat("Words of a long paragraph, ", 8_000));
        var document = new HtmlDocument();
        document.LoadHtml($"<html><body><p>{text}</p></body></html>");
        var node = Assert.IsType<HtmlTextNode>(document.DocumentNode.Descendants("p").Single().FirstChild);
        _ = HtmlText.RawText(node).Length;

        var before = GC.GetAllocatedBytesForCurrentThread();
        var length = HtmlText.RawText(node).Length;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(text.Length, length);
        Assert.Equal(text, HtmlText.RawText(node).ToString());
        // A copy of the text would be 2 bytes a character: over 400 KB here.
        Assert.True(allocated < 1_000, $"{allocated:N0} bytes allocated to read {text.Length:N0} characters");
    }
}
