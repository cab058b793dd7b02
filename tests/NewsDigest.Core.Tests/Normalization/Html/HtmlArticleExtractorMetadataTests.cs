using NewsDigest.Normalization.Html;

namespace NewsDigest.Tests.Normalization.Html;

public sealed class HtmlArticleExtractorMetadataTests
{
    private const string Body = "<body><article><p>Some text of the article, long enough to be read as the article, with a comma.</p></article></body>";

    private readonly HtmlArticleExtractor extractor = new();

    [Theory]
    [InlineData("Council approves the budget for 2025 | The Valley Gazette", "The Valley Gazette", "Council approves the budget for 2025")]
    [InlineData("Council approves the budget for 2025 - The Valley Gazette", "The Valley Gazette", "Council approves the budget for 2025")]
    [InlineData("Council approves the budget for 2025 — The Valley Gazette", "The Valley Gazette", "Council approves the budget for 2025")]
    [InlineData("Council approves the budget for 2025 > The Valley Gazette", "The Valley Gazette", "Council approves the budget for 2025")]
    [InlineData("The Valley Gazette :: Council approves the budget for 2025", "The Valley Gazette", "Council approves the budget for 2025")]
    [InlineData("Council approves the budget for 2025 | Local news", "The Valley Gazette", "Council approves the budget for 2025 | Local news")]
    public void Extract_TitleWithSiteName_StripsTheSitePart(string ogTitle, string siteName, string expected)
    {
        var html = $"""<html><head><meta property="og:title" content="{ogTitle}"><meta property="og:site_name" content="{siteName}"></head>{Body}</html>""";

        Assert.Equal(expected, extractor.Extract(html).Title);
    }

    [Theory]
    [InlineData("Budget approved | The Valley Gazette")]
    [InlineData("Terrarium basics - The Valley Gazette")]
    [InlineData("予算が承認された - The Valley Gazette")]
    public void Extract_ShortTitleWithSiteName_KeepsTheSiteName(string ogTitle)
    {
        var html = $"""<html><head><meta property="og:title" content="{ogTitle}"><meta property="og:site_name" content="The Valley Gazette"></head>{Body}</html>""";

        Assert.Equal(ogTitle, extractor.Extract(html).Title);
    }

    [Fact]
    public void Extract_DocumentTitleWithSeparator_DropsTheLastSegment()
    {
        var html = $"<html><head><title>Council approves the new budget for next year | Valley Gazette</title></head>{Body}</html>";

        Assert.Equal("Council approves the new budget for next year", extractor.Extract(html).Title);
    }

    [Fact]
    public void Extract_DocumentTitleWithShortLastPart_KeepsTheWholeTitle()
    {
        var html = $"<html><head><title>Evolve: Shared History — Mercurial</title></head>{Body}</html>";

        Assert.Equal("Evolve: Shared History — Mercurial", extractor.Extract(html).Title);
    }

    [Fact]
    public void Extract_ArticleAuthorMetaThatIsAnAddress_IsNotABylineButANameIs()
    {
        var withAddress = $"""<html><head><meta property="article:author" content="https://social.example/jane"></head>{Body}</html>""";
        var withName = $"""<html><head><meta property="og:article:author" content="Jane Roe"></head>{Body}</html>""";

        Assert.Null(extractor.Extract(withAddress).Byline);
        Assert.Equal("Jane Roe", extractor.Extract(withName).Byline);
    }

    [Fact]
    public void Extract_JsonLdHeadline_WinsOverDocumentTitle()
    {
        var html = $$"""
            <html><head><title>Something else entirely</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Budget approved"}</script>
            </head>{{Body}}</html>
            """;

        Assert.Equal("Budget approved", extractor.Extract(html).Title);
    }

    [Theory]
    [InlineData("By Jane Roe", "Jane Roe")]
    [InlineData("by: Jane Roe", "Jane Roe")]
    [InlineData("Written by Jane Roe", "Jane Roe")]
    [InlineData("By Jane Roe March 25, 2015", "Jane Roe")]
    [InlineData("By Jane Roe | Updated 12 May 2024", "Jane Roe")]
    [InlineData("Par Jean Dupont", "Jean Dupont")]
    [InlineData("Jane Roe • 8h", "Jane Roe")]
    [InlineData("Juana Pérez 1 de diciembre de 2017", "Juana Pérez")]
    [InlineData("Jane Roe 1 day ago", "Jane Roe")]
    [InlineData("Jane Roe 3h ago", "Jane Roe")]
    [InlineData("by Jane Roe22 Dec 2016651", "Jane Roe")]
    public void Extract_BylineInPage_IsCleanedOfByAndDates(string byline, string expected)
    {
        var html = $"""<html><body><article><div class="byline">{byline}</div><p>Some text of the article, long enough to read, with a comma.</p></article></body></html>""";

        Assert.Equal(expected, extractor.Extract(html).Byline);
    }

