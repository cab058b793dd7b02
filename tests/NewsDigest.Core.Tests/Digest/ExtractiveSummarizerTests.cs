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

    [Fact]
    public void Summarize_Article_TwoToFourSentencesFromTheText()
    {
        var document = StoryTestDocuments.Make("a", "Council approves transport plan", Body);

        var summary = ExtractiveSummarizer.Summarize([document], [], _ => 1.0);

        Assert.InRange(summary.Count, 2, 4);
        Assert.All(summary, s => Assert.Contains(s, Body, StringComparison.Ordinal));
        Assert.DoesNotContain(summary, s => s.Contains("newsletter", StringComparison.Ordinal));
        Assert.Contains(summary, s => s.StartsWith("The city council approved", StringComparison.Ordinal));
    }

    [Fact]
    public void Summarize_SentencesAlreadySaid_AreLeftOut()
    {
        var document = StoryTestDocuments.Make("a", "Council approves transport plan", Body);
        var first = ExtractiveSummarizer.Summarize([document], [], _ => 1.0);

        var second = ExtractiveSummarizer.Summarize([document], first, _ => 1.0);

        Assert.NotEmpty(second);
        Assert.Empty(second.Intersect(first));
    }

    [Fact]
    public void Summarize_TwoCopiesOfOneArticle_NoRepeatedSentence()
    {
        var a = StoryTestDocuments.Make("a", "Council approves transport plan", Body);
        var b = StoryTestDocuments.Make("b", "Transport plan passes", Body);

        var summary = ExtractiveSummarizer.Summarize([a, b], [], _ => 1.0);

        Assert.Equal(summary.Count, summary.Distinct().Count());
    }
}
