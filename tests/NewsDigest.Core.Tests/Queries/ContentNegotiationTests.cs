using NewsDigest.Digest;
using NewsDigest.Queries;

namespace NewsDigest.Tests.Queries;

public sealed class ContentNegotiationTests
{
    private static readonly IReadOnlyList<DigestFormat> Digest = ContentNegotiation.DigestFormats;

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("*/*")]
    [InlineData("application/json")]
    [InlineData("application/*")]
    public void TryNegotiate_NoPreferenceOrJson_ServesJson(string? accept)
    {
        var ok = ContentNegotiation.TryNegotiate(null, accept, Digest, out var format, out _);

        Assert.True(ok);
        Assert.Equal(DigestFormat.Json, format);
    }

    [Theory]
    [InlineData("text/html", DigestFormat.Html)]
    [InlineData("TEXT/HTML", DigestFormat.Html)]
    [InlineData("text/markdown", DigestFormat.Markdown)]
    [InlineData("text/x-markdown", DigestFormat.Markdown)]
    [InlineData("text/plain", DigestFormat.Text)]
    [InlineData("text/plain; charset=utf-8", DigestFormat.Text)]
    public void TryNegotiate_SingleMediaType_ServesThatFormat(string accept, DigestFormat expected)
    {
        var ok = ContentNegotiation.TryNegotiate(null, accept, Digest, out var format, out _);

        Assert.True(ok);
        Assert.Equal(expected, format);
    }

    [Theory]
    [InlineData("text/plain;q=0.5, text/markdown;q=0.9", DigestFormat.Markdown)]
    [InlineData("application/json;q=0.1, text/plain", DigestFormat.Text)]
    [InlineData("text/html;q=0.2, text/plain;q=0.3, application/json;q=0.25", DigestFormat.Text)]
    [InlineData("text/*;q=0.8, application/json;q=0.5", DigestFormat.Html)]
    [InlineData("text/*, text/html;q=0", DigestFormat.Markdown)]
    [InlineData("*/*;q=0.1, text/plain;q=0.9", DigestFormat.Text)]
    [InlineData("*/*, application/json;q=0", DigestFormat.Html)]
    [InlineData("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", DigestFormat.Html)]
    [InlineData("text/markdown;q=1.000, text/html;q=0.999", DigestFormat.Markdown)]
    public void TryNegotiate_QualityValues_ServesHighestQuality(string accept, DigestFormat expected)
    {
        var ok = ContentNegotiation.TryNegotiate(null, accept, Digest, out var format, out _);

        Assert.True(ok);
        Assert.Equal(expected, format);
    }

    [Fact]
    public void TryNegotiate_EqualQuality_PrefersServerOrder()
    {
        var ok = ContentNegotiation.TryNegotiate(null, "text/plain, text/html, text/markdown", Digest, out var format, out _);

        Assert.True(ok);
        Assert.Equal(DigestFormat.Html, format);
    }

    [Theory]
    [InlineData("image/png")]
    [InlineData("application/xml, image/*")]
    [InlineData("text/html;q=0, application/json;q=0, text/markdown;q=0, text/plain;q=0")]
    [InlineData("*/*;q=0")]
    public void TryNegotiate_NothingAcceptable_Rejects(string accept)
    {
        var ok = ContentNegotiation.TryNegotiate(null, accept, Digest, out _, out var rejection);

        Assert.False(ok);
        Assert.Contains("text/markdown", rejection, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("text/html;q=abc")]
    [InlineData("text/html;q=2")]
    [InlineData("*/html")]
    [InlineData(",,;")]
    public void TryNegotiate_NoValidMediaRange_IgnoresHeaderAndServesJson(string accept)
    {
        var ok = ContentNegotiation.TryNegotiate(null, accept, Digest, out var format, out _);

        Assert.True(ok);
        Assert.Equal(DigestFormat.Json, format);
    }

    [Fact]
    public void TryNegotiate_InvalidMemberAmongValid_SkipsOnlyTheInvalid()
    {
        var ok = ContentNegotiation.TryNegotiate(null, "text/html;q=abc, text/plain;q=0.4", Digest, out var format, out _);

        Assert.True(ok);
        Assert.Equal(DigestFormat.Text, format);
    }

    [Theory]
    [InlineData("json", DigestFormat.Json)]
    [InlineData("html", DigestFormat.Html)]
    [InlineData("markdown", DigestFormat.Markdown)]
    [InlineData("md", DigestFormat.Markdown)]
    [InlineData("text", DigestFormat.Text)]
    [InlineData("txt", DigestFormat.Text)]
    [InlineData(" HTML ", DigestFormat.Html)]
    public void TryNegotiate_FormatParameter_WinsOverAccept(string formatParameter, DigestFormat expected)
    {
        var ok = ContentNegotiation.TryNegotiate(formatParameter, "image/png, application/json;q=0.1", Digest, out var format, out _);

        Assert.True(ok);
        Assert.Equal(expected, format);
    }

    [Theory]
    [InlineData("pdf")]
    [InlineData("card")]
    [InlineData("json2")]
    public void TryNegotiate_UnknownFormatParameter_Rejects(string formatParameter)
    {
        var ok = ContentNegotiation.TryNegotiate(formatParameter, null, Digest, out _, out var rejection);

        Assert.False(ok);
        Assert.Contains(formatParameter, rejection, StringComparison.Ordinal);
        Assert.Contains("json, html, markdown, text", rejection, StringComparison.Ordinal);
    }

    [Fact]
    public void TryNegotiate_FormatNotOfferedByResource_Rejects()
    {
        var ok = ContentNegotiation.TryNegotiate("html", null, ContentNegotiation.JsonOnly, out _, out var rejection);

        Assert.False(ok);
        Assert.Contains("use one of: json.", rejection, StringComparison.Ordinal);
    }

    [Fact]
    public void TryNegotiate_JsonOnlyResourceAskedForHtmlOnly_Rejects()
    {
        var ok = ContentNegotiation.TryNegotiate(null, "text/html", ContentNegotiation.JsonOnly, out _, out _);

        Assert.False(ok);
    }

    [Fact]
    public void ParseAccept_QuotedCommaInParameter_StaysOneMember()
    {
        var ranges = ContentNegotiation.ParseAccept("text/html;level=\"a,b\";q=0.3, text/plain");

        Assert.Equal(2, ranges.Count);
        Assert.Equal(new MediaRange("text", "html", 0.3), ranges[0]);
        Assert.Equal(new MediaRange("text", "plain", 1.0), ranges[1]);
    }

    [Theory]
    [InlineData(DigestFormat.Json, "application/json; charset=utf-8")]
    [InlineData(DigestFormat.Html, "text/html; charset=utf-8")]
    [InlineData(DigestFormat.Markdown, "text/markdown; charset=utf-8")]
    [InlineData(DigestFormat.Text, "text/plain; charset=utf-8")]
    public void ContentType_EachFormat_NamesMediaTypeAndCharset(DigestFormat format, string expected) =>
        Assert.Equal(expected, ContentNegotiation.ContentType(format));

    [Fact]
    public void Name_EachServedFormat_ParsesBack()
    {
        foreach (var format in ContentNegotiation.DigestFormats)
        {
            Assert.True(ContentNegotiation.TryParseFormatName(ContentNegotiation.Name(format), out var parsed));
            Assert.Equal(format, parsed);
        }
    }
}
