using NewsDigest.Digest;
using NewsDigest.Stories;
using NewsDigest.Tests.Stories;

namespace NewsDigest.Tests.Digest;

public sealed class SummaryWorkspaceTests
{
    private static readonly string[] Sentences =
    [
        "The city council approved a new transport plan on Tuesday that will add three tram lines.",
        "Zürich's mayor said the co-operation with İstanbul would start in 2027, and \u201cit's overdue.\u201d",
        "THE UNION'S LEADERS don't accept the 2.1 billion euro offer, the spokeswoman told reporters.",
        "Ølen-based Skåne Ënergi ÉLAN Ltd. posted record profits; analysts' forecasts were beaten by 12%.",
        "\u201cWe will not stop,\u201d said the strikers' representative \u2014 a nurse from the northern suburbs.",
    ];

    private static string Story(int n) => $"""
        The regional assembly in Velmora approved a plan number {n} on the harbour dredging on Monday after a long debate.
        Officials from the port authority said the dredging of berth {n} would begin within six months of the vote.
        Critics argued the plan ignored the fishing fleet and would raise the cost of moorings in the harbour.
        The assembly also set aside money for a study of the sea wall, which was damaged in the storms last winter.
        """;

    [Fact]
    public void Read_Sentences_SameWordsAndContentTermsAsTextTokens()
    {
        var workspace = new SummaryWorkspace(_ => 1.0);
        foreach (var sentence in Sentences)
        {
            workspace.Read(sentence);

            Assert.Equal(TextTokens.Words(sentence), workspace.SentenceWords.Select(workspace.Word));
            Assert.Equal(TextTokens.ContentWords(sentence), workspace.SentenceTerms.Select(workspace.Term));
        }
    }

    [Fact]
    public void IsStatement_CapitalsCountedWhileReading_SameVerdictAsCountedAlone()
    {
        var workspace = new SummaryWorkspace(_ => 1.0);
        string[] sentences = [.. Sentences, "SHOUTING HEADLINE ABOUT THE VOTE TODAY.", "He said \u201cit is over.", "Subscribe to our newsletter for more city news."];
        foreach (var sentence in sentences)
        {
            workspace.Read(sentence);

            Assert.Equal(SentenceFilter.IsStatement(sentence), SentenceFilter.IsStatement(sentence, workspace.Marks));
        }
    }

    [Fact]
    public void Summarize_WorkspaceSharedAcrossStories_SameSummaryAsAFreshOne()
    {
        var first = StoryTestDocuments.Make("a1", "Assembly approves dredging", Story(1));
        var second = StoryTestDocuments.Make("b1", "Port plan approved", Story(2));
        var copy = StoryTestDocuments.Make("b2", "Port plan approved", Story(2));
        var shared = new SummaryWorkspace(_ => 1.0);

        _ = ExtractiveSummarizer.Summarize([first], [], shared);
        var reused = ExtractiveSummarizer.Summarize([second, copy], ["The assembly also set aside money for a study of the sea wall."], shared);
        var fresh = ExtractiveSummarizer.Summarize([second, copy], ["The assembly also set aside money for a study of the sea wall."], _ => 1.0);

        Assert.NotEmpty(fresh);
        Assert.Equal(fresh, reused);
    }

    [Fact]
    public void Summarize_PastTheWordLimit_TablesStartAfreshAndTheSummaryIsTheSame()
    {
        var workspace = new SummaryWorkspace(_ => 1.0);
        // Enough distinct words to pass the limit: each story of made-up words adds a few hundred.
        var words = 0;
        for (var story = 0; workspace.WordCount <= SummaryWorkspace.MaxWords; story++)
        {
            var text = string.Join(' ', Enumerable.Range(0, 400).Select(i => $"w{story}x{i}")) + ".";
            workspace.Read(text);
            words = workspace.WordCount;
        }

        var document = StoryTestDocuments.Make("a", "Assembly approves dredging", Story(3));
        var summary = ExtractiveSummarizer.Summarize([document], [], workspace);

        Assert.True(workspace.WordCount < words);
        Assert.Equal(ExtractiveSummarizer.Summarize([document], [], _ => 1.0), summary);
    }

    [Fact]
    public void SummarisedDocuments_StoryOfThousandsOfDocuments_ReadsTheBoundOriginalsFirst()
    {
        var articles = new List<IReadOnlyList<StoryDocument>>();
        for (var i = 0; i < 3000; i++)
        {
            var original = StoryTestDocuments.Make($"o{i:D4}", "Assembly approves dredging plan", Story(i), published: StoryTestDocuments.IngestedAt.AddMinutes(-i));
            var copy = StoryTestDocuments.Make($"c{i:D4}", "Assembly approves dredging plan", Story(i));
            articles.Add([copy, original]);
        }

        var summarised = DigestEditor.SummarisedDocuments(SourceFacts.Order(articles));

        Assert.Equal(DigestEditor.DocumentsSummarised, summarised.Count);
        Assert.All(summarised, d => Assert.StartsWith("o", d.Id, StringComparison.Ordinal));
        Assert.Equal(DigestEditor.DocumentsSummarised, summarised.Select(d => d.Id).Distinct().Count());
    }

    [Fact]
    public void Summarize_StoryOfThousandsOfDocuments_SentencesFromTheBoundedDocuments()
    {
        var articles = new List<IReadOnlyList<StoryDocument>>();
        for (var i = 0; i < 2000; i++)
        {
            articles.Add([StoryTestDocuments.Make($"d{i:D4}", "Assembly approves dredging plan", Story(i), published: StoryTestDocuments.IngestedAt.AddMinutes(-i))]);
        }

        var ordered = SourceFacts.Order(articles);
        var read = DigestEditor.SummarisedDocuments(ordered).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var (_, summary, _) = DigestEditor.Summarize(articles, [], _ => 1.0);

        Assert.InRange(summary.Count, 2, 4);
        Assert.All(summary, s => Assert.Contains(s.DocumentId, read));
    }
}
