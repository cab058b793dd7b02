using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using NewsDigest.Digest;

namespace NewsDigest.Tests.Digest;

public sealed class DigestRenderingTests
{
    private const string Hostile = "<script>alert(1)</script><img src=x onerror=\"alert(2)\"> [click me](javascript:alert(3)) ![pixel](https://tracker.example/p.gif) **bold** _em_";

    private static readonly DateTimeOffset Composed = new(2026, 1, 15, 7, 5, 0, TimeSpan.Zero);

    private static DigestEntry Entry(int number, string? text = null, string? url = null, int sentences = 3) => new(
        $"s{number}",
        text ?? $"Headline number {number}",
        IsUpdate: number % 3 == 1,
        IsOlderCoverage: number % 4 == 3,
        [.. Enumerable.Range(1, sentences).Select(i => new SummarySentence(
            text ?? $"Sentence {i} of story {number} says what happened and why it matters to readers of the digest.",
            i == 2 ? $"d{number}b" : $"d{number}a"))],
        [
            new DigestSource($"d{number}a", "koreapro.org", text ?? $"Title {number}", new DateTimeOffset(2024, 5, 1, 23, 0, 0, TimeSpan.Zero), url ?? $"https://koreapro.org/{number}", number % 4 == 3),
            new DigestSource($"d{number}b", "Unknown outlet", "Second source", null, null, false, CopyOf: $"d{number}a"),
        ],
        ["Shin Won-sik"],
        ["AUKUS"],
        [text ?? "Melbourne"],
        1);

    private static DigestContent Content(IReadOnlyList<DigestEntry> entries, Uri? full = null) => new(
        new DateOnly(2026, 1, 15), "Europe/London", Composed, Composed.AddDays(-1), Composed, entries.Count * 2, entries, full);

    private static RenderedDigest Render(DigestContent content) =>
        new DigestRenderer(Options.Create(new DigestOptions { Title = "Morning brief" })).Render(content);

