using NewsDigest.Normalization;
using NewsDigest.Stories;

namespace NewsDigest.Tests.Stories;

/// <summary>A window read a block at a time, its text let go, groups as the whole window read at once does.</summary>
public sealed class StoryWindowTests
{
    [Fact]
    public void Group_BlocksAddedWithoutText_SameStoriesAsAddingEverythingAtOnce()
    {
        // Uneven blocks, some smaller than the reader's own blocks of 512 and one spanning several of them.
        var documents = DocumentFeaturesParallelTests.Documents(1700);
        var whole = StoryClusterer.Group(documents, []);
        var window = new StoryWindow(earlier: null);
        foreach (var size in (int[])[1, 300, 1100, 299])
        {
            window.Add(documents[..size], keepText: false);
            documents = documents[size..];
        }

        var streamed = window.Group([]);

        Assert.Equal(1700, window.Count);
        Assert.Equal(whole.Groups.Count, streamed.Groups.Count);
        for (var g = 0; g < whole.Groups.Count; g++)
        {
            var (expected, actual) = (whole.Groups[g], streamed.Groups[g]);
            Assert.Equal(expected.Documents.Select(d => d.Id), actual.Documents.Select(d => d.Id));
            Assert.Equal(expected.Documents.Select(d => d.TextLength), actual.Documents.Select(d => d.TextLength));
            Assert.Equal(expected.Profile.Id, actual.Profile.Id);
            Assert.Equal(expected.Profile.Terms, actual.Profile.Terms);
            Assert.Equal(expected.Articles.Select(a => a.Count), actual.Articles.Select(a => a.Count));
        }

        Assert.All(streamed.Groups.SelectMany(g => g.Documents), d => Assert.False(d.HasText));
        Assert.All(whole.Groups.SelectMany(g => g.Documents), d => Assert.True(d.HasText));
        Assert.Equal(whole.InverseDocumentFrequency("plan"), streamed.InverseDocumentFrequency("plan"));
    }

    [Fact]
    public void Group_EarlierStatisticsAndKnownStories_SameStoriesAsTheClusterer()
    {
        var earlier = StoryClusterer.Group(DocumentFeaturesParallelTests.Documents(400), []);
        var known = earlier.Groups.Take(50).Select(g => g.Profile).ToList();
        var documents = DocumentFeaturesParallelTests.Documents(900)[400..];
        var window = new StoryWindow(earlier.Statistics);
        window.Add(documents[..200], keepText: false);
        window.Add(documents[200..], keepText: false);

        var streamed = window.Group(known);
        var whole = StoryClusterer.Group(documents, known, earlier.Statistics);

        Assert.Contains(whole.Groups, g => g.Existing is not null);
        Assert.Equal(
            whole.Groups.Select(g => (g.Profile.Id, string.Join(',', g.Documents.Select(d => d.Id)))),
            streamed.Groups.Select(g => (g.Profile.Id, string.Join(',', g.Documents.Select(d => d.Id)))));
    }

    [Fact]
    public void Add_DocumentsWithoutTextFromThreeOutlets_OneSourceObjectPerOutlet()
    {
        var outlets = (string[])["Harbor Times", "Valley Post", "Coast Wire"];
        var documents = DocumentFeaturesParallelTests.Documents(600)
            .Select((d, i) => d with { Source = new DocumentSource(outlets[i % 3], $"www.{i % 3}.example") })
            .ToList();
        var window = new StoryWindow(earlier: null);
        window.Add(documents[..250], keepText: false);
        window.Add(documents[250..], keepText: false);

        var read = window.Group([]).Groups.SelectMany(g => g.Documents).ToList();

        Assert.Equal(600, read.Count);
        var sources = read.Select(d => d.Source).Distinct(ReferenceEqualityComparer.Instance).Cast<DocumentSource>().ToList();
        Assert.Equal(3, sources.Count);
        Assert.Equal(outlets.Order(), sources.Select(s => s.Name!).Order());
        var byId = documents.ToDictionary(d => d.Id);
        Assert.All(read, d => Assert.Equal(byId[d.Id].Source, d.Source));
    }

    [Fact]
    public void Group_Twice_Throws()
    {
        var window = new StoryWindow(earlier: null);
        window.Add(DocumentFeaturesParallelTests.Documents(3));
        window.Group([]);

        Assert.Throws<InvalidOperationException>(() => window.Group([]));
        Assert.Throws<InvalidOperationException>(() => window.Add(DocumentFeaturesParallelTests.Documents(1)));
    }

    [Fact]
    public void WithoutText_Document_KeepsItsLengthAndEverythingButTheParagraphs()
    {
        var document = DocumentFeaturesParallelTests.Documents(1)[0];

        var slim = document.WithoutText();

        Assert.True(document.HasText);
        Assert.False(slim.HasText);
        Assert.Empty(slim.Paragraphs);
        Assert.Equal(document.Paragraphs.Sum(p => p.Length), slim.TextLength);
        Assert.Equal(document.TextLength, slim.TextLength);
        Assert.Equal((document.Id, document.Title, document.Published, document.Url, document.Signature), (slim.Id, slim.Title, slim.Published, slim.Url, slim.Signature));
        Assert.Same(slim, slim.WithoutText());
    }

    [Fact]
    public void WithoutText_EqualSourceOrAnother_HoldsTheEqualOneAndRefusesTheOther()
    {
        var document = DocumentFeaturesParallelTests.Documents(1)[0] with { Source = new DocumentSource("Harbor Times", "www.harbor.example") };
        var shared = new DocumentSource("Harbor Times", "www.harbor.example");

        var slim = document.WithoutText(shared);

        Assert.Same(shared, slim.Source);
        Assert.False(slim.HasText);
        Assert.Same(slim, slim.WithoutText(shared));
        Assert.Throws<ArgumentException>(() => document.WithoutText(new DocumentSource("Valley Post", null)));
    }
}
