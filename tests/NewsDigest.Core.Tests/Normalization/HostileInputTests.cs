using System.Text;
using NewsDigest.Normalization;
using NewsDigest.Normalization.Html;

namespace NewsDigest.Tests.Normalization;

/// <summary>Hostile and damaged inputs from an outside test: deep nesting, damaged UTF-8, BOM-less UTF-16, long and odd titles.</summary>
public sealed class HostileInputTests
{
    private const string Sentence = "Councillors approved the harbour budget after a long debate about dredging, ferries and the fish market.";

    private static readonly string Article = "<h1>Harbour budget approved</h1>" + string.Concat(Enumerable.Repeat("<p>" + Sentence + " " + Sentence + "</p>", 5));

    private static string Nested(int levels, string open = "<div>", string close = "</div>") =>
        "<html><head><title>Harbour budget approved</title></head><body>"
        + string.Concat(Enumerable.Repeat(open, levels)) + Article + string.Concat(Enumerable.Repeat(close, levels)) + "</body></html>";

    [Theory]
    [InlineData(3_000)]
    [InlineData(100_000)]
    public void Normalize_ArticleNestedDeep_KeepsTheText(int levels)
    {
        var document = TestNormalizer.Single(TestNormalizer.Normalize(Nested(levels), "page.html"));

        Assert.Contains(document.Paragraphs, p => p.Contains("harbour budget", StringComparison.Ordinal));
    }

    [Fact]
    public void Normalize_ArticleInSixtyNestedTables_KeepsTheText()
    {
        var document = TestNormalizer.Single(TestNormalizer.Normalize(Nested(60, "<table><tr><td>", "</td></tr></table>"), "page.html"));

        Assert.Contains(document.Paragraphs, p => p.Contains("harbour budget", StringComparison.Ordinal));
    }

    [Fact]
    public void Flatten_EveryReadabilityTestPage_LeavesThePageAsItIs()
    {
        var folder = Path.Combine(TestPaths.Corpora, "readability-test-pages");
        Assert.SkipUnless(Directory.Exists(folder), $"Readability corpus not found at {folder}.");

        var changed = Directory.GetFiles(folder, "source.html", SearchOption.AllDirectories)
            .Where(path =>
            {
                NestingGuard.Flatten(File.ReadAllText(path), out var removed);
                return removed > 0;
            })
            .ToList();

        Assert.Empty(changed);
    }

    [Fact]
    public void Flatten_ShallowPage_ReturnsTheSameText()
    {
        var html = Nested(20);

        var flat = NestingGuard.Flatten(html, out var removed);

        Assert.Same(html, flat);
        Assert.Equal(0, removed);
    }

