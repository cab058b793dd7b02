using NewsDigest.Normalization;
using NewsDigest.Storage;
using NewsDigest.Stories;

namespace NewsDigest.Tests.Stories;

/// <summary>Features of a text stored at ingestion give grouping exactly what reading the text gives.</summary>
public sealed class TextFeaturesTests
{
    [Fact]
    public void BuildAll_DocumentsWithStoredFeaturesInsteadOfText_SameFeaturesAsReadingTheText()
    {
        // Blocks on both cores, as a large window is read: every document's features and every id must match.
        var documents = DocumentFeaturesParallelTests.Documents(900);
        var stored = documents.Select(d => d.WithFeaturesInsteadOfText(TextFeatures.Of(d.Title, d.Paragraphs))).ToList();
        var readVocabulary = new StoryVocabulary();
        var read = DocumentFeatures.BuildAll(documents, readVocabulary);
        var loadedVocabulary = new StoryVocabulary();
        var loaded = DocumentFeatures.BuildAll(stored, loadedVocabulary);

        for (var i = 0; i < read.Length; i++)
        {
            DocumentFeaturesParallelTests.AssertSameFeatures(read[i], loaded[i]);
            Assert.Equal(documents[i].TextLength, loaded[i].Document.TextLength);
            Assert.False(loaded[i].Document.HasText);
        }

        Assert.Equal(readVocabulary.InverseDocumentFrequencies(), loadedVocabulary.InverseDocumentFrequencies());
    }

    [Fact]
    public void Of_WordInHeadlineLeadAndLaterParagraph_OneTermWeighingThreePerHeadlineTimeAndOnePerBodyTime()
    {
        var lead = string.Join(' ', Enumerable.Repeat("The harbour reopened after the storm passed the coast today.", 12));
        var features = TextFeatures.Of("Harbour reopens", [lead, "Ships queued outside the harbour overnight.", "The harbour authority thanked crews."]);

        var terms = features.Terms.Split(TextFeatures.Separator, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(features.Weights.Length, terms.Length);
        Assert.Single(terms, t => t == "harbour");
        var harbour = Array.IndexOf(terms, "harbour");
        // Once in the headline (3), twelve times in the lead, twice later.
        Assert.Equal(3 + 12 + 2, features.Weights[harbour]);
        Assert.Equal(1 + 12, features.LeadCounts[harbour]);
        // Words first read after the lead have no lead count.
        Assert.Equal(terms.Length, features.LeadCounts.Length + terms.Skip(features.LeadCounts.Length).Count());
        Assert.DoesNotContain("authority", terms.Take(features.LeadCounts.Length));
        Assert.Contains("authority", terms);
    }

    [Fact]
    public void IsCurrent_OtherVersionOrPartsThatDoNotHoldTogether_False()
    {
        var features = TextFeatures.Of("Minister Anna Berg resigns", ["Minister Anna Berg resigned on Monday, May 4, 2025, officials said."]);
        Assert.True(features.IsCurrent());

        Assert.False((features with { Version = TextFeatures.CurrentVersion + 1 }).IsCurrent());
        Assert.False((features with { Weights = features.Weights[1..] }).IsCurrent());
        Assert.False((features with { Terms = features.Terms + "extra " }).IsCurrent());
        Assert.False((features with { Terms = TextFeatures.Separator + features.Terms[..^1] }).IsCurrent());
        Assert.False((features with { Weights = [0, .. features.Weights[1..]] }).IsCurrent());
        Assert.False((features with { LeadCounts = [.. features.LeadCounts, .. features.Weights] }).IsCurrent());
        Assert.False((features with { HeadlinePeople = [features.Entities.Length] }).IsCurrent());
        Assert.False((features with { TextLength = -1 }).IsCurrent());
    }

    [Fact]
    public void WithFeaturesInsteadOfText_FeaturesNotCurrent_RefusedByTheDocument()
    {
        var document = StoryTestDocuments.Make("d1", "Harbour reopens", "The harbour reopened after the storm.");
        var older = TextFeatures.Of(document.Title, document.Paragraphs) with { Version = 0 };

        Assert.Throws<ArgumentException>(() => document.WithFeaturesInsteadOfText(older));
    }

    [Fact]
    public void DeserializeWithoutText_DocumentStoredWithFeatures_EverythingButTheText()
    {
        var seed = StoryTestDocuments.Seeds()["001"];
        var normalized = StoredWithFeatures(seed);
        var json = DocumentJson.Serialize(normalized);

        var whole = DocumentJson.Deserialize(json);
        var withoutText = DocumentJson.DeserializeWithoutText(json);

        Assert.Equal(normalized.Paragraphs, whole.Paragraphs);
        Assert.Empty(withoutText.Paragraphs);
        Assert.Empty(withoutText.Captions);
        Assert.Equal(normalized.Title, withoutText.Title);
        Assert.Equal(normalized.Signature.Values, withoutText.Signature.Values);
        Assert.True(withoutText.TextFeatures!.IsCurrent());
        Assert.Equal(normalized.TextFeatures!.Terms, withoutText.TextFeatures.Terms);
        Assert.Equal(normalized.TextFeatures.Entities, withoutText.TextFeatures.Entities);

        // Read without text, the document has none to summarise from, and its features instead.
        var document = StoryDocument.From(withoutText, seed.IngestedAt);
        Assert.False(document.HasText);
        Assert.Equal(seed.TextLength, document.TextLength);
        Assert.NotNull(document.Features);
        Assert.True(StoryDocument.From(whole, seed.IngestedAt).HasText);
    }

    [Theory]
    [InlineData("\"kind\":\"Person\"", "\"kind\":\"Starship\"")]
    [InlineData("\"shingles\":", "\"shingles\":\"many\",\"was\":")]
    [InlineData("\"version\":1,", "")]
    [InlineData("\"version\":1,", "\"version\":2,")]
    public void Deserialize_StoredFeaturesThisBuildCannotRead_DocumentReadWholeWithoutThem(string stored, string unreadable)
    {
        var seed = StoryTestDocuments.Seeds()["003"];
        var normalized = StoredWithFeatures(seed);
        var json = DocumentJson.Serialize(normalized).ToString();
        Assert.Contains(stored, json);
        var damaged = BinaryData.FromString(json.Replace(stored, unreadable, StringComparison.Ordinal));

        var whole = DocumentJson.Deserialize(damaged);
        var withoutText = DocumentJson.DeserializeWithoutText(damaged);

        Assert.Null(whole.TextFeatures);
        Assert.Equal(seed.Paragraphs, whole.Paragraphs);
        Assert.Equal(seed.Title, whole.Title);
        Assert.Equal(normalized.ContentHash, whole.ContentHash);
        Assert.Null(withoutText.TextFeatures);
        Assert.True(StoryDocument.From(whole, seed.IngestedAt).HasText);
    }

    /// <summary>A seed as ingestion stores it: its text, a caption, and the features of its text.</summary>
    private static NormalizedDocument StoredWithFeatures(StoryDocument seed) => new()
    {
        Id = seed.Id,
        Format = DocumentFormat.Html,
        Title = seed.Title,
        Published = seed.Published,
        Url = seed.Url,
        Source = seed.Source,
        Paragraphs = seed.Paragraphs,
        Captions = ["A caption."],
        ContentHash = "hash",
        Signature = seed.Signature,
        TextFeatures = TextFeatures.Of(seed.Title, seed.Paragraphs),
    };
}
