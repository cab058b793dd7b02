using System.Text;

namespace NewsDigest.Digest;

/// <summary>
/// Keeps the email (its HTML and plain-text parts together) under the size mail clients show without clipping:
/// each entry lists the sources its summary cites and a few more, and entries are left out from the end, with a line
/// saying how many, until the message fits. The JSON, Markdown and card renderings are not affected.
/// </summary>
internal static class EmailBudget
{
    /// <summary>Gmail clips a message body past about 102 KB; this leaves room for the headers and MIME boundaries.</summary>
    public const int MaxBytes = 96 * 1024;

    /// <summary>Sources listed per entry in the email; a story copied by hundreds of sites stays one readable entry.</summary>
    public const int MaxSourcesPerEntry = 10;

    public static (string Html, string Text) Render(DigestContent content, string title, TimeZoneInfo zone)
    {
        content = content with { Entries = [.. content.Entries.Select(TrimSources)] };
        var shown = content.Entries.Count;
        while (true)
        {
            var fitted = shown == content.Entries.Count
                ? content
                : content with { Entries = [.. content.Entries.Take(shown)], OmittedEntries = content.OmittedEntries + content.Entries.Count - shown };
            var html = HtmlDigestRenderer.Render(fitted, title, zone);
            var text = TextDigestRenderer.Render(fitted, title, zone);
            var bytes = Encoding.UTF8.GetByteCount(html) + Encoding.UTF8.GetByteCount(text);
            if (bytes <= MaxBytes || shown == 0)
            {
                return (html, text);
            }

            // Entries are of similar size, so the share that fits is a good next guess; always drop at least one.
            shown = Math.Min(shown - 1, (int)((long)shown * MaxBytes / bytes));
            shown = Math.Max(shown, 0);
        }
    }

    /// <summary>The sources the summary cites first (their numbers follow), then the rest in order, up to the limit.</summary>
    private static DigestEntry TrimSources(DigestEntry entry)
    {
        if (entry.Sources.Count <= MaxSourcesPerEntry)
        {
            return entry;
        }

        var cited = entry.Summary.Select(s => s.DocumentId).ToHashSet(StringComparer.Ordinal);
        var kept = entry.Sources.Where(s => cited.Contains(s.DocumentId))
            .Concat(entry.Sources.Where(s => !cited.Contains(s.DocumentId)))
            .Take(MaxSourcesPerEntry)
            .ToList();
        return entry with { Sources = kept, OmittedSources = entry.Sources.Count - kept.Count };
    }
}
