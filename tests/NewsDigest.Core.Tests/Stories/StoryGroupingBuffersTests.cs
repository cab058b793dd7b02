using NewsDigest.Normalization;
using NewsDigest.Stories;

namespace NewsDigest.Tests.Stories;

/// <summary>The allocation-light paths of grouping give what the plain ones give.</summary>
public sealed class StoryGroupingBuffersTests
{
    [Fact]
    public void ContentForm_SpanOfEveryWordOfTheSeeds_SameAsTheStringForm()
    {
        var compared = 0;
        foreach (var document in StoryTestDocuments.Seeds().Values)
        {
            foreach (var word in document.Paragraphs.Prepend(document.Title).SelectMany(TextTokens.Words))
            {
                var expected = TextTokens.ContentForm(word) ?? string.Empty;
                Assert.Equal(expected, TextTokens.ContentForm(word.ToCharArray().AsSpan()).ToString());
                compared++;
            }
        }

        Assert.True(compared > 1000);
    }

    [Theory]
    [InlineData("companies", "company")]
    [InlineData("classes", "class")]
    [InlineData("talks", "talk")]
    [InlineData("the", "")]
    [InlineData("2024", "")]
    public void ContentForm_Span_FoldsLikeTheStringForm(string word, string expected)
    {
        Assert.Equal(expected, TextTokens.ContentForm(word.ToCharArray().AsSpan()).ToString());
        Assert.Equal(expected, TextTokens.ContentForm(word) ?? string.Empty);
    }

    [Fact]
    public void Offer_ManyStories_KeepsTheFirstOfAFullSort()
    {
        var random = new Random(7);
        var candidates = new StoryCandidates();
        for (var round = 0; round < 50; round++)
        {
            candidates.Clear();
            var hits = new Dictionary<int, int>();
            var stories = random.Next(1, 200);
            for (var i = 0; i < stories * 3; i++)
            {
                var story = random.Next(stories);
                var weight = random.Next(1, 3);
                candidates.Count(story, weight);
                hits[story] = hits.GetValueOrDefault(story) + weight;
            }

            foreach (var story in candidates.Touched)
            {
                candidates.Offer(story);
            }

            var expected = hits
                .OrderByDescending(h => h.Value)
                .ThenByDescending(h => h.Key)
                .Take(StoryClusterer.MaxCandidates)
                .Select(h => (h.Value, h.Key))
                .ToList();
            Assert.Equal(expected, candidates.Best.ToArray());
        }
    }

    [Fact]
    public void Similarity_ArrayAndListSignatures_SameEstimate()
    {
        var random = new Random(11);
        var a = new uint[NearDuplicateSignature.Length];
        var b = new uint[NearDuplicateSignature.Length];
        for (var i = 0; i < a.Length; i++)
        {
            a[i] = (uint)random.Next(4);
            b[i] = (uint)random.Next(4);
        }

        var fromArrays = new NearDuplicateSignature(a).Similarity(new NearDuplicateSignature(b));
        var fromLists = new NearDuplicateSignature(a.ToList()).Similarity(new NearDuplicateSignature(b.ToList()));
        var expected = (double)a.Zip(b).Count(p => p.First == p.Second) / a.Length;
        Assert.Equal(expected, fromArrays);
        Assert.Equal(expected, fromLists);
    }

    [Fact]
    public void Group_SeedsAndReports_EntitiesOrderedAsGroupingEveryMention()
    {
        var documents = StoryTestDocuments.Seeds().Values.ToList();
        for (var i = 0; i < 4; i++)
        {
            documents.Add(StoryTestDocuments.Make(
                $"r{i}",
                "Defense Minister Shin Won-sik meets Pentagon chief in Seoul",
                "Defense Minister Shin Won-sik met US Defense Secretary Lloyd Austin in Seoul on Monday. " +
                $"Shin said the alliance with the United States was strong. Austin praised Korea. Round {i} of talks in Seoul."));
        }

        var grouping = StoryClusterer.Group(documents, []);
        foreach (var group in grouping.Groups)
        {
            var expected = group.Documents
                .SelectMany(d => EntityExtractor.Extract(d.Title, d.Paragraphs))
                .GroupBy(e => e.Key, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count())
                .Select(g => g.OrderByDescending(e => e.Kind != EntityKind.Other).First())
                .ToList();
            Assert.Equal(expected, group.Entities);
        }

        Assert.Contains(grouping.Groups, g => g.Documents.Count >= 4);
    }
}