    [Theory]
    [InlineData("""<div class="author-info"><a href="/">Valley Gazette</a> <span itemprop="author"><span itemprop="name">Jane Roe</span></span> <time>1 day ago</time> <span>SHARE TWEET EMAIL</span></div>""")]
    [InlineData("""<div class="author"><a href="https://gazette.example/author/jane-roe">Jane Roe</a> <div class="author-title">Games Editor</div></div>""")]
    [InlineData("""<div class="byline">Local news by <a rel="author" href="/x">Jane Roe</a></div>""")]
    public void Extract_BylineBlockWithMoreThanTheName_TakesTheMarkedName(string byline)
    {
        var html = $"""<html><body><article>{byline}<p>Some text of the article, long enough to read, with a comma.</p></article></body></html>""";

        Assert.Equal("Jane Roe", extractor.Extract(html).Byline);
    }

    [Fact]
    public void Extract_AuthorLinkInSkippedHeader_IsTheByline()
    {
        var html = """<html><body><article><header class="entry-header"><h1>Budget approved</h1><address class="vcard"><a rel="author" href="/x">Jane Roe</a></address></header><p>Some text of the article, long enough to read, with a comma.</p></article></body></html>""";

        Assert.Equal("Jane Roe", extractor.Extract(html).Byline);
    }

    [Fact]
    public void Extract_AuthorLinksNamingDifferentPeopleOrInComments_GiveNoByline()
    {
        var text = string.Concat(Enumerable.Repeat("<p>Some text of the article, long enough to read, with a comma.</p>", 10));
        var twoNames = $"""<html><body><header class="site-header"><a rel="author" href="/a">Jane Roe</a><a rel="author" href="/b">John Doe</a></header><article>{text}</article></body></html>""";
        var inComments = $"""<html><body><article>{text}</article><div class="comments"><header class="comment-header"><a rel="author" href="/c">Reader</a></header></div></body></html>""";

        Assert.Null(extractor.Extract(twoNames).Byline);
        Assert.Null(extractor.Extract(inComments).Byline);
    }

    [Fact]
    public void Extract_BylineBlockWithTwoAuthorLinks_KeepsTheWholeByline()
    {
        var html = """<html><body><article><div class="byline">By <a href="/author/jane-roe">Jane Roe</a> and <a href="/author/john-doe">John Doe</a></div><p>Some text of the article, long enough to read, with a comma.</p></article></body></html>""";

        Assert.Equal("Jane Roe and John Doe", extractor.Extract(html).Byline);
    }

    [Fact]
    public void Extract_BylineInPage_IsNotRepeatedInTheBody()
    {
        var html = """<html><body><article><p class="byline">By Jane Roe</p><p>Some text of the article, long enough to read, with a comma.</p></article></body></html>""";

        var article = extractor.Extract(html);

        Assert.Equal("Jane Roe", article.Byline);
        Assert.DoesNotContain(article.Paragraphs, p => p.Contains("Jane Roe", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_JsonLdAuthors_GiveBylineAndAuthors()
    {
        var html = $$"""
            <html><head><script type="application/ld+json">
            {"@context":"https://schema.org","@type":"NewsArticle","author":[{"@type":"Person","name":"Jane Roe"},{"@type":"Person","name":"John Doe"}]}
            </script></head>{{Body}}</html>
            """;

        var article = extractor.Extract(html);

        Assert.Equal("Jane Roe, John Doe", article.Byline);
        Assert.Equal(["Jane Roe", "John Doe"], article.Authors);
    }

    [Theory]
    [InlineData("""<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2024-05-01T10:00:00+02:00"}</script>""")]
    [InlineData("""<meta property="article:published_time" content="2024-05-01T10:00:00+02:00">""")]
    [InlineData("""<meta name="parsely-pub-date" content="2024-05-01T08:00:00Z">""")]
    [InlineData("""<meta name="DC.date" content="2024-05-01T08:00:00Z">""")]
    [InlineData("""<meta name="sailthru.date" content="2024-05-01 08:00:00 +0000">""")]
    [InlineData("""<meta itemprop="datePublished" content="2024-05-01T04:00:00-04:00">""")]
    public void Extract_PublishedTimeInHead_IsReadWithItsOffset(string head)
    {
        var html = $"<html><head>{head}</head>{Body}</html>";

        Assert.Equal(new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.Zero), extractor.Extract(html).Published?.ToUniversalTime());
    }

    [Fact]
    public void Extract_PublishedTimeInTimeElement_IsRead()
    {
        var html = """<html><body><article><time pubdate datetime="2024-05-01T08:00:00Z">1 May</time><p>Some text of the article, long enough to read, with a comma.</p></article></body></html>""";

        Assert.Equal(new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.Zero), extractor.Extract(html).Published);
    }

    [Fact]
    public void Extract_PublishedTimeOnlyInUrl_IsTakenFromTheAddress()
    {
        var html = $"<html><head></head>{Body}</html>";

        var article = extractor.Extract(html, new Uri("https://news.example/2024/05/01/council-budget.html"));

        Assert.Equal(new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero), article.Published);
    }

