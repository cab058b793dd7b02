using System.Text;

namespace NewsDigest.Digest;

/// <summary>
/// The email body: a single-column table layout with inline styles (what mail clients render reliably),
/// at most 640 px wide and fluid below that, so it reads on a phone. Every piece of document text is
/// HTML-encoded and every link is an http(s) URL, so a document cannot put active content into the email.
/// </summary>
internal static class HtmlDigestRenderer
{
    private const string Font = "font-family:'Segoe UI',Helvetica,Arial,sans-serif;";

    public static string Render(DigestContent content, string title, TimeZoneInfo zone)
    {
        var html = new StringBuilder();
        var heading = SafeText.Html(title) + " \u2014 " + SafeText.Html(SafeText.LongDate(content.LocalDate));
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(heading).Append("</title></head>\n")
            .Append("<body style=\"margin:0;padding:0;background-color:#f3f4f6;\">\n")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"background-color:#f3f4f6;\"><tr>")
            .Append("<td align=\"center\" style=\"padding:16px 8px;\">\n")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"max-width:640px;background-color:#ffffff;border:1px solid #e5e7eb;")
            .Append(Font).Append("color:#1f2937;\">\n")
            .Append("<tr><td style=\"padding:20px 24px;border-bottom:3px solid #1d4ed8;\">")
            .Append("<h1 style=\"margin:0 0 6px 0;font-size:22px;line-height:28px;").Append(Font).Append("\">").Append(heading).Append("</h1>")
            .Append("<p style=\"margin:0;font-size:14px;line-height:20px;color:#4b5563;\">").Append(SafeText.Html(DigestWording.Overview(content))).Append("</p>")
            .Append("</td></tr>\n");

        var number = 0;
        foreach (var entry in content.Entries)
        {
            number++;
            html.Append("<tr><td style=\"padding:18px 24px;border-bottom:1px solid #e5e7eb;\">");
            if (DigestWording.Label(entry, zone) is { } label)
            {
                var color = entry.IsOlderCoverage ? "#92400e" : "#1d4ed8";
                html.Append("<p style=\"margin:0 0 6px 0;font-size:12px;line-height:16px;text-transform:uppercase;letter-spacing:0.5px;color:")
                    .Append(color).Append(";\">").Append(SafeText.Html(label)).Append("</p>");
            }

            html.Append("<h2 style=\"margin:0 0 8px 0;font-size:18px;line-height:24px;").Append(Font).Append("\">")
                .Append(number).Append(". ").Append(SafeText.Html(entry.Headline)).Append("</h2>");
            if (entry.Summary.Count > 0)
            {
                html.Append("<p style=\"margin:0 0 10px 0;font-size:15px;line-height:22px;\">");
                var first = true;
                foreach (var sentence in entry.Summary)
                {
                    html.Append(first ? string.Empty : " ").Append(SafeText.Html(sentence.Text));
                    first = false;
                    if (DigestWording.Reference(entry, sentence.DocumentId) is > 0 and var reference)
                    {
                        // A numbered reference to the source list below, the way a footnote points to its note.
                        html.Append("<sup style=\"font-size:11px;line-height:0;\"><a href=\"#").Append(Anchor(number, reference))
                            .Append("\" style=\"color:#1d4ed8;text-decoration:none;\">[").Append(reference).Append("]</a></sup>");
                    }
                }

                html.Append("</p>");
            }

            foreach (var (nameHeading, names) in DigestWording.NameLists(entry))
            {
                html.Append("<p style=\"margin:0 0 4px 0;font-size:13px;line-height:18px;color:#4b5563;\"><strong>")
                    .Append(nameHeading).Append(":</strong> ").Append(SafeText.Html(string.Join(", ", names))).Append("</p>");
            }

            html.Append("<p style=\"margin:10px 0 4px 0;font-size:13px;line-height:18px;font-weight:bold;\">")
                .Append(SafeText.Html(DigestWording.SourcesHeading(entry))).Append("</p>")
                .Append("<ol style=\"margin:0;padding:0 0 0 22px;font-size:13px;line-height:19px;\">");
            var sourceNumber = 0;
            foreach (var source in entry.Sources)
            {
                sourceNumber++;
                html.Append("<li id=\"").Append(Anchor(number, sourceNumber)).Append("\" style=\"margin:0 0 4px 0;\">");
                if (source.Url is not null)
                {
                    html.Append("<a href=\"").Append(SafeText.Html(source.Url)).Append("\" style=\"color:#1d4ed8;text-decoration:underline;\">")
                        .Append(SafeText.Html(source.Title)).Append("</a>");
                }
                else
                {
                    html.Append(SafeText.Html(source.Title));
                }

                html.Append(" <span style=\"color:#6b7280;\">\u2014 ").Append(SafeText.Html(DigestWording.SourceDetails(entry, source, zone))).Append("</span></li>");
            }

            html.Append("</ol>");
            if (DigestWording.MoreSources(entry) is { } more)
            {
                html.Append("<p style=\"margin:0;font-size:13px;line-height:19px;color:#6b7280;\">").Append(SafeText.Html(more)).Append("</p>");
            }

            html.Append("</td></tr>\n");
        }

        if (DigestWording.MoreStories(content) is { } moreStories)
        {
            html.Append("<tr><td style=\"padding:14px 24px;font-size:14px;line-height:20px;border-bottom:1px solid #e5e7eb;\">")
                .Append(SafeText.Html(moreStories)).Append("</td></tr>\n");
        }

        html.Append("<tr><td style=\"padding:14px 24px;font-size:12px;line-height:17px;color:#6b7280;\">")
            .Append(SafeText.Html(DigestWording.Window(content, zone)));
        if (content.FullDigestUrl is not null)
        {
            html.Append(" <a href=\"").Append(SafeText.Html(content.FullDigestUrl.AbsoluteUri)).Append("\" style=\"color:#1d4ed8;\">Read the digest online</a>.");
        }

        html.Append("</td></tr>\n</table>\n</td></tr></table>\n</body></html>\n");
        return html.ToString();
    }

    /// <summary>The id of one entry's numbered source ("s2-1": entry 2, source 1).</summary>
    private static string Anchor(int entry, int source) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"s{entry}-{source}");
}
