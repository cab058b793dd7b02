using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsDigest.Digest;

/// <summary>
/// The Teams message for a Workflows webhook: one Adaptive Card. Text blocks take a Markdown subset, so document
/// text is Markdown-escaped; the only links are http(s). When every story does not fit under the size limit,
/// the card keeps the top stories and links to the full digest.
/// </summary>
internal static class TeamsCardRenderer
{
    public const string CardContentType = "application/vnd.microsoft.card.adaptive";

    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    public static string Render(DigestContent content, string title, TimeZoneInfo zone, int maxBytes)
    {
        // Each entry's container appears verbatim in the message, so the containers shown are a lower bound of its
        // size: counts that cannot fit are skipped without building the card (one story may list thousands of sources).
        var containerBytes = new long[content.Entries.Count];
        long shownBytes = 0;
        for (var i = 0; i < containerBytes.Length; i++)
        {
            containerBytes[i] = Encoding.UTF8.GetByteCount(Container(content.Entries[i], i + 1, zone, summaries: true).ToJsonString(Compact));
            shownBytes += containerBytes[i];
        }

        for (var shown = content.Entries.Count; shown >= 0; shown--)
        {
            if (shownBytes <= maxBytes)
            {
                var message = Message(content, title, zone, shown, summaries: true);
                if (Encoding.UTF8.GetByteCount(message) <= maxBytes)
                {
                    return message;
                }
            }

            if (shown > 0)
            {
                shownBytes -= containerBytes[shown - 1];
            }
        }

        // Even the bare card is too large only with an absurd title; drop the summaries as a last resort.
        return Message(content, title, zone, 0, summaries: false);
    }

    private static string Message(DigestContent content, string title, TimeZoneInfo zone, int shown, bool summaries)
    {
        var body = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = SafeText.Markdown(title) + " \u2014 " + SafeText.LongDate(content.LocalDate),
                ["size"] = "Large",
                ["weight"] = "Bolder",
                ["wrap"] = true,
            },
            new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = DigestWording.Overview(content),
                ["isSubtle"] = true,
                ["spacing"] = "None",
                ["wrap"] = true,
            },
        };

        var number = 0;
        foreach (var entry in content.Entries.Take(shown))
        {
            number++;
            body.Add(Container(entry, number, zone, summaries));
        }

        var left = content.Entries.Count - shown + content.OmittedEntries;
        if (left > 0)
        {
            body.Add(new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = left == 1 ? "1 more story is in the full digest." : $"{left} more stories are in the full digest.",
                ["separator"] = true,
                ["wrap"] = true,
            });
        }

        body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = SafeText.Markdown(DigestWording.Window(content, zone)), ["size"] = "Small", ["isSubtle"] = true, ["wrap"] = true });

        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["msteams"] = new JsonObject { ["width"] = "Full" },
            ["body"] = body,
        };
        if (content.FullDigestUrl is not null)
        {
            card["actions"] = new JsonArray
            {
                new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Read the full digest", ["url"] = content.FullDigestUrl.AbsoluteUri },
            };
        }

        var message = new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray
            {
                new JsonObject { ["contentType"] = CardContentType, ["contentUrl"] = null, ["content"] = card },
            },
        };
        return message.ToJsonString(Compact);
    }

    private static JsonObject Container(DigestEntry entry, int number, TimeZoneInfo zone, bool summaries)
    {
        var items = new JsonArray();
        if (DigestWording.Label(entry, zone) is { } label)
        {
            items.Add(new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = SafeText.Markdown(label),
                ["size"] = "Small",
                ["color"] = entry.IsOlderCoverage ? "Warning" : "Accent",
                ["wrap"] = true,
            });
        }

        items.Add(new JsonObject
        {
            ["type"] = "TextBlock",
            ["text"] = $"{number}\\. {SafeText.Markdown(entry.Headline)}",
            ["weight"] = "Bolder",
            ["size"] = "Medium",
            ["wrap"] = true,
        });
        if (summaries && entry.Summary.Count > 0)
        {
            items.Add(new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = string.Join(' ', entry.Summary.Select(s => SafeText.Markdown(s.Text) + MarkdownDigestRenderer.Reference(entry, s))),
                ["wrap"] = true,
            });
        }

        var names = string.Join("  \n", DigestWording.NameLists(entry).Select(n => $"**{n.Heading}:** {SafeText.Markdown(string.Join(", ", n.Names))}"));
        if (names.Length > 0)
        {
            items.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = names, ["size"] = "Small", ["isSubtle"] = true, ["wrap"] = true });
        }

        var sources = string.Join("\n", entry.Sources.Select((s, i) =>
            $"{(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)}. " + (s.Url is null ? SafeText.Markdown(s.Title) : $"[{SafeText.Markdown(s.Title)}]({SafeText.MarkdownUrl(s.Url)})")
            + " \u2014 " + SafeText.Markdown(DigestWording.SourceDetails(entry, s, zone))));
        items.Add(new JsonObject
        {
            ["type"] = "TextBlock",
            ["text"] = $"**{DigestWording.SourcesHeading(entry)}:**\n{sources}",
            ["size"] = "Small",
            ["wrap"] = true,
        });
        return new JsonObject { ["type"] = "Container", ["separator"] = true, ["spacing"] = "Medium", ["items"] = items };
    }
}
