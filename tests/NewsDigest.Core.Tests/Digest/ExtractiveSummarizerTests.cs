using NewsDigest.Digest;
using NewsDigest.Tests.Stories;

namespace NewsDigest.Tests.Digest;

public sealed class ExtractiveSummarizerTests
{
    private const string Body = """
        The city council approved a new transport plan on Tuesday that will add three tram lines and double the number of bus lanes by 2030.
        The plan, which costs 2.1 billion euros, was passed by 31 votes to 12 after a debate that lasted most of the day.
        Mayor Anna Berg said the tram lines would connect the northern suburbs to the city centre for the first time.
        Opposition councillors argued that the cost would force cuts to other services and called for a referendum on the plan.
        Subscribe to our newsletter for more city news.
        Construction of the first tram line is due to start next spring, according to the transport department.
        """;

    private static IReadOnlyList<string> Texts(IReadOnlyList<SummarySentence> summary) => [.. summary.Select(s => s.Text)];

    [Fact]
    public void Summarize_Article_TwoToFourSentencesFromTheText()
    {
        var document = StoryTestDocuments.Make("a", "Council approves transport plan", Body);

        var summary = ExtractiveSummarizer.Summarize([document], [], _ => 1.0);

        Assert.InRange(summary.Count, 2, 4);
        Assert.All(summary, s => Assert.Contains(s.Text, Body, StringComparison.Ordinal));
        Assert.DoesNotContain(summary, s => s.Text.Contains("newsletter", StringComparison.Ordinal));
        Assert.StartsWith("The city council approved", summary[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Summarize_SentencesAlreadySaid_AreLeftOut()
    {
        var document = StoryTestDocuments.Make("a", "Council approves transport plan", Body);
        var first = Texts(ExtractiveSummarizer.Summarize([document], [], _ => 1.0));

        var second = Texts(ExtractiveSummarizer.Summarize([document], first, _ => 1.0));

        Assert.NotEmpty(second);
        Assert.Empty(second.Intersect(first));
    }

    [Fact]
    public void Summarize_TwoCopiesOfOneArticle_NoRepeatedSentence()
    {
        var a = StoryTestDocuments.Make("a", "Council approves transport plan", Body);
        var b = StoryTestDocuments.Make("b", "Transport plan passes", Body);

        var summary = Texts(ExtractiveSummarizer.Summarize([a, b], [], _ => 1.0));

        Assert.Equal(summary.Count, summary.Distinct().Count());
    }

    [Fact]
    public void Summarize_TwoReports_EverySentenceCarriesTheDocumentItCameFrom()
    {
        var a = StoryTestDocuments.Make("a", "Council approves transport plan", Body);
        var b = StoryTestDocuments.Make("b", "Tram plan approved", """
            City councillors voted on Tuesday to build three tram lines and double the bus lanes, approving the transport plan.
            Local businesses in the northern suburbs welcomed the vote and said the trams would bring more customers to their shops.
            """);

        var summary = ExtractiveSummarizer.Summarize([a, b], [], _ => 1.0);

        var documents = new Dictionary<string, string> { ["a"] = Body, ["b"] = b.Paragraphs[0] + "\n" + b.Paragraphs[1] };
        Assert.All(summary, s => Assert.Contains(s.Text, documents[s.DocumentId], StringComparison.Ordinal));
    }

    [Fact]
    public void Summarize_DefinitionOfTheSubject_IsLeftOutAsBackground()
    {
        var document = StoryTestDocuments.Make("a", "Greece joins the Northern Rail Alliance", """
            Greece joined the Northern Rail Alliance on Monday, signing an agreement in Athens to link its freight network to the alliance's lines.
            The Northern Rail Alliance is a partnership of seven European rail operators formed in 2019 to share freight lines.
            The alliance aims to move a third of European freight from roads to rail lines by 2035.
            Greek transport minister Eleni Pappa said the rail agreement would cut freight costs for Greek exporters by a fifth.
            The first Greek freight trains on the alliance's lines are expected to run in September.
            """);

        var summary = Texts(ExtractiveSummarizer.Summarize([document], [], _ => 1.0));

        Assert.StartsWith("Greece joined the Northern Rail Alliance on Monday", summary[0], StringComparison.Ordinal);
        Assert.DoesNotContain(summary, s => s.Contains("is a partnership", StringComparison.Ordinal));
        Assert.DoesNotContain(summary, s => s.Contains("aims to", StringComparison.Ordinal));
    }

    [Fact]
    public void Summarize_SentenceNeedingItsAntecedent_ComesRightAfterItOrNotAtAll()
    {
        var document = StoryTestDocuments.Make("a", "Ministers meet in Melbourne", """
            On 1 May, the foreign and defence ministers of Australia and Korea met in Melbourne for their annual security talks.
            The talks covered joint exercises, weapons production and technology cooperation between the two countries.
            Some of the topics included joint military exercises, weapons production and technology cooperation in defence research.
            In particular, Korea would cooperate on defence research and weapons production with Australia under the technology agreement.
            The ministers signed a statement committing both countries to closer cooperation on technology and defence research.
            """);

        var summary = Texts(ExtractiveSummarizer.Summarize([document], [], _ => 1.0));

        Assert.StartsWith("On 1 May", summary[0], StringComparison.Ordinal);
        var paragraphs = document.Paragraphs.ToList();
        for (var i = 0; i < summary.Count; i++)
        {
            if (summary[i].StartsWith("Some of the topics", StringComparison.Ordinal) || summary[i].StartsWith("In particular", StringComparison.Ordinal))
            {
                // The sentence before it in the article is the one before it in the summary.
                Assert.True(i > 0, string.Join("\n", summary));
                Assert.Equal(paragraphs[paragraphs.IndexOf(summary[i]) - 1], summary[i - 1]);
            }
        }
    }

    [Fact]
    public void Summarize_DanglingOpeningSentences_NeverLead()
    {
        var document = StoryTestDocuments.Make("a", "Storm hits the coast", """
            It was the strongest storm to hit the coast in forty years, forecasters and coast guard officials said.
            Storm Ada struck the northern coast on Sunday night, flooding hundreds of homes and cutting power to 40,000 people.
            Emergency services rescued 120 people from flooded homes, the regional government said on Monday.
            """);

        var summary = Texts(ExtractiveSummarizer.Summarize([document], [], _ => 1.0));

        Assert.StartsWith("Storm Ada struck the northern coast", summary[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Summarize_QuotedReaction_ComesAfterTheFacts()
    {
        var document = StoryTestDocuments.Make("a", "Factory closes", """
            Carmaker Velo announced on Thursday that it will close its factory in Turin in March, cutting 1,200 jobs.
            “This is a dark day for the workers of Turin and their families,” union leader Marco Bassi said after the announcement.
            The factory, which opened in 1962, built 80,000 cars last year, down from 200,000 a decade ago.
            Velo said production would move to its plants in Spain and Poland, where costs are lower.
            """);

        var summary = Texts(ExtractiveSummarizer.Summarize([document], [], _ => 1.0));

        Assert.StartsWith("Carmaker Velo announced", summary[0], StringComparison.Ordinal);
        var quote = summary.ToList().FindIndex(s => s.StartsWith('\u201c'));
        Assert.True(quote is -1 || quote == summary.Count - 1, string.Join("\n", summary));
    }

    [Fact]
    public void Summarize_UpdateToAStory_SaysWhatIsNewFirstAndRepeatsNothingSent()
    {
        var first = StoryTestDocuments.Make("a", "Council approves transport plan", Body);
        var said = Texts(ExtractiveSummarizer.Summarize([first], [], _ => 1.0));
        var follow = StoryTestDocuments.Make("b", "Court halts tram plan", """
            A regional court on Friday suspended the city's transport plan after residents of the northern suburbs challenged the tram route.
            The city council approved a new transport plan on Tuesday that will add three tram lines and double the number of bus lanes by 2030.
            The plan, which costs 2.1 billion euros, was passed by 31 votes to 12 after a debate that lasted most of the day.
            Judge Clara Holm said the council had not consulted residents on the route as the law requires, and ordered a new consultation.
            Mayor Anna Berg said the city would appeal the ruling and still expected construction to start next spring.
            """);

        var update = Texts(ExtractiveSummarizer.Summarize([follow], said, _ => 1.0));

        Assert.StartsWith("A regional court on Friday suspended", update[0], StringComparison.Ordinal);
        Assert.Empty(update.Intersect(said));
        Assert.DoesNotContain(update, s => s.StartsWith("The city council approved", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("The AUKUS \u2014 an acronym for Australia, the U.K. and the U.S. \u2014 is a trilateral security partnership formed among the three countries in 2021.", true)]
    [InlineData("Pillar 2 of the AUKUS aims to share advanced military technology in areas such as hypersonic missiles.", true)]
    [InlineData("AUKUS stands for Australia, the U.K., and the U.S.", true)]
    [InlineData("Defense Minister Shin Won-sik said on Wednesday that the two countries discussed the pact in Melbourne.", false)]
    public void Classify_Sentence_TellsBackgroundFromTheDevelopment(string sentence, bool background)
    {
        var traits = SentenceTraits.Classify(sentence, NewsDigest.Stories.TextTokens.Words(sentence));

        Assert.Equal(background, traits.HasFlag(SentenceTrait.Background));
    }

    [Theory]
    [InlineData("Some of the topics included joint military exercises such as the 2023 Talisman Sabre.", true)]
    [InlineData("In particular, South Korea would cooperate with the US, UK and Australia.", true)]
    [InlineData("Kim also noted that the government is exploring the deployment of a monitoring team.", true)]
    [InlineData("He said the talks went well.", true)]
    [InlineData("This year the talks were held in Seoul for the first time.", false)]
    [InlineData("South Korea welcomed the consideration of Seoul as a partner of the pact.", false)]
    public void Classify_Sentence_FindsThoseThatNeedTheSentenceBefore(string sentence, bool dangling)
    {
        var traits = SentenceTraits.Classify(sentence, NewsDigest.Stories.TextTokens.Words(sentence));

        Assert.Equal(dangling, traits.HasFlag(SentenceTrait.Dangling));
    }
}
