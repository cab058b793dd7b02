using System.Text;
using Microsoft.Extensions.Options;
using NewsDigest.Digest;

namespace NewsDigest.Tests.Digest;

/// <summary>Document text that tries to break the renderings: huge fields, bidirectional overrides, right-to-left titles.</summary>
public sealed class HostileDigestTextTests
{
    private static readonly DateTimeOffset Composed = new(2026, 1, 15, 7, 5, 0, TimeSpan.Zero);

    private static DigestEntry Entry(int number, string headline, string title, string sentence) => new(
        $"s{number}",
        headline,
        false,
        false,
        [new SummarySentence(sentence, $"d{number}"), new SummarySentence(sentence, $"d{number}")],
        [new DigestSource($"d{number}", "example.com", title, Composed.AddDays(-1), $"https://example.com/{number}", false)],
        ["Shin Won-sik"],
        [],
        [],
        1);

    private static RenderedDigest Render(params DigestEntry[] entries) =>
        new DigestRenderer(Options.Create(new DigestOptions { Title = "Morning brief" }))
            .Render(new DigestContent(new DateOnly(2026, 1, 15), "Europe/London", Composed, Composed.AddDays(-1), Composed, entries.Length, entries, null));

    [Fact]
    public void Render_HundredThousandCharacterHeadline_EmailUnderHundredKilobytes()
    {
        var huge = string.Join(' ', Enumerable.Repeat("harbour", 15_000))[..100_000];
        var entries = new[] { Entry(0, huge, huge, huge) }
            .Concat(Enumerable.Range(1, 9).Select(i => Entry(i, $"Headline {i}", $"Title {i}", "A sentence that says what happened.")))
            .ToArray();

        var rendered = Render(entries);

        var emailBytes = Encoding.UTF8.GetByteCount(rendered.Html) + Encoding.UTF8.GetByteCount(rendered.Text);
        Assert.InRange(emailBytes, 1, 100 * 1024);
        Assert.Contains("Headline 9", rendered.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ThirtyStoriesWithFiftySourcesEach_EmailUnderHundredKilobytesAndSaysWhatIsLeftOut()
    {
        var sentence = string.Join(' ', Enumerable.Repeat("The council approved the harbour budget after a long debate.", 8));
        var entries = Enumerable.Range(1, 30).Select(i =>
        {
            var sources = Enumerable.Range(1, 50)
                .Select(j => new DigestSource($"d{i}-{j}", $"outlet{j}.example", $"Council approves harbour budget, report {j} of story {i}", Composed.AddDays(-1), $"https://outlet{j}.example/{i}/{j}", false))
                .ToList();
            return new DigestEntry($"s{i}", $"Headline {i}", false, false, [new SummarySentence(sentence, $"d{i}-30")], sources, [], [], [], 50);
        }).ToArray();

        var rendered = Render(entries);

        var emailBytes = Encoding.UTF8.GetByteCount(rendered.Html) + Encoding.UTF8.GetByteCount(rendered.Text);
        Assert.InRange(emailBytes, 1, 100 * 1024);
        Assert.Contains("more sources", rendered.Text, StringComparison.Ordinal);
        Assert.Contains("more stories are not listed here.", rendered.Text, StringComparison.Ordinal);
        Assert.Contains("30 stories from", rendered.Text, StringComparison.Ordinal);
        // The cited source stays listed (first) and keeps its reference; the JSON and Markdown keep everything.
        Assert.Contains("report 30 of story 1 (", rendered.Text, StringComparison.Ordinal);
        Assert.Contains("[1]", rendered.Text, StringComparison.Ordinal);
        Assert.Contains("Headline 30", rendered.Markdown, StringComparison.Ordinal);
        Assert.Contains("report 50 of story 30", rendered.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TitleWithRightToLeftOverride_OverrideRemovedInEveryFormat()
    {
        var rendered = Render(Entry(1, "\u202Egnp.exe", "\u2066Title\u202B", "A sentence\u202E that says what happened."));

        foreach (var text in new[] { rendered.Html, rendered.Text, rendered.Markdown, rendered.Card })
        {
            Assert.DoesNotContain(text, c => c is '\u202A' or '\u202B' or '\u202C' or '\u202D' or '\u202E' or '\u2066' or '\u2067');
        }
    }

    [Fact]
    public void Render_RightToLeftTitle_IsolatedSoTheTextAfterItKeepsItsOrder()
    {
        var rendered = Render(Entry(1, "\u05D7\u05D3\u05E9\u05D5\u05EA \u05D4\u05E0\u05DE\u05DC", "\u0623\u062E\u0628\u0627\u0631", "A sentence."));

        foreach (var text in new[] { rendered.Html, rendered.Text, rendered.Markdown })
        {
            Assert.Contains("\u2068\u05D7\u05D3\u05E9\u05D5\u05EA \u05D4\u05E0\u05DE\u05DC\u2069", text, StringComparison.Ordinal);
            Assert.Contains("\u2068\u0623\u062E\u0628\u0627\u0631\u2069", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Html_Link_NeitherCutNorWrapped()
    {
        var url = "https://example.com/" + new string('a', 3_000);

        Assert.Equal(url, SafeText.Html(url));
    }
}
