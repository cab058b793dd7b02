using NewsDigest.Digest;
using NewsDigest.Stories;

namespace NewsDigest.Tests.Digest;

public sealed class EntryNamesTests
{
    [Fact]
    public void Of_StoryWithThousandsOfNames_TheMostMentionedFullNamesUpToTheMaximum()
    {
        // Most mentioned first: each full name, then its surname alone, then thousands named once.
        var entities = new List<NamedEntity>();
        for (var i = 0; i < 3000; i++)
        {
            entities.Add(new NamedEntity($"Anna Berg{i}", EntityKind.Person));
            entities.Add(new NamedEntity($"Berg{i}", EntityKind.Person));
        }

        var people = EntryNames.Of(entities, EntityKind.Person, 6);

        Assert.Equal(["Anna Berg0", "Anna Berg1", "Anna Berg2", "Anna Berg3", "Anna Berg4", "Anna Berg5"], people);
    }

    [Theory]
    [InlineData("SMA", "Special  Measures Agreement", true)]
    [InlineData("SMA", "Special Measures", false)]
    [InlineData("SM", "Special Measures Agreement", false)]
    [InlineData("Sma", "Special Measures Agreement", false)]
    [InlineData("KIDA", "Korea Institute for Defense Analyses", true)]
    public void IsAcronymOf_InitialsOfTheCapitalisedWords_OnlyWhenAllMatch(string name, string full, bool expected)
    {
        Assert.Equal(expected, EntryNames.IsAcronymOf(name, full));
    }
}
