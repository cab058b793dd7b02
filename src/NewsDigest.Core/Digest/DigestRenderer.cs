using System.Globalization;
using Microsoft.Extensions.Options;

namespace NewsDigest.Digest;

/// <summary>Renders a digest in every format it is sent, stored and served in.</summary>
internal sealed class DigestRenderer(IOptions<DigestOptions> options)
{
    public RenderedDigest Render(DigestContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        // Links are checked again here, whatever produced the content: only http(s) reaches any format.
        content = content with
        {
            Entries = [.. content.Entries.Select(e => e with { Sources = [.. e.Sources.Select(s => s with { Url = SafeLinks.HttpUrlOrNull(s.Url) })] })],
            FullDigestUrl = SafeLinks.HttpUrlOrNull(content.FullDigestUrl?.OriginalString) is { } full ? new Uri(full) : null,
        };
        var settings = options.Value;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(content.TimeZone);
        var (html, text) = EmailBudget.Render(content, settings.Title, zone);
        return new RenderedDigest(
            JsonDigestRenderer.Render(content),
            html,
            text,
            MarkdownDigestRenderer.Render(content, settings.Title, zone),
            TeamsCardRenderer.Render(content, settings.Title, zone, settings.CardMaxBytes));
    }
}

/// <summary>Wording shared by every format, so the email, the card and the API say the same thing.</summary>
internal static class DigestWording
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DigestEntry, Dictionary<string, int>> SourceNumbers = [];

    public static string Overview(DigestContent content)
    {
        var total = content.Entries.Count + content.OmittedEntries;
        var stories = total == 1 ? "1 story" : $"{total.ToString(CultureInfo.InvariantCulture)} stories";
        var documents = content.DocumentCount == 1 ? "1 document" : $"{content.DocumentCount.ToString(CultureInfo.InvariantCulture)} documents";
        return total == 0
            ? "Nothing new since the last digest."
            : $"{stories} from {documents} received since the last digest.";
    }

    /// <summary>"Update", "Older coverage — published 2024-05-01", or null for a new story.</summary>
    public static string? Label(DigestEntry entry, TimeZoneInfo zone)
    {
        if (entry.IsOlderCoverage)
        {
            var earliest = entry.Sources.Where(s => s.Published.HasValue).Min(s => s.Published!.Value);
            return $"Older coverage \u2014 published {SafeText.Date(earliest, zone)}";
        }

        return entry.IsUpdate ? "Update to an earlier story" : null;
    }

    /// <summary>"koreapro.org, 2024-05-02", "Unknown outlet, date unknown — same article as [1]".</summary>
    public static string SourceDetails(DigestEntry entry, DigestSource source, TimeZoneInfo zone)
    {
        var date = source.Published is { } published ? SafeText.Date(published, zone) : "date unknown";
        var details = source.IsOlderCoverage ? $"{source.Outlet}, {date} \u2014 older coverage" : $"{source.Outlet}, {date}";
        return source.CopyOf is { } original && Reference(entry, original) is > 0 and var number
            ? $"{details} \u2014 same article as [{number.ToString(CultureInfo.InvariantCulture)}]"
            : details;
    }

    /// <summary>The number of the source (1-based, in the entry's source list) a document is, or 0.</summary>
    public static int Reference(DigestEntry entry, string documentId)
    {
        // Built once per entry: a story may list thousands of copies, each naming its original.
        var numbers = SourceNumbers.GetValue(entry, static e =>
        {
            var map = new Dictionary<string, int>(e.Sources.Count, StringComparer.Ordinal);
            for (var i = 0; i < e.Sources.Count; i++)
            {
                map.TryAdd(e.Sources[i].DocumentId, i + 1);
            }

            return map;
        });
        return numbers.GetValueOrDefault(documentId);
    }

    /// <summary>"[1]": the reference after a summary sentence, or empty when its document is not listed.</summary>
    public static string ReferenceMark(DigestEntry entry, SummarySentence sentence) =>
        Reference(entry, sentence.DocumentId) is > 0 and var number ? $"[{number.ToString(CultureInfo.InvariantCulture)}]" : string.Empty;

    /// <summary>"Source", "Sources (2 independent outlets)", "Sources (1 outlet, 1 copy)".</summary>
    public static string SourcesHeading(DigestEntry entry)
    {
        var copies = entry.Sources.Count(s => s.CopyOf is not null);
        if (entry.Sources.Count == 1)
        {
            return "Source";
        }

        var outlets = entry.IndependentSources == 1 ? "1 outlet" : $"{entry.IndependentSources.ToString(CultureInfo.InvariantCulture)} independent outlets";
        return copies switch
        {
            0 => $"Sources ({outlets})",
            1 => $"Sources ({outlets}, 1 copy)",
            _ => $"Sources ({outlets}, {copies.ToString(CultureInfo.InvariantCulture)} copies)",
        };
    }

    /// <summary>"and 3 more sources", or null when the list is whole.</summary>
    public static string? MoreSources(DigestEntry entry) => entry.OmittedSources switch
    {
        0 => null,
        1 => "and 1 more source",
        var n => $"and {n.ToString(CultureInfo.InvariantCulture)} more sources",
    };

    /// <summary>"2 more stories are not listed here.", or null when every story is listed.</summary>
    public static string? MoreStories(DigestContent content) => content.OmittedEntries switch
    {
        0 => null,
        1 => "1 more story is not listed here.",
        var n => $"{n.ToString(CultureInfo.InvariantCulture)} more stories are not listed here.",
    };

    /// <summary>The window, and the one place the time zone of every date and time in the digest is named.</summary>
    public static string Window(DigestContent content, TimeZoneInfo zone)
    {
        var start = TimeZoneInfo.ConvertTime(content.WindowStart, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var end = TimeZoneInfo.ConvertTime(content.WindowEnd, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return $"Covers documents received from {start} to {end}. All dates and times are {content.TimeZone} time.";
    }

    public static IEnumerable<(string Heading, IReadOnlyList<string> Names)> NameLists(DigestEntry entry)
    {
        if (entry.People.Count > 0)
        {
            yield return ("People", entry.People);
        }

        if (entry.Organisations.Count > 0)
        {
            yield return ("Organisations", entry.Organisations);
        }

        if (entry.Places.Count > 0)
        {
            yield return ("Places", entry.Places);
        }
    }
}
