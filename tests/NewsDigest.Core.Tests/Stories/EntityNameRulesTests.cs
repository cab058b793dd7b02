using NewsDigest.Digest;
using NewsDigest.Stories;

namespace NewsDigest.Tests.Stories;

/// <summary>Names as an entry lists them: no common abbreviations, variants merged, multi-word names whole.</summary>
public sealed class EntityNameRulesTests
{
    [Theory]
    [InlineData("AI")]
    [InlineData("CEO")]
    [InlineData("GDP")]
    [InlineData("IFV")]
    public void Extract_CommonAbbreviation_IsNotAnOrganisation(string abbreviation)
    {
        var entities = EntityExtractor.Extract(
            "Talks",
            [$"The ministers agreed to cooperate on {abbreviation} and quantum technology, officials of Samsung said on Monday."]);

        Assert.DoesNotContain(entities, e => e.Name == abbreviation);
        Assert.Contains(entities, e => e is { Name: "Samsung", Kind: EntityKind.Organisation });
    }

    [Theory]
    [InlineData("Center for Security and Strategy")]
    [InlineData("Korea Institute for Defense Analyses")]
    [InlineData("Ministry of Trade and Industry")]
    public void Extract_MultiWordOrganisation_KeptWhole(string name)
    {
        var entities = EntityExtractor.Extract(
            "Experts",
            [$"\u201cThe pact matters,\u201d said Park Jin, a researcher at the {name}, in an interview on Tuesday."]);

        Assert.Contains(entities, e => e.Name == name && e.Kind == EntityKind.Organisation);
    }

    [Fact]
    public void Extract_PluralTitleAfterQualifier_IsNotAPerson()
    {
        var entities = EntityExtractor.Extract(
            "Talks",
            ["On 1 May, Australia and South Korea concluded the Foreign and Defense Ministers\u2019 (2+2) Meeting in Melbourne.",
             "Defense Minister Shin Won-sik said the talks went well. Defense officials agreed."]);

        Assert.DoesNotContain(entities, e => e.Kind == EntityKind.Person && e.Name.Contains("Ministers", StringComparison.Ordinal));
        Assert.Contains(entities, e => e is { Name: "Shin Won-sik", Kind: EntityKind.Person });
    }

    [Fact]
    public void Extract_ChurchAndTitledPerson_OrganisationAndPersonWithoutTheTitle()
    {
        var entities = EntityExtractor.Extract(
            "Fire",
            ["A fire damaged Wasilla Bible Church, attended by Alaska Gov. Sarah Palin, the former VP candidate, on Friday.",
             "Fire Chief James Steele said the damage was severe. Palin said she was sorry."]);

        Assert.Contains(entities, e => e is { Name: "Wasilla Bible Church", Kind: EntityKind.Organisation });
        Assert.Contains(entities, e => e is { Name: "Sarah Palin", Kind: EntityKind.Person });
        Assert.Contains(entities, e => e is { Name: "James Steele", Kind: EntityKind.Person });
        Assert.DoesNotContain(entities, e => e.Kind == EntityKind.Person && e.Name.Contains("Gov", StringComparison.Ordinal));
        Assert.DoesNotContain(entities, e => e.Name == "VP");
    }

    [Fact]
    public void Extract_TwoNamesJoinedByAnd_StaySeparate()
    {
        var entities = EntityExtractor.Extract("Talks", ["Officials of the Defense Ministry and Japan met in Tokyo on Monday."]);

        Assert.DoesNotContain(entities, e => e.Name.Contains(" and ", StringComparison.Ordinal));
        Assert.Contains(entities, e => e.Name == "Japan");
    }

    [Fact]
    public void Of_ShortAndFullNameOfOneCompany_ListedOnceByTheFullName()
    {
        var entities = EntityExtractor.Extract(
            "Shipbuilding",
            ["Hanwha Group bid for the shipbuilder Austral on Wednesday. Hanwha said the bid would stand, according to officials of Hanwha."]);

        var organisations = EntryNames.Of(entities, EntityKind.Organisation, 6);

        Assert.Contains("Hanwha Group", organisations);
        Assert.DoesNotContain("Hanwha", organisations);
    }

    [Fact]
    public void Of_AcronymInBracketsAfterTheFullName_NotListedAsAnOrganisation()
    {
        var entities = EntityExtractor.Extract(
            "Defence costs",
            ["Trump may seek to renegotiate the Special Measures Agreement (SMA) with Washington, officials of Samsung said."]);

        Assert.Contains(entities, e => e.Name == "Special Measures Agreement");
        Assert.DoesNotContain("SMA", EntryNames.Of(entities, EntityKind.Organisation, 6));
    }

    [Theory]
    [InlineData("Hanwha", "Hanwha Group", "organisation", true)]
    [InlineData("SMA", "Special Measures Agreement", "organisation", true)]
    [InlineData("Shin", "Shin Won-sik", "person", true)]
    [InlineData("AUKUS", "AUKUS Pillar 2", "organisation", false)]
    [InlineData("Korea", "Korea Institute for Defense Analyses", "organisation", false)]
    [InlineData("NATO", "National Security Office", "organisation", false)]
    public void IsShortFormOf_Names_RecognisesVariantsOfOneName(string name, string full, string kind, bool expected)
    {
        Assert.Equal(expected, EntryNames.IsShortFormOf(name, full, kind == "person" ? EntityKind.Person : EntityKind.Organisation));
    }
}
