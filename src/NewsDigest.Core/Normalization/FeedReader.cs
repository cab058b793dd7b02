using System.Net;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using NewsDigest.Normalization.Html;

namespace NewsDigest.Normalization;

/// <summary>The items of one feed, or nothing when the text is not a feed.</summary>
internal sealed record FeedContent(DocumentFormat Format, IReadOnlyList<DocumentDraft> Items, IReadOnlyList<string> Warnings);

/// <summary>
/// Reads RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one draft per item, the item's HTML turned into paragraphs. Reads item
/// by item, so a feed cut off halfway still yields the items before the damage.
/// </summary>
internal sealed partial class FeedReader(HtmlFragmentReader fragments)
{
    private static readonly XNamespace ContentNamespace = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace DublinCoreNamespace = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace XmlNamespace = XNamespace.Xml;

    /// <summary>Whether the first element of the text is a feed root (<c>rss</c>, Atom <c>feed</c>, <c>rdf:RDF</c>).</summary>
    public static bool LooksLikeFeed(ReadOnlySpan<char> text) => FeedRootPattern().IsMatch(text[..Math.Min(text.Length, 4096)]);

    public FeedContent Read(string text)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CheckCharacters = false,
            MaxCharactersFromEntities = 1024,
        };

        var format = DocumentFormat.Rss;
        var items = new List<XElement>();
        var channel = new Dictionary<string, XElement>(StringComparer.Ordinal);
        var warnings = new List<string>();
        string? feedLanguage = null;
        try
        {
            using var reader = XmlReader.Create(new StringReader(ReplaceHtmlEntities(text)), settings);
            reader.MoveToContent();
            format = reader.LocalName == "feed" ? DocumentFormat.Atom : DocumentFormat.Rss;
            feedLanguage = reader.XmlLang;
            var metadataDepth = format == DocumentFormat.Atom ? 1 : 2;
            while (!reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    if (reader.LocalName is "item" or "entry")
                    {
                        items.Add((XElement)XNode.ReadFrom(reader));
                        continue;
                    }

                    if (reader.Depth == metadataDepth && reader.LocalName is "title" or "link" or "language" && !channel.ContainsKey(reader.LocalName + IsAlternateLink(reader)))
                    {
                        var key = reader.LocalName + IsAlternateLink(reader);
                        channel[key] = (XElement)XNode.ReadFrom(reader);
                        continue;
                    }
                }

                reader.Read();
            }
        }
        catch (XmlException exception)
        {
            warnings.Add($"feed malformed or truncated at line {exception.LineNumber}; {items.Count} items read before it");
        }

        var feedTitle = channel.TryGetValue("title", out var t) ? fragments.ReadInline(t.Value) : null;
        var feedLink = channel.TryGetValue("link", out var l) ? LinkOf(l) : null;
        feedLanguage ??= channel.TryGetValue("language", out var lang) ? lang.Value : null;
        var feedHost = WordPressPostReader.AbsoluteHttpUrl(feedLink) is { } link ? new Uri(link).Host.ToLowerInvariant() : null;

        var drafts = items
            .Select(item => format == DocumentFormat.Atom ? ReadAtomEntry(item) : ReadRssItem(item))
            .Select(draft =>
            {
                var host = feedHost ?? (draft.Url is null ? null : new Uri(draft.Url).Host.ToLowerInvariant());
                return draft with
                {
                    SourceName = string.IsNullOrWhiteSpace(feedTitle) ? WordPressPostReader.HostWithoutWww(host) : feedTitle,
                    SourceHost = host,
                    Language = draft.Language ?? LanguageDetector.PrimaryTag(feedLanguage),
                    Warnings = [.. warnings, .. draft.Warnings],
                };
            })
            .ToList();
        return new FeedContent(format, drafts, warnings);
    }

    private DocumentDraft ReadRssItem(XElement item)
    {
        var warnings = new List<string>();
        var encoded = item.Element(ContentNamespace + "encoded")?.Value;
        var description = Child(item, "description")?.Value;
        var body = fragments.Read(string.IsNullOrWhiteSpace(encoded) ? description : encoded);
        var excerpt = string.IsNullOrWhiteSpace(encoded) ? null : fragments.ReadInline(description);

        var link = WordPressPostReader.AbsoluteHttpUrl(Child(item, "link")?.Value);
        var guid = Child(item, "guid");
        if (link is null && guid is not null && guid.Attribute("isPermaLink")?.Value != "false")
        {
            link = WordPressPostReader.AbsoluteHttpUrl(guid.Value);
        }

        var date = DateParser.Parse(Child(item, "pubDate")?.Value ?? item.Element(DublinCoreNamespace + "date")?.Value);
        if (date is { ZoneKnown: false })
        {
            warnings.Add("publication time zone unknown; read as UTC");
        }

        var authors = item.Elements(DublinCoreNamespace + "creator").Select(e => e.Value)
            .Concat(item.Elements().Where(e => e.Name.LocalName == "author" && e.Name.Namespace == XNamespace.None).Select(e => RssAuthorName(e.Value)));

        return new DocumentDraft(DocumentFormat.Rss)
        {
            Title = fragments.ReadInline(Child(item, "title")?.Value),
            Paragraphs = body.Paragraphs,
            Captions = body.Captions,
            Excerpt = string.IsNullOrWhiteSpace(excerpt) ? null : excerpt,
            Url = link,
            Published = date?.Utc,
            Authors = Distinct(authors),
            Tags = Distinct(item.Elements().Where(e => e.Name.LocalName == "category").Select(e => e.Value)),
            Warnings = warnings,
        };
    }

    private DocumentDraft ReadAtomEntry(XElement entry)
    {
        var warnings = new List<string>();
        var content = Child(entry, "content");
        var summary = Child(entry, "summary");
        var body = content is null ? fragments.Read(AtomHtml(summary)) : fragments.Read(AtomHtml(content));
        var excerpt = content is null ? null : fragments.ReadInline(AtomHtml(summary));

        var link = entry.Elements().Where(e => e.Name.LocalName == "link")
            .Where(e => (e.Attribute("rel")?.Value ?? "alternate") == "alternate")
            .Select(e => WordPressPostReader.AbsoluteHttpUrl(e.Attribute("href")?.Value))
            .FirstOrDefault(u => u is not null);

        var published = DateParser.Parse(Child(entry, "published")?.Value);
        var updated = DateParser.Parse(Child(entry, "updated")?.Value);
        if (published is null && updated is not null)
        {
            warnings.Add("publication date taken from the entry's update time");
        }

        return new DocumentDraft(DocumentFormat.Atom)
        {
            Title = fragments.ReadInline(AtomHtml(Child(entry, "title"))),
            Paragraphs = body.Paragraphs,
            Captions = body.Captions,
            Excerpt = string.IsNullOrWhiteSpace(excerpt) ? null : excerpt,
            Url = link,
            Published = (published ?? updated)?.Utc,
            Modified = updated?.Utc,
            Authors = Distinct(entry.Elements().Where(e => e.Name.LocalName == "author").Select(a => Child(a, "name")?.Value)),
            Tags = Distinct(entry.Elements().Where(e => e.Name.LocalName == "category").Select(e => e.Attribute("label")?.Value ?? e.Attribute("term")?.Value)),
            Language = LanguageDetector.PrimaryTag(entry.Attribute(XmlNamespace + "lang")?.Value),
            Warnings = warnings,
        };
    }

    /// <summary>Atom text constructs: <c>type="xhtml"</c> holds markup, <c>html</c> escaped markup, <c>text</c> plain text.</summary>
    private static string? AtomHtml(XElement? element)
    {
        if (element is null)
        {
            return null;
        }

        var type = element.Attribute("type")?.Value;
        return type switch
        {
            "xhtml" => string.Concat(element.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting))),
            "html" or "text/html" => element.Value,
            _ => WebUtility.HtmlEncode(element.Value).Replace("\n", "<br><br>", StringComparison.Ordinal),
        };
    }

    private static XElement? Child(XElement parent, string localName) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    private static string? LinkOf(XElement link) =>
        link.Attribute("href")?.Value is { Length: > 0 } href ? href : link.Value;

    private static string IsAlternateLink(XmlReader reader) =>
        reader.LocalName == "link" && (reader.GetAttribute("rel") ?? "alternate") != "alternate" ? "-other" : string.Empty;

    /// <summary>RSS <c>author</c> is "email (Name)"; the name is what a reader wants.</summary>
    private static string RssAuthorName(string value)
    {
        var match = RssAuthorPattern().Match(value);
        return match.Success ? match.Groups["name"].Value : value;
    }

    private static List<string> Distinct(IEnumerable<string?> values)
    {
        var result = new List<string>();
        foreach (var value in values)
        {
            var clean = TextCleaner.Clean(value);
            if (clean.Length > 0 && !result.Contains(clean, StringComparer.OrdinalIgnoreCase))
            {
                result.Add(clean);
            }
        }

        return result;
    }

    /// <summary>
    /// Feeds use HTML's named entities (<c>&amp;nbsp;</c>, <c>&amp;rsquo;</c>) that XML does not define, and bare
    /// ampersands; both become what XML accepts before parsing.
    /// </summary>
    private static string ReplaceHtmlEntities(string text) => EntityPattern().Replace(text, match =>
    {
        if (!match.Groups["name"].Success)
        {
            return "&amp;";
        }

        var decoded = CharacterReferences.Decode(match.Value);
        if (decoded == match.Value)
        {
            return "&amp;" + match.Groups["name"].Value + ";";
        }

        return string.Concat(decoded.EnumerateRunes().Select(r => $"&#{r.Value};"));
    });

    [GeneratedRegex(@"&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#[xX][0-9a-fA-F]+);)(?:(?<name>[A-Za-z][A-Za-z0-9]{1,31});)?", RegexOptions.CultureInvariant)]
    private static partial Regex EntityPattern();

    [GeneratedRegex(@"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<\?[^>]*>\s*|<!DOCTYPE[^>]*>\s*)*<(?:rss\b|feed\b[^>]*http://www\.w3\.org/2005/Atom|rdf:RDF\b)", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex FeedRootPattern();

    [GeneratedRegex(@"\((?<name>[^()]+)\)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex RssAuthorPattern();
}