    [Fact]
    public void Render_Digest_EveryFormatCarriesHeadlinesSourcesAndCounts()
    {
        var rendered = Render(Content([Entry(1), Entry(2), Entry(3)]));

        foreach (var text in new[] { rendered.Html, rendered.Text, rendered.Markdown, rendered.Card })
        {
            Assert.Contains("Headline number 1", text, StringComparison.Ordinal);
            Assert.Contains("Headline number 3", text, StringComparison.Ordinal);
            Assert.Contains("3 stories from 6 documents", text, StringComparison.Ordinal);
            Assert.Contains("https://koreapro.org/2", text, StringComparison.Ordinal);
            Assert.Contains("older coverage", text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("published 2024-05-02 \u2014 older coverage", rendered.Text.Replace("Older coverage \u2014 published 2024-05-02", "published 2024-05-02 \u2014 older coverage", StringComparison.Ordinal), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(rendered.Json);
        Assert.Equal(3, json.RootElement.GetProperty("storyCount").GetInt32());
        Assert.Equal(6, json.RootElement.GetProperty("documentCount").GetInt32());
        Assert.Equal("Headline number 2", json.RootElement.GetProperty("entries")[1].GetProperty("headline").GetString());
    }

    [Fact]
    public void Render_Text_EverySentenceCarriesTheNumberOfItsSource()
    {
        var text = Render(Content([Entry(2)])).Text;

        Assert.Contains("Sentence 1 of story 2 says what happened and why it matters to readers of the digest. [1]", text, StringComparison.Ordinal);
        Assert.Contains("Sentence 2 of story 2 says what happened and why it matters to readers of the digest. [2]", text, StringComparison.Ordinal);
        Assert.Contains("[1] Title 2 (koreapro.org, 2024-05-02)", text, StringComparison.Ordinal);
        Assert.Contains("[2] Second source (Unknown outlet, date unknown \u2014 same article as [1])", text, StringComparison.Ordinal);
        Assert.Contains("Sources (1 outlet, 1 copy):", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Html_SentencesLinkToTheirNumberedSource()
    {
        var html = Render(Content([Entry(2)])).Html;

        Assert.Contains("readers of the digest.<sup", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#s1-2\"", html, StringComparison.Ordinal);
        Assert.Contains(">[2]</a></sup>", html, StringComparison.Ordinal);
        Assert.Contains("<li id=\"s1-1\"", html, StringComparison.Ordinal);
        Assert.Contains("<li id=\"s1-2\"", html, StringComparison.Ordinal);
        Assert.Contains("same article as [1]", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MarkdownAndCard_SentencesLinkToTheirNumberedSource()
    {
        var rendered = Render(Content([Entry(2)]));

        foreach (var markdown in new[] { rendered.Markdown, CardText(rendered.Card) })
        {
            // Linked to the source's page when it has one; otherwise the bare number of the source list entry.
            Assert.Contains("digest. [\\[1\\]](https://koreapro.org/2)", markdown, StringComparison.Ordinal);
            Assert.Contains("digest. \\[2\\]", markdown, StringComparison.Ordinal);
            Assert.Contains("1. [Title 2](https://koreapro.org/2)", markdown, StringComparison.Ordinal);
            Assert.Contains("2. Second source", markdown, StringComparison.Ordinal);
            Assert.Contains("same article as \\[1\\]", markdown, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_Json_EverySentenceWithItsDocumentId()
    {
        using var json = JsonDocument.Parse(Render(Content([Entry(2)])).Json);

        var entry = json.RootElement.GetProperty("entries")[0];
        var sentences = entry.GetProperty("summary").EnumerateArray().ToList();
        Assert.Equal(3, sentences.Count);
        Assert.Equal("d2b", sentences[1].GetProperty("documentId").GetString());
        Assert.StartsWith("Sentence 2 of story 2", sentences[1].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("d2a", entry.GetProperty("sources")[1].GetProperty("copyOf").GetString());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("sources")[0].GetProperty("copyOf").ValueKind);
    }

    [Fact]
    public void Render_Digest_NamesTheTimeZoneOnce()
    {
        var rendered = Render(Content([Entry(1), Entry(2)]));

        foreach (var text in new[] { rendered.Html, rendered.Text, rendered.Markdown, CardText(rendered.Card) })
        {
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "Europe/London"));
            Assert.Contains("All dates and times are Europe/London time.", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_Html_IsATableLayoutWithInlineStylesAndAViewport()
    {
        var html = Render(Content([Entry(1)])).Html;

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"viewport\"", html, StringComparison.Ordinal);
        Assert.Contains("role=\"presentation\"", html, StringComparison.Ordinal);
        Assert.Contains("max-width:640px", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<style", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Card_IsAnAdaptiveCardMessage()
    {
        var card = Render(Content([Entry(1)], new Uri("https://digest.example/latest"))).Card;

        using var json = JsonDocument.Parse(card);
        Assert.Equal("message", json.RootElement.GetProperty("type").GetString());
        var attachment = json.RootElement.GetProperty("attachments")[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        var content = attachment.GetProperty("content");
        Assert.Equal("AdaptiveCard", content.GetProperty("type").GetString());
        Assert.Equal("https://digest.example/latest", content.GetProperty("actions")[0].GetProperty("url").GetString());
    }

    [Fact]
    public void Render_HostileDocumentText_NoActiveContentInAnyFormat()
    {
        var rendered = Render(Content([Entry(1, Hostile, "javascript:alert(4)")]));

        Assert.DoesNotContain("<script", rendered.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", rendered.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript", rendered.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", rendered.Html, StringComparison.Ordinal);
        foreach (var markdown in new[] { rendered.Markdown, CardText(rendered.Card) })
        {
            Assert.DoesNotContain("<script", markdown, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("](javascript", markdown, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("![pixel]", markdown, StringComparison.Ordinal);
            Assert.DoesNotContain("[click me]", markdown, StringComparison.Ordinal);
            Assert.Contains("\\[click me\\]", markdown, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("javascript:alert(4)", rendered.Card, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Action.OpenUrl\"", rendered.Card, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", rendered.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void HttpUrlOrNull_Links_KeepsOnlyHttpAndHttps()
    {
        Assert.Equal("https://example.com/a%20b", SafeLinks.HttpUrlOrNull("https://example.com/a b"));
        Assert.Equal("http://example.com/", SafeLinks.HttpUrlOrNull("http://example.com"));
        Assert.Null(SafeLinks.HttpUrlOrNull("javascript:alert(1)"));
        Assert.Null(SafeLinks.HttpUrlOrNull("data:text/html,<script>alert(1)</script>"));
        Assert.Null(SafeLinks.HttpUrlOrNull("file:///etc/passwd"));
        Assert.Null(SafeLinks.HttpUrlOrNull("/relative/path"));
    }

    [Fact]
    public void Render_DigestLargerThanTheTeamsLimit_CardKeepsTopStoriesAndLinksToTheFullDigest()
    {
        var entries = Enumerable.Range(1, 120).Select(i => Entry(i, sentences: 4)).ToList();

        var rendered = Render(Content(entries, new Uri("https://digest.example/2026-01-15")));

        Assert.InRange(Encoding.UTF8.GetByteCount(rendered.Card), 1, 28 * 1024);
        Assert.Contains("Headline number 1", rendered.Card, StringComparison.Ordinal);
        Assert.DoesNotContain("Headline number 120", rendered.Card, StringComparison.Ordinal);
        Assert.Contains("more stories are in the full digest", rendered.Card, StringComparison.Ordinal);
        Assert.Contains("https://digest.example/2026-01-15", rendered.Card, StringComparison.Ordinal);
        // The email is bounded too (EmailBudget); the Markdown and JSON renderings keep every story.
        Assert.Contains("Headline number 120", rendered.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoEntries_SaysNothingNew()
    {
        var rendered = Render(Content([]));

        Assert.Contains("Nothing new since the last digest.", rendered.Text, StringComparison.Ordinal);
        Assert.Contains("Nothing new since the last digest.", rendered.Html, StringComparison.Ordinal);
    }

    private static string CardText(string card)
    {
        using var json = JsonDocument.Parse(card);
        var texts = new List<string>();
        Collect(json.RootElement, texts);
        return string.Join("\n", texts);

        static void Collect(JsonElement element, List<string> texts)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "text" && property.Value.ValueKind == JsonValueKind.String)
                    {
                        texts.Add(property.Value.GetString()!);
                    }

                    Collect(property.Value, texts);
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, texts);
                }
            }
        }
    }
}
