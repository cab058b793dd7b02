using System.Text;
using NewsDigest.Normalization;

namespace NewsDigest.Tests.Normalization;

/// <summary>Golden expectations for the five seed documents, checked by hand against their text.</summary>
public sealed class SeedNormalizationTests
{
    public static TheoryData<string> Seeds => ["000", "001", "002", "003", "004"];

    [Fact]
    public void Normalize_Seed000_ReadsDamagedWordPressPost()
    {
        var document = TestNormalizer.NormalizeSeed("000");

        Assert.Equal(DocumentFormat.WordPressJson, document.Format);
        Assert.Equal("South Korea eyes AUKUS role and Ukraine mission as Trump wins US election", document.Title);
        Assert.Equal(new DateTimeOffset(2024, 11, 7, 23, 0, 22, TimeSpan.Zero), document.Published);
        Assert.Equal(new DateTimeOffset(2024, 11, 7, 5, 46, 37, TimeSpan.Zero), document.Modified);
        Assert.Equal("https://koreapro.org/2024/11/south-korea-eyes-aukus-role-and-ukraine-mission-as-trump-wins-us-election/", document.Url);
        Assert.Equal(new DocumentSource("koreapro.org", "koreapro.org"), document.Source);
        Assert.Equal(6, document.Paragraphs.Count);
        Assert.StartsWith("South Korea was asked to join as a “cooperating partner” to the AUKUS Pillar II — part of", document.Paragraphs[0], StringComparison.Ordinal);
        Assert.Equal("WHY IT MATTERS", document.Paragraphs[2]);
        Assert.EndsWith("contributions to the alliance beyond funding.", document.Paragraphs[^1], StringComparison.Ordinal);
        Assert.Contains("truncated JSON repaired", document.Warnings);
        Assert.Contains(document.Warnings, w => w.Contains("control character", StringComparison.Ordinal));
        Assert.Contains(document.Warnings, w => w.Contains("stray closing tags ignored", StringComparison.Ordinal));
        Assert.DoesNotContain("publication date unknown", document.Warnings);
    }

    [Fact]
    public void Normalize_Seed001_KeepsTwoUniqueParagraphsWithoutPaywall()
    {
        var document = TestNormalizer.NormalizeSeed("001");

        Assert.Equal(DocumentFormat.PlainText, document.Format);
        Assert.Equal("Seoul weighs strategic tech partnership with AUKUS while balancing its relations with Washington, Beijing and Moscow", document.Title);
        Assert.Null(document.Published);
        Assert.Null(document.Url);
        Assert.Equal(2, document.Paragraphs.Count);
        Assert.StartsWith("South Korea was asked to join", document.Paragraphs[0], StringComparison.Ordinal);
        Assert.StartsWith("Kim also noted", document.Paragraphs[1], StringComparison.Ordinal);
        Assert.EndsWith("(SMA) with Washington.", document.Paragraphs[1], StringComparison.Ordinal);
        Assert.Equal("Korea Risk Group", document.Source.Name);
        Assert.Contains("2 repeated paragraphs removed", document.Warnings);
        Assert.Contains("1 boilerplate block removed", document.Warnings);
        Assert.Contains("publication date unknown", document.Warnings);
    }

    [Fact]
    public void Normalize_Seed002_SeparatesCaptionAndDropsInterfaceWord()
    {
        var document = TestNormalizer.NormalizeSeed("002");

        Assert.Equal("Will S. Korea join AUKUS Pillar 2 in face of deepening Russia-NK ties?", document.Title);
        var caption = Assert.Single(document.Captions);
        Assert.StartsWith("U.S. President Joe Biden, center, meets with Britain's then Prime Minister Rishi Sunak", caption, StringComparison.Ordinal);
        Assert.EndsWith("AP-Yonhap", caption, StringComparison.Ordinal);
        Assert.DoesNotContain(document.Paragraphs, p => p.Contains("Joe Biden", StringComparison.Ordinal));
        Assert.Equal(10, document.Paragraphs.Count);
        Assert.StartsWith("There is an ongoing discussion", document.Paragraphs[0], StringComparison.Ordinal);
        Assert.EndsWith("Doo said.", document.Paragraphs[^1], StringComparison.Ordinal);
        Assert.DoesNotContain(document.Paragraphs, p => p.Contains("추천", StringComparison.Ordinal));
        Assert.Contains(document.Paragraphs, p => p.Contains("economic and security benefits and costs about whether", StringComparison.Ordinal));
        Assert.Null(document.Published);
        Assert.Contains("publication date unknown", document.Warnings);
        Assert.Contains("1 interface word removed from the text", document.Warnings);
        Assert.Equal(new DocumentSource(null, null), document.Source);
    }

