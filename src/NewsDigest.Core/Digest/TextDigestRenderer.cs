using System.Text;

namespace NewsDigest.Digest;

/// <summary>The plain-text alternative of the email.</summary>
internal static class TextDigestRenderer
{
    public static string Render(DigestContent content, string title, TimeZoneInfo zone)
    {
        var text = new StringBuilder();
        text.Append(title).Append(" \u2014 ").AppendLine(SafeText.LongDate(content.LocalDate));
        text.AppendLine(DigestWording.Overview(content));
        var number = 0;
        foreach (var entry in content.Entries)
        {
            number++;
            text.AppendLine();
            text.Append(number).Append(". ").AppendLine(SafeText.Plain(entry.Headline));
            if (DigestWording.Label(entry, zone) is { } label)
            {
                text.Append("   [").Append(label).AppendLine("]");
            }

            foreach (var sentence in entry.Summary)
            {
                text.Append("   ").Append(SafeText.Plain(sentence.Text)).Append(' ').AppendLine(DigestWording.ReferenceMark(entry, sentence));
            }

            foreach (var (heading, names) in DigestWording.NameLists(entry))
            {
                text.Append("   ").Append(heading).Append(": ").AppendLine(SafeText.Plain(string.Join(", ", names)));
            }

            text.Append("   ").Append(DigestWording.SourcesHeading(entry)).AppendLine(":");
            var reference = 0;
            foreach (var source in entry.Sources)
            {
                reference++;
                text.Append("   [").Append(reference).Append("] ").Append(SafeText.Plain(source.Title)).Append(" (")
                    .Append(SafeText.Plain(DigestWording.SourceDetails(entry, source, zone))).AppendLine(")");
                if (source.Url is not null)
                {
                    text.Append("       ").AppendLine(source.Url);
                }
            }

            if (DigestWording.MoreSources(entry) is { } more)
            {
                text.Append("   ").AppendLine(more);
            }
        }

        if (DigestWording.MoreStories(content) is { } moreStories)
        {
            text.AppendLine().AppendLine(moreStories);
        }

        text.AppendLine();
        text.AppendLine(DigestWording.Window(content, zone));
        if (content.FullDigestUrl is not null)
        {
            text.Append("Full digest: ").AppendLine(content.FullDigestUrl.AbsoluteUri);
        }

        return text.ToString();
    }
}
