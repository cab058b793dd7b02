using NewsDigest.Stories;

namespace NewsDigest.Tests.Stories;

public sealed class RankedTermsTests
{
    [Fact]
    public void RankedTerms_ReadInOrderAndByTerm_GivesTheWeightsItWasMadeWith()
    {
        var terms = new RankedTerms(["seamicro", "amd", "microservers"], [0.5f, 0.25f, 0.25f]);

        Assert.Equal(3, terms.Count);
        Assert.Equal(["seamicro", "amd", "microservers"], terms.Keys);
        Assert.Equal([0.5f, 0.25f, 0.25f], terms.Values);
        Assert.Equal([new("seamicro", 0.5f), new("amd", 0.25f), new KeyValuePair<string, float>("microservers", 0.25f)], terms);
        Assert.True(terms.TryGetValue("amd", out var weight));
        Assert.Equal(0.25f, weight);
        Assert.False(terms.ContainsKey("intel"));
        Assert.Throws<KeyNotFoundException>(() => terms["intel"]);
        Assert.Equal(new Dictionary<string, float>(terms, StringComparer.Ordinal)["microservers"], terms["microservers"]);
    }

    [Fact]
    public void ToGroup_StoryOfSeveralReports_RemembersItsHeaviestTermsHeaviestFirst()
    {
        var seeds = StoryTestDocuments.Seeds();

        var grouping = StoryClusterer.Group([.. seeds.Values], []);

        foreach (var group in grouping.Groups)
        {
            foreach (var terms in new[] { group.Profile.Terms, group.Profile.LeadTerms })
            {
                var weights = terms.Values.ToArray();
                Assert.NotEmpty(weights);
                Assert.True(weights.Length <= StoryClusterer.MaxCentroidTerms);
                Assert.All(weights.Zip(weights.Skip(1)), pair => Assert.True(pair.First >= pair.Second));
                Assert.Equal(terms.Count, terms.Keys.Distinct(StringComparer.Ordinal).Count());
            }
        }
    }
}
