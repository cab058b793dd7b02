using System.Text.Json;
using System.Text.RegularExpressions;
using HtmlAgilityPack;

namespace NewsDigest.Normalization.Html;

/// <summary>
/// Reads title, byline, dates, site name, language, canonical address, description and tags from meta tags,
/// JSON-LD and microdata, in one walk over the parsed page. Sources are tried from the most to the least
/// deliberate: JSON-LD and Open Graph before Dublin Core and plain meta names, the &lt;title&gt; element last.
/// </summary>
internal static partial class PageMetadataReader
{
    private const int MaxJsonLdLength = 2_000_000;

    private static readonly string[] PublishedNames =
    [
        "article:published_time", "parsely-pub-date", "og:published_time", "article:published", "datepublished",
        "dc:date:issued", "dcterms:issued", "dc:date", "dcterms:date", "dcterms:created", "sailthru:date", "pubdate",
        "publishdate", "publish-date", "publish_date", "publication_date", "date", "citation_publication_date",
        "timestamp", "release_date",
    ];

    private static readonly string[] ModifiedNames =
    [
        "article:modified_time", "og:updated_time", "datemodified", "dcterms:modified", "last-modified", "lastmod",
    ];

    public static PageMetadata Read(HtmlDocument document, Uri? documentUrl)
    {
        var page = Collect(document.DocumentNode);
        var jsonLd = JsonLdArticle.Find(page.JsonLdScripts);
        var values = ReadMetaValues(page.Metas);

        var documentTitle = page.TitleText;
        var title = FirstNonEmpty(
            jsonLd is null ? null : FromJsonLd(JsonLdTitle(jsonLd, page)),
            values.Get("dc:title"), values.Get("dcterm:title"), values.Get("og:title"),
            values.Get("weibo:article:title"), values.Get("weibo:webpage:title"), values.Get("title"),
            values.Get("twitter:title"), values.Get("parsely-title"));
        title = string.IsNullOrWhiteSpace(title) ? DocumentTitleHeuristic(page) : UnescapeBasic(title);

        var siteName = UnescapeBasic(FirstNonEmpty(FromJsonLd(jsonLd?.PublisherName), values.Get("og:site_name"), page.Named("application-name")));
        var byline = UnescapeBasic(FirstNonEmpty(
            FromJsonLd(jsonLd?.Byline), values.Get("dc:creator"), values.Get("dcterm:creator"), values.Get("author"), values.Get("parsely-author"),
            values.Get("article:author") is { } articleAuthor && !IsAddress(articleAuthor) ? articleAuthor : null));
        var excerpt = UnescapeBasic(FirstNonEmpty(
            FromJsonLd(jsonLd?.Description), values.Get("dc:description"), values.Get("dcterm:description"), values.Get("og:description"),
            values.Get("weibo:article:description"), values.Get("weibo:webpage:description"), values.Get("description"),
            values.Get("twitter:description")));

        var canonical = Resolve(FirstNonEmpty(page.Canonical, page.Property("og:url"), jsonLd?.Url), page.BaseHref, documentUrl);
        var published = PublicationDateParser.Parse(jsonLd?.DatePublished)
            ?? FirstDate(page, PublishedNames)
            ?? page.TimeElementDate(modified: false)
            ?? PublicationDateParser.FromUrl(canonical)
            ?? PublicationDateParser.FromUrl(documentUrl?.AbsoluteUri);
        var modified = PublicationDateParser.Parse(jsonLd?.DateModified)
            ?? FirstDate(page, ModifiedNames)
            ?? page.TimeElementDate(modified: true);

        return new PageMetadata
        {
            Title = NullIfEmpty(HtmlText.Clean(title)),
            DocumentTitle = NullIfEmpty(documentTitle),
            Byline = NullIfEmpty(HtmlText.Clean(byline)),
            Authors = jsonLd?.Authors ?? [],
            Excerpt = NullIfEmpty(HtmlText.Clean(excerpt)),
            SiteName = NullIfEmpty(HtmlText.Clean(siteName)),
            Published = published,
            Modified = modified,
            Language = LanguageTag(FirstNonEmpty(
                page.HtmlLang, page.HttpEquiv("content-language"), page.Named("language"), page.Named("dc.language"),
                page.Property("og:locale"), jsonLd?.Language)),
            CanonicalUrl = canonical,
            Tags = Tags(page, jsonLd),
            ArticleBody = jsonLd?.ArticleBody,
        };
    }

