using System.Text;
using NewsDigest.Normalization;

namespace NewsDigest.Tests.Normalization;

public sealed class DocumentNormalizerTests
{
    private const string ArticleText =
        "Officials in Seoul said on Monday that the new rail line would open next spring, two years later than planned.\n" +
        "The delay was caused by a shortage of steel and by the discovery of archaeological remains along the route.\n";

    [Fact]
    public void Normalize_EmptyFile_RejectsAsEmpty()
    {
        var result = TestNormalizer.Normalize([]);

        Assert.Equal(RejectionReason.Empty, result.Rejection?.Reason);
        Assert.Empty(result.Documents);
    }

    [Fact]
    public void Normalize_OnlyWhitespace_RejectsAsEmpty()
    {
        var result = TestNormalizer.Normalize(" \n\t\r\n  \u00A0 ");

        Assert.Equal(RejectionReason.Empty, result.Rejection?.Reason);
    }

    [Fact]
    public void Normalize_PngBytes_RejectsAsBinary()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01];

        var result = TestNormalizer.Normalize(png, "photo.txt");

        Assert.Equal(RejectionReason.Binary, result.Rejection?.Reason);
        Assert.Equal("png", result.Rejection?.DetectedFormat);
    }

    [Fact]
    public void Normalize_NulHeavyBytes_RejectsAsBinary()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);

        var result = TestNormalizer.Normalize(bytes);

        Assert.Equal(RejectionReason.Binary, result.Rejection?.Reason);
    }

    [Fact]
    public void Normalize_InvalidUtf8WithoutDeclaration_RejectsAsUndecodable()
    {
        // High bytes that are neither UTF-8 sequences nor plausible legacy letters (0x81 and 0x8D are unassigned in windows-1252).
        var bytes = Encoding.ASCII.GetBytes("Report on the summit ").Concat(new byte[] { 0xC3, 0x28, 0x81, 0xFF, 0x8D, 0xA0, 0xA1, 0xE2, 0x28, 0xA1 }).ToArray();

        var result = TestNormalizer.Normalize(bytes);

        Assert.Equal(RejectionReason.Undecodable, result.Rejection?.Reason);
    }

    [Fact]
    public void Normalize_Utf16WithByteOrderMark_DecodesText()
    {
        var text = "Séoul summit ends\n" + ArticleText + "Le président a dit « merci ».\n";
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray();

        var document = TestNormalizer.Single(TestNormalizer.Normalize(bytes));

        Assert.Equal("Séoul summit ends", document.Title);
        Assert.Equal(3, document.Paragraphs.Count);
        Assert.Contains("« merci »", document.Paragraphs[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_Utf8WithByteOrderMark_DropsTheMark()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("Rail line delayed\n" + ArticleText)).ToArray();

        var document = TestNormalizer.Single(TestNormalizer.Normalize(bytes));

        Assert.Equal("Rail line delayed", document.Title);
    }

    [Fact]
    public void Normalize_Windows1252PlainTextWithoutDeclaration_DecodesAsWindows1252()
    {
        var text = "Café owners protest\nThe café owners of Montréal said the new rules were “unfair” — and promised to fight them in court this year.\n";
        var bytes = TestNormalizer.Windows1252.GetBytes(text);

        var document = TestNormalizer.Single(TestNormalizer.Normalize(bytes));

        Assert.Equal("Café owners protest", document.Title);
        Assert.Contains("“unfair” — and", document.Paragraphs[0], StringComparison.Ordinal);
        Assert.Contains(document.Warnings, w => w.Contains("windows-1252", StringComparison.Ordinal));
    }

    [Fact]
    public void Normalize_OverTheSizeCap_RejectsAsTooLargeBeforeDecoding()
    {
        var normalizer = TestNormalizer.Create(maxDocumentBytes: 1024);
        var bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(ArticleText, 20)));

        var result = normalizer.Normalize(new NormalizationInput(bytes));

        Assert.Equal(RejectionReason.TooLarge, result.Rejection?.Reason);
        Assert.Contains("1,024", result.Rejection?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_JsonThatIsNotWordPress_RejectsAsUnsupported()
    {
        var result = TestNormalizer.Normalize("""{"name": "Widget", "price": 12.5, "tags": ["a", "b"]}""");

        Assert.Equal(RejectionReason.Unsupported, result.Rejection?.Reason);
        Assert.Contains("not a WordPress post", result.Rejection?.Message, StringComparison.Ordinal);
        Assert.Equal("json", result.Rejection?.DetectedFormat);
    }

    [Fact]
    public void Normalize_WordPressComment_RejectsAsUnsupportedAndSaysWhatItIs()
    {
        var result = TestNormalizer.Normalize("""{"id": 5, "post": 60, "author_name": "Reyes", "content": {"rendered": "<p>Nice post</p>"}, "link": "https://example.org/p/#comment-5"}""");

        Assert.Equal(RejectionReason.Unsupported, result.Rejection?.Reason);
        Assert.Contains("comments", result.Rejection?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_OtherXml_RejectsAsUnsupported()
    {
        var result = TestNormalizer.Normalize("<?xml version=\"1.0\"?><urlset><url><loc>https://example.org/</loc></url></urlset>");

        Assert.Equal(RejectionReason.Unsupported, result.Rejection?.Reason);
        Assert.Equal("xml", result.Rejection?.DetectedFormat);
    }

    [Fact]
    public void Normalize_TextLeftOnlyWithBoilerplate_RejectsAsNoContent()
    {
        var result = TestNormalizer.Normalize("Leave a Reply\nYour email address will not be published. Required fields are marked *\n");

        Assert.Equal(RejectionReason.NoContent, result.Rejection?.Reason);
    }

    [Fact]
    public void Normalize_WordPressPostWithoutTitleOrContent_RejectsAsNoContent()
    {
        var result = TestNormalizer.Normalize("""{"id": 1, "slug": "post-1", "type": "post", "link": "https://example.org/post-1/"}""");

        Assert.Equal(RejectionReason.NoContent, result.Rejection?.Reason);
    }

    [Fact]
    public void Normalize_WordPressArrayOfPosts_YieldsOneDocumentPerPost()
    {
        var json = """
            [
              {"id": 11, "date": "2024-03-01T10:00:00", "date_gmt": "2024-03-01T01:00:00", "link": "https://www.example.org/a/",
               "title": {"rendered": "First &#8211; story"}, "content": {"rendered": "<p>The first story has a paragraph of text about the council&#8217;s vote.</p>\n<p>And a second one.</p>"},
               "excerpt": {"rendered": "<p>The first story [&hellip;]</p>"},
               "yoast_head_json": {"og_site_name": "Example News", "og_locale": "en_GB"},
               "_embedded": {"author": [{"id": 1, "name": "Ana Kim"}], "wp:term": [[{"id": 3, "name": "Politics", "taxonomy": "category"}], [{"id": 9, "name": "Council", "taxonomy": "post_tag"}]]}},
              {"id": 12, "date": "2024-03-02T09:30:00", "link": "https://www.example.org/b/",
               "title": {"rendered": "Second story"}, "content": {"rendered": "<p>The second story is about something else entirely, namely the weather.</p>"}}
            ]
            """;

        var result = TestNormalizer.Normalize(json);

        Assert.Null(result.Rejection);
        Assert.Equal(2, result.Documents.Count);
        var first = result.Documents[0];
        Assert.Equal("First – story", first.Title);
        Assert.Equal(["The first story has a paragraph of text about the council’s vote.", "And a second one."], first.Paragraphs);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 1, 0, 0, TimeSpan.Zero), first.Published);
        Assert.Equal(new DocumentSource("Example News", "www.example.org"), first.Source);
        Assert.Equal(["Ana Kim"], first.Authors);
        Assert.Equal(["Politics", "Council"], first.Tags);
        Assert.Equal("en", first.Language);
        Assert.Equal("The first story", first.Excerpt);

        var second = result.Documents[1];
        Assert.Equal(new DocumentSource("example.org", "www.example.org"), second.Source);
        Assert.Equal(new DateTimeOffset(2024, 3, 2, 9, 30, 0, TimeSpan.Zero), second.Published);
        Assert.Contains(second.Warnings, w => w.Contains("time zone unknown", StringComparison.Ordinal));
    }

    [Fact]
    public void Normalize_Rss20WithTwoItems_YieldsTwoDocuments()
    {
        var rss = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel>
                <title>Harbour Gazette</title>
                <link>https://news.example.com/</link>
                <language>en-us</language>
                <item>
                  <title>Port strike ends after &amp; talks</title>
                  <link>https://news.example.com/port-strike</link>
                  <pubDate>Tue, 07 May 2024 14:30:00 +0900</pubDate>
                  <dc:creator>Min-ji Park</dc:creator>
                  <category>Labour</category>
                  <description>Short summary&nbsp;of the strike.</description>
                  <content:encoded><![CDATA[<p>Dock workers returned to work on Tuesday.</p><p>The union said the deal raised wages by 6%.</p>]]></content:encoded>
                </item>
                <item>
                  <title>Ferry timetable changes</title>
                  <link>https://news.example.com/ferry</link>
                  <pubDate>Wed, 08 May 2024 08:00:00 GMT</pubDate>
                  <description>&lt;p&gt;Ferries will leave every 40 minutes from June.&lt;/p&gt;</description>
                </item>
              </channel>
            </rss>
            """;

        var result = TestNormalizer.Normalize(rss);

        Assert.Null(result.Rejection);
        Assert.Equal(2, result.Documents.Count);
        var first = result.Documents[0];
        Assert.Equal(DocumentFormat.Rss, first.Format);
        Assert.Equal("Port strike ends after & talks", first.Title);
        Assert.Equal(["Dock workers returned to work on Tuesday.", "The union said the deal raised wages by 6%."], first.Paragraphs);
        Assert.Equal("Short summary of the strike.", first.Excerpt);
        Assert.Equal(new DateTimeOffset(2024, 5, 7, 5, 30, 0, TimeSpan.Zero), first.Published);
        Assert.Equal("https://news.example.com/port-strike", first.Url);
        Assert.Equal(new DocumentSource("Harbour Gazette", "news.example.com"), first.Source);
        Assert.Equal(["Min-ji Park"], first.Authors);
        Assert.Equal(["Labour"], first.Tags);
        Assert.Equal("en", first.Language);
        Assert.Equal(["Ferries will leave every 40 minutes from June."], result.Documents[1].Paragraphs);
        Assert.NotEqual(first.Id, result.Documents[1].Id);
    }

    [Fact]
    public void Normalize_AtomWithTwoEntries_YieldsTwoDocuments()
    {
        var atom = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
              <title>Beispiel Nachrichten</title>
              <link rel="alternate" href="https://beispiel.example.de/"/>
              <entry>
                <title type="html">Neue Brücke &lt;em&gt;eröffnet&lt;/em&gt;</title>
                <link rel="alternate" href="https://beispiel.example.de/bruecke"/>
                <published>2024-06-01T08:00:00+02:00</published>
                <updated>2024-06-01T09:15:00+02:00</updated>
                <author><name>Jonas Weber</name></author>
                <category term="verkehr" label="Verkehr"/>
                <content type="html">&lt;p&gt;Die Brücke ist fertig und wird heute eröffnet.&lt;/p&gt;</content>
              </entry>
              <entry>
                <title>Wetter am Wochenende</title>
                <link href="https://beispiel.example.de/wetter"/>
                <updated>2024-06-02T06:00:00Z</updated>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Es wird sonnig und warm.</p><p>Am Sonntag regnet es.</p></div></content>
              </entry>
            </feed>
            """;

        var result = TestNormalizer.Normalize(atom);

        Assert.Null(result.Rejection);
        Assert.Equal(2, result.Documents.Count);
        var first = result.Documents[0];
        Assert.Equal(DocumentFormat.Atom, first.Format);
        Assert.Equal("Neue Brücke eröffnet", first.Title);
        Assert.Equal(new DateTimeOffset(2024, 6, 1, 6, 0, 0, TimeSpan.Zero), first.Published);
        Assert.Equal(new DateTimeOffset(2024, 6, 1, 7, 15, 0, TimeSpan.Zero), first.Modified);
        Assert.Equal("https://beispiel.example.de/bruecke", first.Url);
        Assert.Equal(["Jonas Weber"], first.Authors);
        Assert.Equal(["Verkehr"], first.Tags);
        Assert.Equal("de", first.Language);
        Assert.Equal(new DocumentSource("Beispiel Nachrichten", "beispiel.example.de"), first.Source);
        var second = result.Documents[1];
        Assert.Equal(["Es wird sonnig und warm.", "Am Sonntag regnet es."], second.Paragraphs);
        Assert.Equal(new DateTimeOffset(2024, 6, 2, 6, 0, 0, TimeSpan.Zero), second.Published);
        Assert.Contains(second.Warnings, w => w.Contains("update time", StringComparison.Ordinal));
    }

    [Fact]
    public void Normalize_FeedTruncatedMidItem_KeepsTheItemsBeforeTheDamage()
    {
        var rss = "<rss version=\"2.0\"><channel><title>T</title>"
            + "<item><title>Complete item</title><description>Whole text of the first item.</description></item>"
            + "<item><title>Cut item</title><descrip";

        var document = TestNormalizer.Single(TestNormalizer.Normalize(rss));

        Assert.Equal("Complete item", document.Title);
        Assert.Contains(document.Warnings, w => w.Contains("truncated", StringComparison.Ordinal));
    }

    [Fact]
    public void Normalize_FeedWithoutItems_RejectsAsNoContent()
    {
        var result = TestNormalizer.Normalize("<rss version=\"2.0\"><channel><title>Empty</title></channel></rss>");

        Assert.Equal(RejectionReason.NoContent, result.Rejection?.Reason);
    }

    [Fact]
    public void Normalize_PlainTextWithBylineDatelineAndSourceUrl_ReadsThem()
    {
        var text = "Harbour reopens after storm\nBy Jane Doe and Min-ji Park\nPublished: 2024-02-03 09:15\nhttps://news.example.com/harbour\n" + ArticleText;

        var document = TestNormalizer.Single(TestNormalizer.Normalize(text));

        Assert.Equal("Harbour reopens after storm", document.Title);
        Assert.Equal(["Jane Doe", "Min-ji Park"], document.Authors);
        Assert.Equal(new DateTimeOffset(2024, 2, 3, 9, 15, 0, TimeSpan.Zero), document.Published);
        Assert.Contains(document.Warnings, w => w.Contains("time zone unknown", StringComparison.Ordinal));
        Assert.Equal("https://news.example.com/harbour", document.Url);
        Assert.Equal("news.example.com", document.Source.Host);
        Assert.Equal(2, document.Paragraphs.Count);
    }

    [Fact]
    public void Normalize_UploadMetadata_FillsOnlyWhatTheContentLeavesOpen()
    {
        var metadata = new Dictionary<string, string> { ["url"] = "https://www.example.net/story", ["source"] = "Example Net" };
        var input = new NormalizationInput(Encoding.UTF8.GetBytes("Rail line delayed\n" + ArticleText), "story.txt", "text/plain", metadata);

        var document = TestNormalizer.Single(TestNormalizer.Instance.Normalize(input));

        Assert.Equal("https://www.example.net/story", document.Url);
        Assert.Equal(new DocumentSource("Example Net", "www.example.net"), document.Source);
        Assert.Null(document.Published);
    }

    [Fact]
    public void Normalize_KoreanParagraphWithInterfaceWords_KeepsThemIntact()
    {
        var korean = "국방부는 오커스 참여 문제를 검토하고 있다고 밝혔다. 전문가들은 기사 내용과 관련해 신중한 추천 의견을 냈다.";
        var text = "오커스 참여 검토\n" + korean + "\n";

        var document = TestNormalizer.Single(TestNormalizer.Normalize(text));

        Assert.Equal(korean, Assert.Single(document.Paragraphs));
        Assert.Equal("ko", document.Language);
    }

    [Fact]
    public void Normalize_PlainTextWithoutHeadline_TakesTitleFromFirstSentence()
    {
        var document = TestNormalizer.Single(TestNormalizer.Normalize(ArticleText));

        Assert.Equal("Officials in Seoul said on Monday that the new rail line would open next spring, two years later than planned.", document.Title);
        Assert.Contains(document.Warnings, w => w.Contains("first sentence", StringComparison.Ordinal));
    }

    [Fact]
    public void Normalize_PlainTextWithoutHeadlineOpeningWithAnAbbreviation_TitleIsTheWholeFirstSentence()
    {
        var text = "A fire damaged the church attended by Alaska Gov. Sarah Palin on Friday night in Wasilla, officials said.\n"
            + "Firefighters were called to the church at 9:40 p.m. and found flames coming out of the windows at the back.\n";

        var document = TestNormalizer.Single(TestNormalizer.Normalize(text));

        Assert.Equal("A fire damaged the church attended by Alaska Gov. Sarah Palin on Friday night in Wasilla, officials said.", document.Title);
    }

    [Fact]
    public void Normalize_GenericPaywallAndCommentFooter_AreRemoved()
    {
        var text = "Rail line delayed\n" + ArticleText
            + "\nSubscribe to continue reading\nAlready a subscriber? Sign in\nUnlimited digital news\nCancel anytime.\n"
            + "© 2024 Example Media Ltd. All rights reserved.\n";

        var document = TestNormalizer.Single(TestNormalizer.Normalize(text));

        Assert.Equal(2, document.Paragraphs.Count);
        Assert.Equal("Example Media Ltd", document.Source.Name);
        Assert.Contains("1 boilerplate block removed", document.Warnings);
    }

    [Fact]
    public void Normalize_HtmlArticle_ExtractsHeadlineAndParagraphs()
    {
        var html = "<!DOCTYPE html><html lang=\"en\"><head><title>Bridge opens</title></head><body><article><h1>Bridge opens</h1>"
            + "<p>The new bridge across the river opened to traffic on Saturday morning after four years of work.</p>"
            + "<p>City officials expect it to carry thirty thousand cars a day within a year.</p></article></body></html>";

        var document = TestNormalizer.Single(TestNormalizer.Normalize(html, "bridge.html"));

        Assert.Equal(DocumentFormat.Html, document.Format);
        Assert.Equal("Bridge opens", document.Title);
        Assert.Contains(document.Paragraphs, p => p.StartsWith("The new bridge across the river", StringComparison.Ordinal));
        Assert.Contains(document.Paragraphs, p => p.StartsWith("City officials expect", StringComparison.Ordinal));
    }

    [Fact]
    public void Normalize_Windows1252HtmlPageWithMetaCharset_DecodesDeclaredCharset()
    {
        var html = "<html><head><meta charset=\"windows-1252\"><title>Caf\u00e9 culture</title></head><body><article><h1>Caf\u00e9 culture</h1>"
            + "<p>The caf\u00e9s of Montr\u00e9al are \u201cbusier than ever\u201d, owners say \u2014 and prices keep rising this year.</p>"
            + "<p>Na\u00efve visitors pay twice as much as the regulars who live around the corner.</p></article></body></html>";
        var bytes = TestNormalizer.Windows1252.GetBytes(html);

        var document = TestNormalizer.Single(TestNormalizer.Normalize(bytes, "cafe.html"));

        Assert.Contains(document.Paragraphs, p => p.Contains("caf\u00e9s of Montr\u00e9al are \u201cbusier than ever\u201d", StringComparison.Ordinal));
    }

    [Fact]
    public void Normalize_HtmlWithOnlyScripts_RejectsAsNoContent()
    {
        var html = "<!DOCTYPE html><html><head><script>var a = 1;</script></head><body><script src=\"app.js\"></script><noscript></noscript></body></html>";

        var result = TestNormalizer.Normalize(html);

        Assert.Equal(RejectionReason.NoContent, result.Rejection?.Reason);
    }
}
