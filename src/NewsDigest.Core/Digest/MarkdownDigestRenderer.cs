using System.Text;

namespace NewsDigest.Digest;

/// <summary>The digest as Markdown; every piece of document text is escaped, links are http(s) only.</summary>
internal static class MarkdownDigestRenderer
{
    public static string Render(DigestContent content, string title, TimeZoneInfo zone)
    {
        var markdown = new StringBuilder();
        markdown.Append("# ").Append(SafeText.Markdown(title)).Append(" \u2014 ").AppendLine(SafeText.LongDate(content.LocalDate));
        markdown.AppendLine();
        markdown.AppendLine(DigestWording.Overview(content));
        foreach (var entry in content.Entries)
        {
            markdown.AppendLine();
            markdown.Append("## ").AppendLine(SafeText.Markdown(entry.Headline));
            markdown.AppendLine();
            if (DigestWording.Label(entry, zone) is { } label)
            {
                markdown.Append('*').Append(SafeText.Markdown(label)).AppendLine("*");
                markdown.AppendLine();
            }

            if (entry.Summary.Count > 0)
            {
                markdown.AppendLine(string.Join(' ', entry.Summary.Select(s => SafeText.Markdown(s.Text) + Reference(entry, s))));
                markdown.AppendLine();
            }

            foreach (var (heading, names) in DigestWording.NameLists(entry))
            {
                markdown.Append("**").Append(heading).Append(":** ").AppendLine(SafeText.Markdown(string.Join(", ", names)) + "  ");
            }

            markdown.AppendLine();
            markdown.Append("**").Append(DigestWording.SourcesHeading(entry)).AppendLine(":**");
            markdown.AppendLine();
            var number = 0;
            foreach (var source in entry.Sources)
            {
                number++;
                var titleText = SafeText.Markdown(source.Title);
                markdown.Append(number).Append(". ")
                    .Append(source.Url is null ? titleText : $"[{titleText}]({SafeText.MarkdownUrl(source.Url)})")
                    .Append(" \u2014 ")
                    .AppendLine(SafeText.Markdown(DigestWording.SourceDetails(entry, source, zone)));
            }
        }

        markdown.AppendLine();
        if (DigestWording.MoreStories(content) is { } moreStories)
        {
            markdown.AppendLine(moreStories).AppendLine();
        }

        markdown.Append('_').Append(SafeText.Markdown(DigestWording.Window(content, zone))).AppendLine("_");
        return markdown.ToString();
    }

    /// <summary>" [\[1\]](url)": the numbered reference to the entry's source list, linked to the source when it has a link.</summary>
    internal static string Reference(DigestEntry entry, SummarySentence sentence)
    {
        var number = DigestWording.Reference(entry, sentence.DocumentId);
        if (number == 0)
        {
            return string.Empty;
        }

        var mark = SafeText.Markdown($"[{number.ToString(System.Globalization.CultureInfo.InvariantCulture)}]");
        return entry.Sources[number - 1].Url is { } url ? $" [{mark}]({SafeText.MarkdownUrl(url)})" : " " + mark;
    }
}
