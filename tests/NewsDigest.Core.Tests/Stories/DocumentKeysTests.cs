using NewsDigest.Stories;

namespace NewsDigest.Tests.Stories;

/// <summary>A document's index keys, worked out into an array of their own or into its slot of a block's array.</summary>
public sealed class DocumentKeysTests
{
    [Fact]
    public void KeysInto_EverySlotOfOneBlock_SameKeysAsAnArrayOfTheirOwn()
    {
        var documents = DocumentFeaturesParallelTests.Documents(40);
        var vocabulary = new StoryVocabulary();
        var features = DocumentFeatures.BuildAll(documents, vocabulary);
        var idf = vocabulary.InverseDocumentFrequencies();
        var keyIdf = vocabulary.SharedTermIdf();
        var expected = features.Select(f => f.Keys(idf, keyIdf).ToArray()).ToArray();
        var block = new long[features.Length * DocumentFeatures.MaxKeys];

        for (var i = 0; i < features.Length; i++)
        {
            features[i].ForgetKeys();
            features[i].KeysInto(block, i, idf, keyIdf);
        }

        // Read back only once every slot is written: a slot that overran its neighbour would show here.
        Assert.Contains(expected, keys => keys.Length > 0);
        for (var i = 0; i < features.Length; i++)
        {
            Assert.Equal(expected[i], features[i].Keys(idf, keyIdf).ToArray());
        }
    }

    [Fact]
    public void ForgetKeys_AfterKeysInto_KeysWorkedOutAgainIntoAnArrayOfTheirOwn()
    {
        var documents = DocumentFeaturesParallelTests.Documents(3);
        var vocabulary = new StoryVocabulary();
        var features = DocumentFeatures.BuildAll(documents, vocabulary);
        var idf = vocabulary.InverseDocumentFrequencies();
        var keyIdf = vocabulary.SharedTermIdf();
        var block = new long[DocumentFeatures.MaxKeys];
        features[0].KeysInto(block, 0, idf, keyIdf);
        var expected = features[0].Keys(idf, keyIdf).ToArray();

        features[0].ForgetKeys();
        Array.Fill(block, -1);

        // The block is the next one's by now: the keys must not be read from it.
        Assert.Equal(expected, features[0].Keys(idf, keyIdf).ToArray());
    }
}
