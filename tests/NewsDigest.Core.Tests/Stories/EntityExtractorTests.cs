using NewsDigest.Stories;

namespace NewsDigest.Tests.Stories;

public sealed class EntityExtractorTests
{
    [Fact]
    public void Extract_NewsParagraph_ClassifiesPeopleOrganisationsAndPlaces()
    {
        var entities = EntityExtractor.Extract(
            "Seoul weighs AUKUS role",
            [
                "South Korea was asked to join AUKUS Pillar II, according to Kim Tae-hyo, first deputy director of the National Security Office.",
                "Kim also noted that the Yoon administration sees a need to observe the war in Ukraine. Defense Minister Shin Won-sik spoke in Melbourne.",
            ]);

        Assert.Contains(entities, e => e is { Name: "Kim Tae-hyo", Kind: EntityKind.Person });
        Assert.Contains(entities, e => e is { Name: "Shin Won-sik", Kind: EntityKind.Person });
        Assert.Contains(entities, e => e is { Name: "AUKUS", Kind: EntityKind.Organisation });
        Assert.Contains(entities, e => e is { Name: "National Security Office", Kind: EntityKind.Organisation });
        Assert.Contains(entities, e => e is { Name: "Melbourne", Kind: EntityKind.Place });
        Assert.Contains(entities, e => e is { Name: "Ukraine", Kind: EntityKind.Place });
        Assert.Contains(entities, e => e is { Name: "South Korea", Kind: EntityKind.Place });
        Assert.DoesNotContain(entities, e => e.Name is "Kim" or "Defense" or "Defense Minister");
    }

    [Fact]
    public void Extract_AliasesOfOneCountry_OneEntity()
    {
        var entities = EntityExtractor.Extract("Talks", ["Officials from the U.S. and the United States Army met British and UK diplomats."]);

        Assert.Single(entities, e => e.Name == "United States");
        Assert.Single(entities, e => e.Name == "United Kingdom");
    }

    [Fact]
    public void Extract_SentenceInitialOrdinaryWords_AreNotNames()
    {
        var entities = EntityExtractor.Extract("Budget", ["However, the plan failed. Although markets rose, nothing changed in the budget."]);

        Assert.DoesNotContain(entities, e => e.Name is "However" or "Although");
    }

    [Theory]
    [InlineData("Harbour Bridge reopened on Monday. Ferries crossed the harbour all week.", "Bridge", "Harbour Bridge")]
    [InlineData("Harbour Bridge reopened on Monday. Ferries crossed the bay all week.", "Harbour Bridge", "Bridge")]
    public void Extract_SentenceInitialWord_LeftOutOfTheNameOnlyWhenWrittenLowerCase(string paragraph, string expected, string absent)
    {
        var entities = EntityExtractor.Extract("Traffic", [paragraph]);

        Assert.Contains(entities, e => e.Name == expected);
        Assert.DoesNotContain(entities, e => e.Name == absent);
    }

    [Fact]
    public void Extract_BuffersReusedAcrossDocuments_SameNamesAsFreshBuffers()
    {
        // One name in different company: a person after a title, a plain name without a cue, a place and an organisation.
        (string Title, string[] Paragraphs)[] documents =
        [
            ("Talks", ["Park Min-jun visited Seoul Tower with officials of the Korea Times."]),
            ("Visit", ["Foreign Minister Park Min-jun met Reuters. Park Min-jun said the talks went well."]),
            ("Seoul Tower", ["Seoul Tower reopened. Park Min-jun and the Korea Times Group were there, Park said."]),
            ("Talks", ["Park Min-jun visited Seoul Tower with officials of the Korea Times."]),
        ];
        var buffers = new EntityExtractionBuffers();

        foreach (var (title, paragraphs) in documents)
        {
            var reused = EntityExtractor.Extract(title, paragraphs, buffers);
            var fresh = EntityExtractor.Extract(title, paragraphs);

            Assert.Equal(fresh, reused);
        }
    }

    [Fact]
    public void Extract_HyphenatedCompound_IsNotAPerson()
    {
        var entities = EntityExtractor.Extract("Alliance", ["It is more like a new Cold War-era military alliance, Doo Jin-ho said."]);

        Assert.DoesNotContain(entities, e => e.Kind == EntityKind.Person && e.Name.Contains("War", StringComparison.Ordinal));
        Assert.Contains(entities, e => e is { Name: "Doo Jin-ho", Kind: EntityKind.Person });
    }
}