    /// <summary>A language tag in its usual casing ("en-US"), from "en_us", "EN-us" and the like.</summary>
    public static string? LanguageTag(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var first = value.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries)[0].Replace('_', '-');
        var parts = first.Split('-', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || parts[0].Length is < 2 or > 8 || !parts[0].All(char.IsAsciiLetter))
        {
            return null;
        }

        parts[0] = parts[0].ToLowerInvariant();
        for (var i = 1; i < parts.Length; i++)
        {
            parts[i] = parts[i].Length switch
            {
                2 => parts[i].ToUpperInvariant(),
                4 => char.ToUpperInvariant(parts[i][0]) + parts[i][1..].ToLowerInvariant(),
                _ => parts[i].ToLowerInvariant(),
            };
        }

        return string.Join('-', parts);
    }

    private static CollectedPage Collect(HtmlNode root)
    {
        var page = new CollectedPage();
        var stack = new Stack<HtmlNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node.NodeType != HtmlNodeType.Element && node.NodeType != HtmlNodeType.Document)
            {
                continue;
            }

            switch (node.Name)
            {
                case "html" when page.HtmlLang is null:
                    page.HtmlLang = NullIfEmpty(node.GetAttributeValue("lang", null) ?? node.GetAttributeValue("xml:lang", null));
                    break;
                case "title" when page.TitleText is null && node.ParentNode?.Name != "svg":
                    page.TitleText = HtmlText.Clean(node.InnerText);
                    continue;
                case "meta":
                    page.Metas.Add(new MetaTag(
                        Attribute(node, "name"), Attribute(node, "property"), Attribute(node, "itemprop"),
                        Attribute(node, "http-equiv"), Attribute(node, "content")));
                    continue;
                case "link":
                    var rel = node.GetAttributeValue("rel", string.Empty);
                    if (page.Canonical is null && rel.Contains("canonical", StringComparison.OrdinalIgnoreCase))
                    {
                        page.Canonical = NullIfEmpty(HtmlText.DecodeAttribute(node.GetAttributeValue("href", string.Empty)).Trim());
                    }

                    continue;
                case "base" when page.BaseHref is null:
                    page.BaseHref = NullIfEmpty(node.GetAttributeValue("href", string.Empty));
                    continue;
                case "script":
                    if (node.GetAttributeValue("type", string.Empty).Trim().Equals("application/ld+json", StringComparison.OrdinalIgnoreCase))
                    {
                        page.JsonLdScripts.Add(node.InnerHtml);
                    }

                    continue;
                case "style" or "noscript" or "template" or "svg":
                    continue;
                case "h1" or "h2":
                    page.Headings.Add(node);
                    break;
                case "time":
                    page.Times.Add(node);
                    break;
                default:
                    if (node.HasAttributes && node.Attributes.Contains("itemprop"))
                    {
                        page.ItemProps.Add(node);
                    }

                    break;
            }

            var children = node.ChildNodes;
            for (var i = children.Count - 1; i >= 0; i--)
            {
                if (children[i].NodeType == HtmlNodeType.Element)
                {
                    stack.Push(children[i]);
                }
            }
        }

        return page;
    }

    private static string? Attribute(HtmlNode node, string name)
    {
        var value = node.GetAttributeValue(name, null);
        return value is null ? null : HtmlText.DecodeAttribute(value);
    }

    /// <summary>Meta values keyed the way the reader-mode convention names them ("og:title", "dc:creator", ...).</summary>
    private static MetaValues ReadMetaValues(List<MetaTag> metas)
    {
        var values = new MetaValues();
        foreach (var meta in metas)
        {
            if (string.IsNullOrEmpty(meta.Content))
            {
                continue;
            }

            Match? match = null;
            if (!string.IsNullOrEmpty(meta.Property))
            {
                match = PropertyPattern().Match(meta.Property);
                if (match.Success)
                {
                    values.Set(Whitespace().Replace(match.Value, string.Empty).ToLowerInvariant(), meta.Content.Trim());
                }
            }

            if ((match is null || !match.Success) && !string.IsNullOrEmpty(meta.Name) && NamePattern().IsMatch(meta.Name))
            {
                var key = Whitespace().Replace(meta.Name, string.Empty).ToLowerInvariant().Replace('.', ':');
                values.Set(key, meta.Content.Trim());
            }
        }

        return values;
    }

    private static string? JsonLdTitle(JsonLdArticle article, CollectedPage page)
    {
        if (article.Name is { } name && article.Headline is { } headline && name != headline)
        {
            var title = DocumentTitleHeuristic(page);
            var nameMatches = TitleSimilarity.Similarity(name, title) > 0.75;
            var headlineMatches = TitleSimilarity.Similarity(headline, title) > 0.75;
            return headlineMatches && !nameMatches ? headline : name;
        }

        return article.Name?.Trim() ?? article.Headline?.Trim();
    }

    /// <summary>
    /// The &lt;title&gt; without its site part: the last " | Site" (or first "Site | ") segment is dropped unless
    /// that leaves too few words; "Site: Title" keeps the part after the colon unless a heading repeats the whole.
    /// </summary>
    private static string DocumentTitleHeuristic(CollectedPage page)
    {
        var original = page.TitleText ?? string.Empty;
        var current = original;
        var hierarchical = false;
        var separators = SeparatorWithSpaces().Matches(original);
        if (separators.Count > 0)
        {
            hierarchical = HierarchicalSeparator().IsMatch(current);
            current = original[..separators[^1].Index];
            if (WordCount(current) < 3)
            {
                current = AfterFirstSeparator().Replace(original, string.Empty);
            }
        }
        else if (current.Contains(": ", StringComparison.Ordinal))
        {
            var trimmed = current.Trim();
            var headingMatches = page.Headings.Any(h => HtmlText.TextContent(h).Trim() == trimmed);
            if (!headingMatches)
            {
                current = original[(original.LastIndexOf(':') + 1)..];
                if (WordCount(current) < 3)
                {
                    current = original[(original.IndexOf(':', StringComparison.Ordinal) + 1)..];
                }
                else if (WordCount(original[..original.IndexOf(':', StringComparison.Ordinal)]) > 5)
                {
                    current = original;
                }
            }
        }
        else if (current.Length is > 150 or < 15)
        {
            var headingsOne = page.Headings.Where(h => h.Name == "h1").Take(2).ToList();
            if (headingsOne.Count == 1)
            {
                current = HtmlText.Clean(HtmlText.TextContent(headingsOne[0]));
            }
        }

        current = MultipleWhitespace().Replace(current.Trim(), " ");
        var words = WordCount(current);
        if (words <= 4 && (!hierarchical || words != WordCount(SeparatorWithSpaces().Replace(original, string.Empty)) - 1))
        {
            current = original;
        }

        return current;
    }

    private static bool IsAddress(string value) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    private static int WordCount(string text) => Whitespace().Split(text).Length;

    private static DateTimeOffset? FirstDate(CollectedPage page, string[] names)
    {
        foreach (var name in names)
        {
            foreach (var meta in page.Metas)
            {
                if (string.IsNullOrWhiteSpace(meta.Content))
                {
                    continue;
                }

                if (Matches(meta.Property, name) || Matches(meta.Name, name) || Matches(meta.ItemProp, name))
                {
                    if (PublicationDateParser.Parse(meta.Content) is { } date)
                    {
                        return date;
                    }
                }
            }
        }

        return null;

        static bool Matches(string? key, string name) =>
            key is not null && key.Length == name.Length && key.Replace('.', ':').Equals(name, StringComparison.OrdinalIgnoreCase);
    }

    private static IReadOnlyList<string> Tags(CollectedPage page, JsonLdArticle? article)
    {
        var tags = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        void Add(string? tag)
        {
            var clean = HtmlText.Clean(tag);
            if (clean.Length is > 0 and <= 100 && tags.Count < 50 && seen.Add(clean))
            {
                tags.Add(clean);
            }
        }

        foreach (var meta in page.Metas)
        {
            if (meta.Property is { } property && property.Equals("article:tag", StringComparison.OrdinalIgnoreCase))
            {
                Add(meta.Content);
            }
            else if (meta.Name is { } name && (name.Equals("keywords", StringComparison.OrdinalIgnoreCase) || name.Equals("news_keywords", StringComparison.OrdinalIgnoreCase)))
            {
                foreach (var keyword in (meta.Content ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries))
                {
                    Add(keyword);
                }
            }
        }

        foreach (var keyword in article?.Keywords ?? [])
        {
            Add(keyword);
        }

        return tags;
    }

    private static string? Resolve(string? href, string? baseHref, Uri? documentUrl)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        if (Uri.TryCreate(href.Trim(), UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return absolute.AbsoluteUri;
        }

        var root = documentUrl;
        if (baseHref is not null && Uri.TryCreate(documentUrl, baseHref, out var baseUri))
        {
            root = baseUri;
        }

        return root is not null && Uri.TryCreate(root, href.Trim(), out var resolved) ? resolved.AbsoluteUri : null;
    }

    /// <summary>Meta values are often escaped twice; undo the second, as reader modes do.</summary>
    private static string? UnescapeBasic(string? value) =>
        string.IsNullOrEmpty(value) ? value : CharacterReferences.DecodeEscapedTwice(value);

    /// <summary>JSON-LD sits in a script, which HTML does not decode, yet its strings are written with entities.</summary>
    private static string? FromJsonLd(string? value) =>
        string.IsNullOrEmpty(value) ? value : CharacterReferences.Decode(value);

    private static string? FirstNonEmpty(params string?[] values)
    {
        foreach (var value in values)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                return value;
            }
        }

        return null;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    [GeneratedRegex(@"\s*(article|dc|dcterm|og|twitter)\s*:\s*(author|creator|description|published_time|title|site_name)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex PropertyPattern();

    [GeneratedRegex(@"^\s*(?:(dc|dcterm|og|twitter|parsely|weibo:(article|webpage))\s*[-\.:]\s*)?(author|creator|pub-date|description|title|site_name)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"\s")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex MultipleWhitespace();

    [GeneratedRegex(@"\s[\|\-–—\\/>»]\s")]
    private static partial Regex SeparatorWithSpaces();

    [GeneratedRegex(@"\s[\\/>»]\s")]
    private static partial Regex HierarchicalSeparator();

    [GeneratedRegex(@"^[^\|\-–—\\/>»]*[\|\-–—\\/>»]")]
    private static partial Regex AfterFirstSeparator();

    private sealed record MetaTag(string? Name, string? Property, string? ItemProp, string? HttpEquiv, string? Content);

    private sealed class MetaValues
    {
        private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

        public void Set(string key, string value) => values[key] = value;

        public string? Get(string key) => values.GetValueOrDefault(key);
    }

    private sealed class CollectedPage
    {
        public string? HtmlLang { get; set; }

        public string? TitleText { get; set; }

        public string? Canonical { get; set; }

        public string? BaseHref { get; set; }

        public List<MetaTag> Metas { get; } = [];

        public List<string> JsonLdScripts { get; } = [];

        public List<HtmlNode> Headings { get; } = [];

        public List<HtmlNode> Times { get; } = [];

        public List<HtmlNode> ItemProps { get; } = [];

        public string? Named(string name) =>
            Metas.FirstOrDefault(m => m.Name is not null && m.Name.Equals(name, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(m.Content))?.Content;

        public string? Property(string property) =>
            Metas.FirstOrDefault(m => m.Property is not null && m.Property.Equals(property, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(m.Content))?.Content;

        public string? HttpEquiv(string name) =>
            Metas.FirstOrDefault(m => m.HttpEquiv is not null && m.HttpEquiv.Equals(name, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(m.Content))?.Content;

        /// <summary>Microdata and &lt;time&gt; elements: itemprop datePublished/dateModified, then pubdate, then any time[datetime].</summary>
        public DateTimeOffset? TimeElementDate(bool modified)
        {
            var property = modified ? "dateModified" : "datePublished";
            foreach (var node in ItemProps.Concat(Times))
            {
                if (node.GetAttributeValue("itemprop", string.Empty).Contains(property, StringComparison.OrdinalIgnoreCase)
                    && PublicationDateParser.Parse(node.GetAttributeValue("datetime", null) ?? node.GetAttributeValue("content", null)) is { } date)
                {
                    return date;
                }
            }

            if (modified)
            {
                return null;
            }

            foreach (var time in Times)
            {
                if (time.Attributes.Contains("pubdate") && PublicationDateParser.Parse(time.GetAttributeValue("datetime", null)) is { } date)
                {
                    return date;
                }
            }

            foreach (var time in Times)
            {
                if (PublicationDateParser.Parse(time.GetAttributeValue("datetime", null)) is { } date)
                {
                    return date;
                }
            }

            return null;
        }
    }

    /// <summary>The first schema.org Article (or subtype) among the page's JSON-LD blocks.</summary>
    private sealed partial record JsonLdArticle
    {
        public string? Name { get; init; }

        public string? Headline { get; init; }

        public string? Byline { get; init; }

        public IReadOnlyList<string> Authors { get; init; } = [];

        public string? Description { get; init; }

        public string? PublisherName { get; init; }

        public string? DatePublished { get; init; }

        public string? DateModified { get; init; }

        public string? Url { get; init; }

        public string? Language { get; init; }

        public string? ArticleBody { get; init; }

        public IReadOnlyList<string> Keywords { get; init; } = [];

        public static JsonLdArticle? Find(List<string> scripts)
        {
            foreach (var script in scripts)
            {
                if (script.Length > MaxJsonLdLength)
                {
                    continue;
                }

                try
                {
                    var text = CdataMarkers().Replace(script.Trim(), string.Empty);
                    using var document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 128 });
                    var article = FromElement(document.RootElement);
                    if (article is not null)
                    {
                        return article;
                    }
                }
                catch (JsonException)
                {
                    // Broken JSON-LD is common; the page's other metadata still counts.
                }
            }

            return null;
        }

        private static JsonLdArticle? FromElement(JsonElement root)
        {
            var element = root;
            if (element.ValueKind == JsonValueKind.Array)
            {
                var found = element.EnumerateArray().Where(IsArticle).Cast<JsonElement?>().FirstOrDefault();
                if (found is null)
                {
                    return null;
                }

                element = found.Value;
            }

            if (element.ValueKind != JsonValueKind.Object || !HasSchemaContext(element))
            {
                return null;
            }

            if (!element.TryGetProperty("@type", out _) && element.TryGetProperty("@graph", out var graph) && graph.ValueKind == JsonValueKind.Array)
            {
                var found = graph.EnumerateArray().Where(IsArticle).Cast<JsonElement?>().FirstOrDefault();
                if (found is null)
                {
                    return null;
                }

                element = found.Value;
            }

            if (!IsArticle(element))
            {
                return null;
            }

            var authors = AuthorNames(element);
            return new JsonLdArticle
            {
                Name = String(element, "name"),
                Headline = String(element, "headline"),
                Authors = authors,
                Byline = authors.Count > 0 ? string.Join(", ", authors) : null,
                Description = String(element, "description")?.Trim(),
                PublisherName = element.TryGetProperty("publisher", out var publisher) && publisher.ValueKind == JsonValueKind.Object
                    ? String(publisher, "name")?.Trim()
                    : null,
                DatePublished = String(element, "datePublished")?.Trim(),
                DateModified = String(element, "dateModified")?.Trim(),
                Url = String(element, "url"),
                Language = String(element, "inLanguage"),
                ArticleBody = String(element, "articleBody"),
                Keywords = ReadKeywords(element),
            };
        }

        private static bool HasSchemaContext(JsonElement element)
        {
            if (!element.TryGetProperty("@context", out var context))
            {
                return false;
            }

            return context.ValueKind switch
            {
                JsonValueKind.String => SchemaOrg().IsMatch(context.GetString()!),
                JsonValueKind.Object => context.TryGetProperty("@vocab", out var vocab) && vocab.ValueKind == JsonValueKind.String && SchemaOrg().IsMatch(vocab.GetString()!),
                _ => false,
            };
        }

        private static bool IsArticle(JsonElement element)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("@type", out var type))
            {
                return false;
            }

            return type.ValueKind switch
            {
                JsonValueKind.String => ArticleType().IsMatch(type.GetString()!),
                JsonValueKind.Array => type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && ArticleType().IsMatch(t.GetString()!)),
                _ => false,
            };
        }

        private static List<string> AuthorNames(JsonElement element)
        {
            var names = new List<string>();
            if (!element.TryGetProperty("author", out var author))
            {
                return names;
            }

            if (author.ValueKind == JsonValueKind.Object && String(author, "name") is { } name)
            {
                names.Add(name.Trim());
            }
            else if (author.ValueKind == JsonValueKind.Array)
            {
                var items = author.EnumerateArray().ToList();
                if (items.Count > 0 && items[0].ValueKind == JsonValueKind.Object && String(items[0], "name") is not null)
                {
                    foreach (var item in items)
                    {
                        if (item.ValueKind == JsonValueKind.Object && String(item, "name") is { } itemName)
                        {
                            names.Add(itemName.Trim());
                        }
                    }
                }
            }

            return names;
        }

        private static List<string> ReadKeywords(JsonElement element)
        {
            if (!element.TryGetProperty("keywords", out var keywords))
            {
                return [];
            }

            return keywords.ValueKind switch
            {
                JsonValueKind.String => [.. keywords.GetString()!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                JsonValueKind.Array => [.. keywords.EnumerateArray().Where(k => k.ValueKind == JsonValueKind.String).Select(k => k.GetString()!)],
                _ => [],
            };
        }

        private static string? String(JsonElement element, string property) =>
            element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        [GeneratedRegex(@"^\s*<!\[CDATA\[|\]\]>\s*$")]
        private static partial Regex CdataMarkers();

        [GeneratedRegex(@"^https?://schema\.org/?$")]
        private static partial Regex SchemaOrg();

        [GeneratedRegex("^Article|AdvertiserContentArticle|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|Report|SatiricalArticle|ScholarlyArticle|MedicalScholarlyArticle|SocialMediaPosting|BlogPosting|LiveBlogPosting|DiscussionForumPosting|TechArticle|APIReference$")]
        private static partial Regex ArticleType();
    }
}
