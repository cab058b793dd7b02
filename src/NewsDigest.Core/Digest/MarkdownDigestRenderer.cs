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
                markdown.AppendLine(string.Join(' ', entry.Summary.Select(SafeText.Markdown)));
                markdown.AppendLine();
            }

            foreach (var (heading, names) in DigestWording.NameLists(entry))
            {
                markdown.Append("**").Append(heading).Append(":** ").AppendLine(SafeText.Markdown(string.Join(", ", names)) + "  ");
            }

            markdown.AppendLine();
            markdown.Append("**").Append(DigestWording.SourcesHeading(entry)).AppendLine(":**");
            markdown.AppendLine();
            foreach (var source in entry.Sources)
            {
                var titleText = SafeText.Markdown(source.Title);
                markdown.Append("- ")
                    .Append(source.Url is null ? titleText : $"[{titleText}]({SafeText.MarkdownUrl(source.Url)})")
                    .Append(" \u2014 ")
                    .AppendLine(SafeText.Markdown(DigestWording.SourceDetails(source, zone)));
            }
        }

        markdown.AppendLine();
        markdown.Append('_').Append(SafeText.Markdown(DigestWording.Window(content, zone))).AppendLine("_");
        return markdown.ToString();
    }
}
