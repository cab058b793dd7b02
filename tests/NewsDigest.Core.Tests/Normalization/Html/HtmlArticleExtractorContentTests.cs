using NewsDigest.Normalization.Html;

namespace NewsDigest.Tests.Normalization.Html;

public sealed class HtmlArticleExtractorContentTests
{
    private static readonly string ArticleParagraphs = string.Concat(Enumerable.Range(1, 6).Select(i =>
        $"<p>Paragraph {i} of the story explains, in some detail, what happened at the council meeting on Tuesday, "
        + $"who spoke, what they said, and why residents of the valley care about the decision number {i}.</p>"));

    private readonly HtmlArticleExtractor extractor = new();

    [Fact]
    public void Extract_NavigationHeavyPage_KeepsArticleAndDropsMenus()
    {
        var links = string.Concat(Enumerable.Range(1, 40).Select(i => $"<li><a href=\"/section/{i}\">Section number {i}</a></li>"));
        var html = $"""
            <html><body>
            <nav><ul>{links}</ul></nav>
            <div class="menu"><a href="/a">Home</a> <a href="/b">World</a> <a href="/c">Sport</a></div>
            <div class="main-column"><article>{ArticleParagraphs}</article></div>
            <div class="sidebar"><ul>{links}</ul></div>
            <footer>Copyright the publisher, all rights reserved, terms and privacy.</footer>
            </body></html>
            """;

        var article = extractor.Extract(html);

        Assert.Equal(6, article.Paragraphs.Count);
        Assert.StartsWith("Paragraph 1 of the story", article.Paragraphs[0], StringComparison.Ordinal);
        Assert.DoesNotContain(article.Paragraphs, p => p.Contains("Section number", StringComparison.Ordinal));
        Assert.DoesNotContain(article.Paragraphs, p => p.Contains("Copyright", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_PageWithComments_LeavesCommentThreadOut()
    {
        var comments = string.Concat(Enumerable.Range(1, 8).Select(i =>
            $"<div class=\"comment\"><p>Reader {i} writes: I disagree with this, completely, and here is a long reason why it matters to me.</p></div>"));
        var html = $"""
            <html><body>
            <div id="story">{ArticleParagraphs}</div>
            <section id="comments">{comments}</section>
            </body></html>
            """;

        var article = extractor.Extract(html);

        Assert.Equal(6, article.Paragraphs.Count);
        Assert.DoesNotContain(article.Paragraphs, p => p.StartsWith("Reader", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_ArticleInDivSoup_TurnsInlineDivsIntoParagraphs()
    {
        var divs = string.Concat(Enumerable.Range(1, 5).Select(i =>
            $"<div><span>Soup paragraph {i} carries the story forward, sentence by sentence, with commas, details, and names.</span></div>"));
        var html = $"""
            <html><body>
            <div><div><div class="x1">{divs}</div></div></div>
            <div><div><a href="/1">Link one</a></div><div><a href="/2">Link two</a></div></div>
            </body></html>
            """;

        var article = extractor.Extract(html);

        Assert.Equal(5, article.Paragraphs.Count);
        Assert.All(article.Paragraphs, p => Assert.StartsWith("Soup paragraph", p, StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_OnlyJsonLdCarriesText_UsesArticleBody()
    {
        var html = """
            <html><head>
            <script type="application/ld+json">
            {"@context":"https://schema.org","@type":"NewsArticle","headline":"Bridge reopens",
             "articleBody":"The bridge reopened on Monday after two years of repairs that cost the city more than anyone had planned for.\nTraffic was light in the morning, but by noon the queues were back, and commuters said they were relieved to have the shorter route again.\nThe mayor thanked the engineers, the crews who worked through two winters, and the residents who put up with the detours, the noise and the dust for so long."}
            </script></head>
            <body><div id="app">Loading…</div></body></html>
            """;

        var article = extractor.Extract(html);

        Assert.Equal(3, article.Paragraphs.Count);
        Assert.StartsWith("The bridge reopened on Monday", article.Paragraphs[0], StringComparison.Ordinal);
        Assert.Equal("Bridge reopens", article.Title);
    }

    [Fact]
    public void Extract_RelatedLinksInsideArticle_RemovesTheList()
    {
        var related = string.Concat(Enumerable.Range(1, 6).Select(i => $"<li><a href=\"/story/{i}\">Another story you might like number {i}</a></li>"));
        var html = $"""
            <html><body><article>
            {ArticleParagraphs}
            <div class="related-stories"><h3>Popular</h3><ul>{related}</ul></div>
            <h3>Read more</h3>
            <ul>{related}</ul>
            </article></body></html>
            """;

        var article = extractor.Extract(html);

        Assert.DoesNotContain(article.Paragraphs, p => p.Contains("Another story", StringComparison.Ordinal));
        Assert.DoesNotContain("Read more", article.Paragraphs);
        Assert.DoesNotContain("Popular", article.Paragraphs);
        Assert.Equal(6, article.Paragraphs.Count);
    }

    [Fact]
    public void Extract_HiddenElements_AreNotRead()
    {
        var html = $"""
            <html><body><article>
            {ArticleParagraphs}
            <p hidden>Hidden by attribute, a secret paragraph nobody should read in the output text.</p>
            <p aria-hidden="true">Hidden from assistive technology and readers alike, also not wanted here.</p>
            <p style="display: none">Hidden by style display none, with enough words to be a paragraph.</p>
            <div style="visibility:hidden"><p>Hidden by visibility, with enough words to count as a paragraph.</p></div>
            </article></body></html>
            """;

        var article = extractor.Extract(html);

        Assert.Equal(6, article.Paragraphs.Count);
        Assert.DoesNotContain(article.Paragraphs, p => p.Contains("Hidden", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_ScriptStyleNoscriptTemplate_ContributeNoText()
    {
        var html = $$"""
            <html><head><style>p { color: red; }</style></head><body><article>
            {{ArticleParagraphs}}
            <script>var notText = "script text that is not article text";</script>
            <noscript><p>Please enable JavaScript to read the rest of the page properly.</p></noscript>
            <template><p>Template paragraph that is never rendered by a browser.</p></template>
            <svg><text>Vector label</text></svg>
            </article></body></html>
            """;

        var article = extractor.Extract(html);

        var all = string.Join("\n", article.Paragraphs);
        Assert.DoesNotContain("script text", all, StringComparison.Ordinal);
        Assert.DoesNotContain("JavaScript", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Template", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Vector", all, StringComparison.Ordinal);
        Assert.DoesNotContain("color", all, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_Table_WritesRowsWithCellSeparators()
    {
        var html = $"""
            <html><body><article>
            {ArticleParagraphs}
            <table><thead><tr><th>City</th><th>Population</th></tr></thead>
            <tbody><tr><td>Springfield</td><td>30,720</td></tr><tr><td>Shelbyville</td><td>25,100</td></tr></tbody></table>
            </article></body></html>
            """;

        var article = extractor.Extract(html);

        Assert.Contains("City | Population", article.Paragraphs);
        Assert.Contains("Springfield | 30,720", article.Paragraphs);
        Assert.Contains("Shelbyville | 25,100", article.Paragraphs);
    }

    [Fact]
    public void Extract_FigureCaption_GoesToCaptionsNotParagraphs()
    {
        var html = $"""
            <html><body><article>
            {ArticleParagraphs}
            <figure><img src="a.jpg"><figcaption>The council chamber on Tuesday. Photo: Jane Roe</figcaption></figure>
            </article></body></html>
            """;

        var article = extractor.Extract(html);

        Assert.Equal(["The council chamber on Tuesday. Photo: Jane Roe"], article.Captions);
        Assert.DoesNotContain(article.Paragraphs, p => p.Contains("council chamber", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_HeadingsListsQuotes_KeepReadingOrderAsSeparateParagraphs()
    {
        var html = $"""
            <html><body><article>
            {ArticleParagraphs}
            <h2>What comes next</h2>
            <ul><li>First step, in which the plan is drafted.</li><li>Second step, in which it is voted on.</li></ul>
            <blockquote><p>We will get this done, whatever it takes, said the mayor.</p></blockquote>
            <pre>line one
            line two</pre>
            <p>Closing paragraph of the article that wraps everything up with a final remark, a date, and a name.</p>
            </article></body></html>
            """;

        var article = extractor.Extract(html);

        var tail = article.Paragraphs.Skip(6).ToList();
        Assert.Equal("What comes next", tail[0]);
        Assert.Equal("First step, in which the plan is drafted.", tail[1]);
        Assert.Equal("Second step, in which it is voted on.", tail[2]);
        Assert.Equal("We will get this done, whatever it takes, said the mayor.", tail[3]);
        Assert.StartsWith("line one\n", tail[4], StringComparison.Ordinal);
        Assert.StartsWith("Closing paragraph", tail[5], StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_EntitiesAndWhitespace_AreDecodedAndCollapsed()
    {
        var html = $"""
            <html><body><article>
            {ArticleParagraphs}
            <p>Caf&eacute;   owners&nbsp;and
               fish &amp; chip shops said &ldquo;no&rdquo; to the plan, as did most of the market traders.</p>
            </article></body></html>
            """;

        var article = extractor.Extract(html);

        Assert.Equal("Café owners and fish & chip shops said “no” to the plan, as did most of the market traders.", article.Paragraphs[^1]);
    }

    [Fact]
    public void Extract_SocialButtonsAndNewsletterBoxInsideArticle_AreRemoved()
    {
        var html = $"""
            <html><body><article class="post">
            <div class="share-buttons"><a href="https://twitter.com/x">Tweet</a> <a href="https://facebook.com/x">Share</a></div>
            {ArticleParagraphs}
            <div class="newsletter-signup"><p>Sign up for our newsletter</p><form><input type="email"><button>Subscribe</button></form></div>
            </article></body></html>
            """;

        var article = extractor.Extract(html);

        Assert.Equal(6, article.Paragraphs.Count);
        Assert.True(article.RemovedBlocks > 0);
    }

    [Fact]
    public void Extract_ParagraphLongerThanTheReusedBuffer_KeepsTheParagraphsAfterItApart()
    {
        var words = string.Join(' ', Enumerable.Range(1, 20_000).Select(i => $"word{i}"));
        var html = $"<html><body><article><p>{words}</p><p>The council met again on Tuesday.</p>{ArticleParagraphs}</article></body></html>";

        var article = extractor.Extract(html);

        Assert.Equal(words, article.Paragraphs[0]);
        Assert.Equal("The council met again on Tuesday.", article.Paragraphs[1]);
    }
}
