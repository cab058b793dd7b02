using NewsDigest.Stories;

namespace NewsDigest.Tests.Stories;

public sealed class ReportVectorsTests
{
    [Fact]
    public void Of_OneStoryThenAnother_EachReportsOwnWeightedTerms()
    {
        var vocabulary = new StoryVocabulary();
        var features = DocumentFeatures.BuildAll(DocumentFeaturesParallelTests.Documents(9), vocabulary);
        var idf = vocabulary.InverseDocumentFrequencies();
        var vectors = new ReportVectors();

        foreach (var story in new[] { features[..3].ToList(), features[3..5].ToList(), features[5..].ToList() })
        {
            vectors.Forget();
            var loaded = vectors.Of(story, idf);
            Assert.Same(loaded, vectors.Of(story, idf));
            AssertLoaded(story, loaded, idf);
        }
    }

    [Fact]
    public void Of_StoryGrownSinceLoaded_LoadsItsReportsAgain()
    {
        var vocabulary = new StoryVocabulary();
        var features = DocumentFeatures.BuildAll(DocumentFeaturesParallelTests.Documents(6), vocabulary);
        var idf = vocabulary.InverseDocumentFrequencies();
        var vectors = new ReportVectors();
        var story = features[..2].ToList();
        vectors.Of(story, idf);

        story.Add(features[4]);

        AssertLoaded(story, vectors.Of(story, idf), idf);
    }

    private static void AssertLoaded(List<DocumentFeatures> reports, IReadOnlyList<(WeightedTerms Terms, WeightedTerms Lead)> loaded, float[] idf)
    {
        for (var r = 0; r < reports.Count; r++)
        {
            var terms = WeightedTerms.Of(reports[r].TermIds, reports[r].TermWeights, idf);
            var lead = WeightedTerms.Of(reports[r].LeadIds, reports[r].LeadWeights, idf);
            Assert.Same(reports[r].TermIds, loaded[r].Terms.Ids);
            Assert.Equal(terms.Weighted.ToArray(), loaded[r].Terms.Weighted.ToArray());
            Assert.Equal(terms.NormSquared, loaded[r].Terms.NormSquared);
            Assert.Same(reports[r].LeadIds, loaded[r].Lead.Ids);
            Assert.Equal(lead.Weighted.ToArray(), loaded[r].Lead.Weighted.ToArray());
        }
    }
}
