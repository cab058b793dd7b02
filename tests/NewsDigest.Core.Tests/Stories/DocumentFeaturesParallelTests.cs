using NewsDigest.Stories;

namespace NewsDigest.Tests.Stories;

/// <summary>Features read in parallel are the ones reading one document after another gives, ids included.</summary>
public sealed class DocumentFeaturesParallelTests
{
    [Theory]
    [InlineData(600)]
    [InlineData(1700)]
    public void BuildAll_SeveralBlocks_SameFeaturesAsBuildingOneByOne(int count)
    {
        // Blocks of 512 on two cores: one block given ids while the next is read, and a last block part full.
        var documents = Documents(count);
        var parallelVocabulary = new StoryVocabulary();
        var parallel = DocumentFeatures.BuildAll(documents, parallelVocabulary);
        var sequentialVocabulary = new StoryVocabulary();
        var sequential = documents.Select(d => DocumentFeatures.Build(d, sequentialVocabulary)).ToArray();

        Assert.Equal(sequential.Length, parallel.Length);
        for (var i = 0; i < sequential.Length; i++)
        {
            Assert.Same(documents[i], parallel[i].Document);
            AssertSameFeatures(sequential[i], parallel[i]);
        }

        Assert.Equal(sequentialVocabulary.InverseDocumentFrequencies(), parallelVocabulary.InverseDocumentFrequencies());
        Assert.Equal(sequentialVocabulary.Term(sequential[^1].TermIds[^1]), parallelVocabulary.Term(parallel[^1].TermIds[^1]));
    }

    [Fact]
    public void Read_OneReaderOverSeveralCalls_SameFeaturesAsOneCall()
    {
        // The reader keeps its drafts from call to call: what an earlier call read must not leak into a later one.
        var documents = Documents(1300);
        var whole = DocumentFeatures.BuildAll(documents, new StoryVocabulary());
        var vocabulary = new StoryVocabulary();
        var reader = new DocumentFeatureReader(vocabulary);
        var parts = reader.Read(documents[..700]).Concat(reader.Read(documents[700..701])).Concat(reader.Read(documents[701..], keepText: false)).ToArray();

        Assert.Equal(whole.Length, parts.Length);
        for (var i = 0; i < whole.Length; i++)
        {
            Assert.Equal(whole[i].TermIds, parts[i].TermIds);
            Assert.Equal(whole[i].TermWeights, parts[i].TermWeights);
            Assert.Equal(whole[i].LeadIds, parts[i].LeadIds);
            Assert.Equal(whole[i].EntityIds, parts[i].EntityIds);
            Assert.Equal(whole[i].MentionedDays, parts[i].MentionedDays);
            Assert.Equal(i < 701, parts[i].Document.HasText);
            Assert.Equal(documents[i].Id, parts[i].Document.Id);
        }
    }

    [Fact]
    public void Add_SmallBlocks_EachBlockGivenIdsByTheNextCallAndTheLastByFinish()
    {
        // Blocks of 128 as the composer hands a large window over: each read while the block before is given ids.
        var documents = Documents(700);
        var whole = DocumentFeatures.BuildAll(documents, new StoryVocabulary());
        var reader = new DocumentFeatureReader(new StoryVocabulary());
        var features = new List<DocumentFeatures>();
        var counts = new List<int>();
        foreach (var block in documents.Chunk(128))
        {
            reader.Add(block, keepText: false, features);
            counts.Add(features.Count);
        }

        reader.Finish(features);

        Assert.Equal([0, 128, 256, 384, 512, 640], counts);
        Assert.Equal(whole.Length, features.Count);
        for (var i = 0; i < whole.Length; i++)
        {
            Assert.Equal(documents[i].Id, features[i].Document.Id);
            Assert.False(features[i].Document.HasText);
            AssertSameFeatures(whole[i], features[i]);
        }
    }

    /// <summary>Every feature of <paramref name="actual"/> is that of <paramref name="expected"/>, vocabulary ids included.</summary>
    internal static void AssertSameFeatures(DocumentFeatures expected, DocumentFeatures actual)
    {
        Assert.Equal(expected.TermIds, actual.TermIds);
        Assert.Equal(expected.TermWeights, actual.TermWeights);
        Assert.Equal(expected.LeadIds, actual.LeadIds);
        Assert.Equal(expected.LeadWeights, actual.LeadWeights);
        Assert.Equal(expected.Entities, actual.Entities);
        Assert.Equal(expected.EntityIds, actual.EntityIds);
        Assert.Equal(expected.HeadlinePeople, actual.HeadlinePeople);
        Assert.Equal(expected.Shingles, actual.Shingles);
        Assert.Equal(expected.PublishedDays, actual.PublishedDays);
        Assert.Equal(expected.MentionedDays, actual.MentionedDays);
        Assert.Equal(expected.MentionedYears, actual.MentionedYears);
    }

    /// <summary>Documents from the seeds' paragraphs in turn, each with words of its own so that ids keep appearing.</summary>
    internal static List<StoryDocument> Documents(int count)
    {
        var seeds = StoryTestDocuments.Seeds().Values.ToList();
        var documents = new List<StoryDocument>(count);
        for (var i = 0; i < count; i++)
        {
            var seed = seeds[i % seeds.Count];
            var paragraphs = seed.Paragraphs.Skip(i % 3).Append($"Mayor Anna Kowal{i} said the plan{i} starts on Monday, May {1 + (i % 28)}, 2025.");
            documents.Add(StoryTestDocuments.Make(
                $"doc-{i}",
                $"Anna Kowal{i} on {seed.Title}",
                string.Join("\n", paragraphs),
                i % 4 == 0 ? null : StoryTestDocuments.IngestedAt.AddDays(-(i % 9))));
        }

        return documents;
    }
}