    [Fact]
    public void Normalize_Seed003_ReadsDamagedWordPressPost()
    {
        var document = TestNormalizer.NormalizeSeed("003");

        Assert.Equal(DocumentFormat.WordPressJson, document.Format);
        Assert.Equal("South Korea being considered as potential member of AUKUS second pillar", document.Title);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 23, 0, 46, TimeSpan.Zero), document.Published);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 1, 7, TimeSpan.Zero), document.Modified);
        Assert.Equal("https://koreapro.org/2024/05/south-korea-being-considered-as-potential-member-of-aukus-second-pillar/", document.Url);
        Assert.Equal(new DocumentSource("koreapro.org", "koreapro.org"), document.Source);
        Assert.Equal(6, document.Paragraphs.Count);
        Assert.Equal("Why It Matters", document.Paragraphs[2]);
        Assert.Contains("$2.4 billion", document.Paragraphs[1], StringComparison.Ordinal);
        Assert.EndsWith("the areas in which South Korea excels.", document.Paragraphs[^1], StringComparison.Ordinal);
        Assert.Contains("truncated JSON repaired", document.Warnings);
    }

    [Fact]
    public void Normalize_Seed004_HasUnknownDateAndSource()
    {
        var document = TestNormalizer.NormalizeSeed("004");

        Assert.Equal(DocumentFormat.PlainText, document.Format);
        Assert.Equal("South Korea Interested in Joining AUKUS Agreement", document.Title);
        Assert.Equal(7, document.Paragraphs.Count);
        Assert.StartsWith("On 1 May, Australia and South Korea concluded", document.Paragraphs[0], StringComparison.Ordinal);
        Assert.EndsWith("limit cooperation between the two nations.", document.Paragraphs[^1], StringComparison.Ordinal);
        Assert.Null(document.Published);
        Assert.Null(document.Url);
        Assert.Equal(new DocumentSource(null, null), document.Source);
        Assert.Contains("publication date unknown", document.Warnings);
        Assert.Empty(document.Captions);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Normalize_EverySeed_LeavesNoRemnantsOrRepeats(string seed)
    {
        var document = TestNormalizer.NormalizeSeed(seed);

        string[] remnants = ["<", ">", "</span>", "\\u", "\\/", "\\n", "\n", "\r", "&amp;", "&#", "  "];
        foreach (var text in document.Paragraphs.Append(document.Title).Concat(document.Captions))
        {
            Assert.DoesNotContain(remnants, r => text.Contains(r, StringComparison.Ordinal));
            Assert.True(text.IsNormalized(NormalizationForm.FormC));
            Assert.Equal(text.Trim(), text);
        }

        string[] boilerplate = ["Leave a Reply", "email address", "All rights reserved", "Get full access", "Start now", "No charges", "Subscribe", "free access"];
        Assert.DoesNotContain(document.Paragraphs, p => boilerplate.Any(b => p.Contains(b, StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(document.Paragraphs.Count, document.Paragraphs.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("en", document.Language);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Normalize_EverySeed_FingerprintsTheBody(string seed)
    {
        var document = TestNormalizer.NormalizeSeed(seed);
        var again = TestNormalizer.NormalizeSeed(seed);

        Assert.Matches("^[0-9a-f]{32}$", document.Id);
        Assert.Matches("^[0-9a-f]{64}$", document.ContentHash);
        Assert.Equal(NearDuplicateSignature.Length, document.Signature.Values.Count);
        Assert.Equal(document.Id, again.Id);
        Assert.Equal(document.Signature, again.Signature);
        Assert.InRange(document.WordCount, 150, 600);
    }

    [Fact]
    public void Signature_SameStoryFromTwoScrapes_IsSimilarAndOtherStoryIsNot()
    {
        var wordPress = TestNormalizer.NormalizeSeed("000");
        var plainText = TestNormalizer.NormalizeSeed("001");
        var otherStory = TestNormalizer.NormalizeSeed("004");

        Assert.True(wordPress.Signature.Similarity(plainText.Signature) > 0.3);
        Assert.True(wordPress.Signature.Similarity(otherStory.Signature) < 0.1);
        Assert.NotEqual(wordPress.Id, plainText.Id);
    }
}