    [Fact]
    public void Flatten_DeepPage_RemovesOnlyTagsBeyondTheLimit()
    {
        var flat = NestingGuard.Flatten(Nested(1_000), out var removed);

        // The divs below html and body lose their tags; the article's paragraphs at the bottom keep theirs.
        Assert.Equal(2 * (1_000 - (NestingGuard.MaxDepth - 2)), removed);
        Assert.Contains(Sentence, flat, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_PageWithoutHeadlineOpeningWithEmoji_TitleEndsOnAWholeCharacter()
    {
        var emoji = string.Concat(Enumerable.Repeat("\U0001F600", 200));
        var html = $"<html><body><article><p>{emoji} {Sentence}</p><p>{Sentence}</p></article></body></html>";

        var document = TestNormalizer.Single(TestNormalizer.Normalize(html, "page.html"));

        Assert.True(IsWellFormed(document.Title), document.Title);
        Assert.EndsWith("…", document.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Cut_InsideSurrogatePairOrCombiningMark_CutsBeforeTheWholeElement()
    {
        Assert.Equal("ab…", TextCleaner.Cut("ab\U0001F600cd", 4));
        Assert.Equal("ab…", TextCleaner.Cut("abe\u0301cd", 4));
        Assert.True(IsWellFormed(TextCleaner.Cut(string.Concat(Enumerable.Repeat("\U0001F1F0\U0001F1F7", 50)), 7)));
    }

    [Fact]
    public void Normalize_WordPressTitleOf37499Characters_TitleShortenedWithAWarning()
    {
        var title = string.Join(' ', Enumerable.Repeat("harbour", 5_000))[..37_499];
        var json = "{\"id\":1,\"title\":{\"rendered\":\"" + title + "\"},\"content\":{\"rendered\":\"<p>" + Sentence + "</p>\"},\"link\":\"https://example.com/a\"}";

        var document = TestNormalizer.Single(TestNormalizer.Normalize(json, "post.json"));

        Assert.InRange(document.Title.Length, 10, DocumentFinisher.MaxTitleChars);
        Assert.Contains(document.Warnings, w => w.StartsWith("title shortened", StringComparison.Ordinal));
    }

    [Fact]
    public void Normalize_BidiOverridesInTitleAndSiteName_Removed()
    {
        var html = "<html><head><title>\u202Egnp.exe</title><meta property=\"og:site_name\" content=\"\u2066Harbour\u2069 \u202BNews\"></head>"
            + "<body><article>" + Article + "</article></body></html>";

        var document = TestNormalizer.Single(TestNormalizer.Normalize(html, "page.html"));

        foreach (var text in new[] { document.Title, document.Source.Name ?? string.Empty })
        {
            Assert.DoesNotContain(text, c => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069');
        }
    }

    [Fact]
    public void Decode_Utf8PageWithCurlyQuotesAndOneStrayByte_StaysUtf8WithAWarning()
    {
        var bytes = Concat("<html><head><meta charset=utf-8></head><body><p>The council\u2019s \u2019plan\u2019 was approved ", [0x92], " today.</p></body></html>");

        var decoded = new TextDecoder().Decode(bytes, null);

        Assert.Equal("utf-8", decoded.EncodingName);
        Assert.Contains("council\u2019s", decoded.Text, StringComparison.Ordinal);
        Assert.Contains("1 invalid UTF-8 sequences replaced", decoded.Warnings);
    }

    [Fact]
    public void Decode_AsciiArticleWithOneStray0x81_StaysUtf8WithAWarning()
    {
        var bytes = Concat(Sentence + " ", [0x81], " " + Sentence);

        var decoded = new TextDecoder().Decode(bytes, null);

        Assert.True(decoded.Succeeded, decoded.Failure);
        Assert.Equal("utf-8", decoded.EncodingName);
        Assert.Contains("1 invalid UTF-8 sequences replaced", decoded.Warnings);
    }

    [Fact]
    public void Decode_PageWithSixteenBytesOfGarbage_StaysUtf8()
    {
        byte[] garbage = [0x81, 0xFF, 0x8D, 0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xF0, 0x28, 0x8C, 0xBC, 0x90, 0x9D];
        var text = string.Join(' ', Enumerable.Repeat(Sentence, 5));
        var bytes = Concat("<html><body><p>" + text, garbage, text + "</p></body></html>");

        var decoded = new TextDecoder().Decode(bytes, null);

        Assert.True(decoded.Succeeded, decoded.Failure);
        Assert.Equal("utf-8", decoded.EncodingName);
        Assert.Contains(decoded.Warnings, w => w.EndsWith("invalid UTF-8 sequences replaced", StringComparison.Ordinal));
    }

    [Fact]
    public void Decode_Windows1252Text_StillWindows1252()
    {
        var bytes = TestNormalizer.Windows1252.GetBytes("The caf\u00e9\u2019s owner said the r\u00e9sum\u00e9 was na\u00efve. " + Sentence);

        var decoded = new TextDecoder().Decode(bytes, null);

        Assert.Equal("windows-1252", decoded.EncodingName);
        Assert.Contains("caf\u00e9\u2019s", decoded.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Normalize_KoreanUtf16WithoutByteOrderMark_Decoded(bool bigEndian)
    {
        const string korean = "서울시는 오늘 항구 예산을 승인했다. 시의회는 준설과 여객선, 새 수산시장을 두고 오랜 논쟁을 벌였다. 시장은 봄에 공사를 시작한다고 말했다.";
        var text = string.Join("\n\n", Enumerable.Repeat(korean, 4));
        var bytes = (bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode).GetBytes(text);

        var document = TestNormalizer.Single(TestNormalizer.Normalize(bytes, "article.txt"));

        Assert.Contains("항구 예산을 승인했다", string.Join("\n", document.Paragraphs) + document.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_RandomBytes_NotTakenForUtf16()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);

        Assert.False(TextDecoder.LooksLikeUtf16WithoutByteOrderMark(bytes, out _));
    }

    private static byte[] Concat(string before, byte[] middle, string after) =>
        [.. Encoding.UTF8.GetBytes(before), .. middle, .. Encoding.UTF8.GetBytes(after)];

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