    [Fact]
    public void Extract_ModifiedTime_IsReadSeparately()
    {
        var html = $"""<html><head><meta property="article:published_time" content="2024-05-01T08:00:00Z"><meta property="article:modified_time" content="2024-05-02T09:30:00Z"></head>{Body}</html>""";

        var article = extractor.Extract(html);

        Assert.Equal(new DateTimeOffset(2024, 5, 2, 9, 30, 0, TimeSpan.Zero), article.Modified);
    }

    [Fact]
    public void Extract_HtmlLang_IsTheLanguage()
    {
        var html = $"<html lang=\"en_gb\"><head></head>{Body}</html>";

        Assert.Equal("en-GB", extractor.Extract(html).Language);
    }

    [Theory]
    [InlineData("Le conseil municipal a voté le budget pour l'année prochaine. Les habitants de la vallée sont satisfaits, mais ils attendent des résultats dans les mois qui viennent.", "fr")]
    [InlineData("Der Gemeinderat hat den Haushalt für das nächste Jahr beschlossen. Die Bewohner des Tals sind zufrieden, aber sie erwarten Ergebnisse in den nächsten Monaten.", "de")]
    [InlineData("The council approved the budget for the next year. The residents of the valley are pleased, but they expect results in the months that follow.", "en")]
    [InlineData("市议会批准了明年的预算。山谷里的居民很满意，但是他们希望在接下来的几个月里看到结果。", "zh")]
    public void Extract_NoDeclaredLanguage_DetectsItFromText(string text, string expected)
    {
        var html = $"<html><body><article><p>{text}</p></article></body></html>";

        Assert.Equal(expected, extractor.Extract(html).Language);
    }

    [Fact]
    public void Extract_SiteNameCanonicalDescriptionAndTags_AreRead()
    {
        var html = $"""
            <html><head>
            <meta property="og:site_name" content="Valley Gazette">
            <link rel="canonical" href="/news/budget">
            <meta name="description" content="The council approved the budget.">
            <meta property="article:tag" content="Budget"><meta name="keywords" content="council, budget, valley">
            </head>{Body}</html>
            """;

        var article = extractor.Extract(html, new Uri("https://gazette.example/amp/news/budget?x=1"));

        Assert.Equal("Valley Gazette", article.SiteName);
        Assert.Equal("https://gazette.example/news/budget", article.CanonicalUrl);
        Assert.Equal("The council approved the budget.", article.Excerpt);
        Assert.Equal(["Budget", "council", "valley"], article.Tags);
    }

    [Fact]
    public void Extract_NoDescription_UsesFirstParagraphAsExcerpt()
    {
        var html = $"<html><head></head>{Body}</html>";

        Assert.Equal("Some text of the article, long enough to be read as the article, with a comma.", extractor.Extract(html).Excerpt);
    }

    [Fact]
    public void Extract_BrokenMarkup_DoesNotThrow()
    {
        var html = "<html><body><div><p>Unclosed <b>bold <i>italic</div></span></table><script>if (a < b) {</script><p>Text";

        var article = extractor.Extract(html);

        Assert.NotNull(article.Paragraphs);
    }
}
