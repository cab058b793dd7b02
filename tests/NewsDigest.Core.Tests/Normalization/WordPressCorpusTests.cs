using NewsDigest.Normalization;

namespace NewsDigest.Tests.Normalization;

/// <summary>Real WordPress REST API responses from ../shared/corpora/wordpress-rest, read in place.</summary>
public sealed class WordPressCorpusTests
{
    private static string Folder => Path.Combine(TestPaths.Corpora, "wordpress-rest");

    [Fact]
    public void Normalize_RealPostWithEmbeddedAuthorAndTerms_ReadsEveryField()
    {
        var path = Path.Combine(Folder, "schemas_post-60.json");
        Assert.SkipUnless(File.Exists(path), $"WordPress corpus not found at {Folder}.");

        var document = TestNormalizer.Single(TestNormalizer.Normalize(File.ReadAllBytes(path), "post-60.json"));

        Assert.Equal(DocumentFormat.WordPressJson, document.Format);
        Assert.Equal("The Beauties of Gullfoss", document.Title);
        Assert.Equal(new DateTimeOffset(2016, 11, 25, 18, 31, 11, TimeSpan.Zero), document.Published);
        Assert.Equal(new DateTimeOffset(2018, 3, 22, 17, 9, 55, TimeSpan.Zero), document.Modified);
        Assert.Equal("https://demo.worona.org/the-beauties-of-gullfoss/", document.Url);
        Assert.Equal(new DocumentSource("demo.worona.org", "demo.worona.org"), document.Source);
        Assert.Equal(["Alan Martin"], document.Authors);
        Assert.Contains("Travel", document.Tags);
        Assert.Equal("Gullfoss is a waterfall located in the canyon of the Hvítá river in southwest Iceland.", document.Paragraphs[0]);
        Assert.Equal(["Gullfoss, an iconic waterfall of Iceland."], document.Captions);
        Assert.DoesNotContain(document.Paragraphs, p => p.Contains("Gullfoss, an iconic waterfall of Iceland.", StringComparison.Ordinal));
        Assert.Equal("en", document.Language);
    }

    [Fact]
    public void Normalize_RealCollection_YieldsOneDocumentPerPost()
    {
        var path = Path.Combine(Folder, "schemas_posts-from-category-7.json");
        Assert.SkipUnless(File.Exists(path), $"WordPress corpus not found at {Folder}.");

        var result = TestNormalizer.Normalize(File.ReadAllBytes(path));

        Assert.Null(result.Rejection);
        Assert.Equal(5, result.Documents.Count);
        Assert.Equal(5, result.Documents.Select(d => d.Id).Distinct().Count());
        Assert.All(result.Documents, d => Assert.NotNull(d.Published));
    }

    [Theory]
    [InlineData("schemas_comment-5.json", "comments")]
    [InlineData("schemas_author-list.json", "users")]
    [InlineData("schemas_tags-list.json", "taxonomy terms")]
    [InlineData("schemas_media-193.json", "media items")]
    public void Normalize_WordPressObjectThatIsNotAPost_RejectsAndSaysWhatItIs(string file, string what)
    {
        var path = Path.Combine(Folder, file);
        Assert.SkipUnless(File.Exists(path), $"WordPress corpus not found at {Folder}.");

        var result = TestNormalizer.Normalize(File.ReadAllBytes(path));

        Assert.Equal(RejectionReason.Unsupported, result.Rejection?.Reason);
        Assert.Contains(what, result.Rejection?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_EveryCorpusFile_NormalizesOrRejectsWithAReason()
    {
        Assert.SkipUnless(Directory.Exists(Folder), $"WordPress corpus not found at {Folder}.");

        var documents = 0;
        foreach (var path in Directory.GetFiles(Folder, "*.json"))
        {
            var result = TestNormalizer.Normalize(File.ReadAllBytes(path));

            if (result.Rejection is { } rejection)
            {
                Assert.True(rejection.Reason is RejectionReason.Unsupported or RejectionReason.NoContent, $"{path}: {rejection}");
            }
            else
            {
                documents += result.Documents.Count;
                Assert.All(result.Documents, d => Assert.Equal(DocumentFormat.WordPressJson, d.Format));
            }
        }

        Assert.True(documents >= 15, $"only {documents} documents from the corpus");
    }
}
