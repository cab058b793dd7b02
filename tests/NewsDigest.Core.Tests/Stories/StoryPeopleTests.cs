using System.Globalization;
using NewsDigest.Stories;

namespace NewsDigest.Tests.Stories;

public sealed class StoryPeopleTests
{
    private static readonly string[] Names =
    [
        "Jamal Williams", "JACKSON", "Jean-Luc Picard", "Mesut Özil", "Conor O'Neil", "Ana de la Cruz", "Björn Ångström",
        "Williams", "Zoë Saldaña", "İlkay Gündoğan", "Li Na", "Chargers",
    ];

    private static readonly string[] TitleWords =
    [
        "Chargers'", "Jackson's", "WILLIAMS", "arrested", "O'Neil", "Picard,", "Jean-Luc", "Özil:", "cruz", "la", "ÅNGSTRÖM",
        "saldaña's", "gündoğan", "Na", "win", "(Williams)", "Li-Na", "DUI", "2026", "Williamson", "Jacksonville", "Naomi",
    ];

    [Fact]
    public void ReportPeopleRead_RandomPeopleAndHeadlines_SurnamesAndHeadlineWordsAsTheWordSetGives()
    {
        var random = new Random(17);
        for (var round = 0; round < 500; round++)
        {
            var title = string.Join(' ', Enumerable.Range(0, random.Next(0, 9)).Select(_ => TitleWords[random.Next(TitleWords.Length)]));
            var entities = Enumerable.Range(0, random.Next(0, 6))
                .Select(_ => new NamedEntity(Names[random.Next(Names.Length)], random.Next(4) == 0 ? EntityKind.Organisation : EntityKind.Person))
                .ToArray();

            var people = StoryPeople.ReportPeople.Read(Report(title, entities));

            var (named, headline) = Expected(title, entities);
            Assert.Equal(named, people.Named);
            Assert.Equal(headline, people.Headline);
        }
    }

    [Fact]
    public void ReportPeopleRead_PeopleNamedInTheHeadline_KeepsTheEntitiesOwnSurnameStrings()
    {
        NamedEntity[] entities =
        [
            new("Jamal Williams", EntityKind.Person), new("Chargers", EntityKind.Organisation),
            new("JACKSON", EntityKind.Person), new("Jamal Williams", EntityKind.Person),
        ];

        var people = StoryPeople.ReportPeople.Read(Report("Chargers' Jackson and Williams arrested", entities));

        Assert.Equal(["williams", "jackson"], people.Named);
        Assert.Same(entities[0].Surname, people.Named[0]);
        Assert.Same(entities[2].Surname, people.Named[1]);
        Assert.Same(entities[0].Surname, people.Headline[0]);
        Assert.Same(entities[2].Surname, people.Headline[1]);
    }

    [Theory]
    [InlineData("Jamal Williams", 1, "williams")]
    [InlineData("Ana de la Cruz", 1, "cruz")]
    [InlineData("JACKSON", 1, "jackson")]
    [InlineData("San Diego Chargers", 2, null)]
    [InlineData("San Diego", 3, null)]
    [InlineData("Pillar 2", 0, null)]
    public void NamedEntitySurname_OfEachKind_LastWordOfAPersonsKeyOnly(string name, int kindNumber, string? surname)
    {
        var kind = (EntityKind)kindNumber;
        var entity = new NamedEntity(name, kind);

        Assert.Equal(surname, entity.Surname);
        Assert.Equal(entity, new NamedEntity(name, kind));
        Assert.NotEqual(entity, new NamedEntity(name, kind == EntityKind.Person ? EntityKind.Other : EntityKind.Person));
    }

    [Fact]
    public void NamedEntitySurname_OneWordName_TheKeyItself()
    {
        var entity = new NamedEntity("Jackson", EntityKind.Person);

        Assert.Same(entity.Key, entity.Surname);
    }

    /// <summary>The people of a report as a set of its headline's words and a lowered copy of each surname give them.</summary>
    private static (string[] Named, string[] Headline) Expected(string title, NamedEntity[] entities)
    {
        var titleWords = TextTokens.Words(title).ToHashSet(StringComparer.Ordinal);
        var named = new List<string>();
        var headline = new List<string>();
        foreach (var entity in entities.Where(e => e.Kind == EntityKind.Person))
        {
            var surname = entity.Name[(entity.Name.LastIndexOf(' ') + 1)..].ToLower(CultureInfo.InvariantCulture);
            if (named.Contains(surname))
            {
                continue;
            }

            named.Add(surname);
            if (titleWords.Contains(surname))
            {
                headline.Add(surname);
            }
        }

        return ([.. named], [.. headline]);
    }

    private static DocumentFeatures Report(string title, NamedEntity[] entities) => new()
    {
        Document = StoryTestDocuments.Make("r", title, "The body of the report."),
        TermIds = [],
        TermWeights = [],
        Entities = entities,
        EntityIds = new int[entities.Length],
        Shingles = 0,
        LeadIds = [],
        LeadWeights = [],
        PublishedDays = [],
        MentionedDays = [],
        MentionedYears = [],
        HeadlinePeople = [],
    };
}
