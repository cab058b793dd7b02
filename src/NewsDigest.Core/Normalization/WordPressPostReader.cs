using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsDigest.Normalization;

/// <summary>
/// Reads WordPress REST API posts (<c>wp/v2/posts</c>, pages and custom post types, a single object or a collection):
/// rendered HTML fields to text, GMT dates, link, embedded authors and terms, Yoast site name and locale.
/// </summary>
internal sealed partial class WordPressPostReader(HtmlFragmentReader fragments)
{
    /// <summary>Whether the value has the shape of a WordPress post, page or custom post type.</summary>
    public static bool IsPost(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty("id", out var id)
            || id.ValueKind is not (JsonValueKind.Number or JsonValueKind.String))
        {
            return false;
        }

        if (DescribeOtherWordPressObject(value) is not null)
        {
            return false;
        }

        return Rendered(value, "title") is not null || Rendered(value, "content") is not null
            || (String(value, "link") is not null && (String(value, "slug") is not null || String(value, "type") is not null));
    }

    /// <summary>What a JSON value is when it is not a post, for the rejection message.</summary>
    public static string Describe(JsonElement root)
    {
        var sample = root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > 0 ? root[0] : root;
        var other = sample.ValueKind == JsonValueKind.Object ? DescribeOtherWordPressObject(sample) : null;
        var what = root.ValueKind switch
        {
            JsonValueKind.Array => root.GetArrayLength() == 0 ? "an empty JSON array" : "a JSON array",
            JsonValueKind.Object => "a JSON object",
            _ => "a bare JSON value",
        };
        return other is null
            ? $"JSON that is not a WordPress post ({what})"
            : $"JSON that is not a WordPress post ({what} of WordPress {other})";
    }

    public DocumentDraft Read(JsonElement post, IReadOnlyList<string> repairWarnings)
    {
        var warnings = new List<string>(repairWarnings);

        var title = fragments.ReadInline(Rendered(post, "title"));
        var content = fragments.Read(Rendered(post, "content"));
        if (content.StrayClosingTags > 0)
        {
            warnings.Add($"{content.StrayClosingTags} stray closing tags ignored");
        }

        var excerpt = ExcerptTail().Replace(fragments.ReadInline(Rendered(post, "excerpt")), string.Empty).Trim();
        var yoast = post.TryGetProperty("yoast_head_json", out var y) && y.ValueKind == JsonValueKind.Object ? y : default;
        if (excerpt.Length == 0 && yoast.ValueKind == JsonValueKind.Object)
        {
            excerpt = TextCleaner.Clean(String(yoast, "og_description") ?? String(yoast, "description"));
        }

        var published = ReadDate(post, "date_gmt", "date", "publication", warnings);
        var modified = ReadDate(post, "modified_gmt", "modified", "modification", warnings);

        var url = AbsoluteHttpUrl(String(post, "link"));
        var host = url is null ? null : new Uri(url).Host.ToLowerInvariant();
        var siteName = yoast.ValueKind == JsonValueKind.Object ? TextCleaner.Clean(String(yoast, "og_site_name")) : string.Empty;

        return new DocumentDraft(DocumentFormat.WordPressJson)
        {
            Title = title,
            Paragraphs = content.Paragraphs,
            Captions = content.Captions,
            Excerpt = excerpt.Length > 0 ? excerpt : null,
            Published = published,
            Modified = modified,
            Url = url,
            SourceHost = host,
            SourceName = siteName.Length > 0 ? siteName : HostWithoutWww(host),
            Authors = EmbeddedAuthors(post, yoast),
            Tags = EmbeddedTerms(post),
            Language = yoast.ValueKind == JsonValueKind.Object ? LanguageDetector.PrimaryTag(String(yoast, "og_locale")) : null,
            Warnings = warnings,
        };
    }

    public static string? HostWithoutWww(string? host) =>
        host is null ? null : host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : host;

    public static string? AbsoluteHttpUrl(string? value) =>
        Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri
            : null;

    /// <summary>
    /// The <c>_gmt</c> field is UTC by definition; the plain field is the site's local time in an unstated zone, used
    /// only when there is nothing better, and said so.
    /// </summary>
    private static DateTimeOffset? ReadDate(JsonElement post, string gmtName, string localName, string what, List<string> warnings)
    {
        if (DateParser.Parse(String(post, gmtName)) is { } gmt)
        {
            return gmt.Utc;
        }

        if (DateParser.Parse(String(post, localName)) is { } local)
        {
            if (!local.ZoneKnown)
            {
                warnings.Add($"{what} time zone unknown; local time read as UTC");
            }

            return local.Utc;
        }

        return null;
    }

    private static List<string> EmbeddedAuthors(JsonElement post, JsonElement yoast)
    {
        var authors = new List<string>();
        if (post.TryGetProperty("_embedded", out var embedded) && embedded.ValueKind == JsonValueKind.Object
            && embedded.TryGetProperty("author", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var author in list.EnumerateArray())
            {
                var name = author.ValueKind == JsonValueKind.Object ? TextCleaner.Clean(String(author, "name")) : string.Empty;
                if (name.Length > 0 && !authors.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    authors.Add(name);
                }
            }
        }

        if (authors.Count == 0 && yoast.ValueKind == JsonValueKind.Object && TextCleaner.Clean(String(yoast, "author")) is { Length: > 0 } yoastAuthor)
        {
            authors.Add(yoastAuthor);
        }

        return authors;
    }

    private static List<string> EmbeddedTerms(JsonElement post)
    {
        var terms = new List<string>();
        if (!post.TryGetProperty("_embedded", out var embedded) || embedded.ValueKind != JsonValueKind.Object
            || !embedded.TryGetProperty("wp:term", out var groups) || groups.ValueKind != JsonValueKind.Array)
        {
            return terms;
        }

        foreach (var group in groups.EnumerateArray())
        {
            if (group.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var term in group.EnumerateArray())
            {
                var name = term.ValueKind == JsonValueKind.Object ? TextCleaner.Clean(String(term, "name")) : string.Empty;
                if (name.Length > 0 && !terms.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    terms.Add(name);
                }
            }
        }

        return terms;
    }

    private static string? DescribeOtherWordPressObject(JsonElement value)
    {
        if (value.TryGetProperty("post", out _) && (value.TryGetProperty("author_name", out _) || String(value, "type") == "comment"))
        {
            return "comments";
        }

        if (value.TryGetProperty("taxonomy", out _))
        {
            return "taxonomy terms";
        }

        var hasPostFields = value.TryGetProperty("title", out _) || value.TryGetProperty("content", out _) || value.TryGetProperty("type", out _);
        if ((value.TryGetProperty("avatar_urls", out _) || value.TryGetProperty("name", out _)) && !hasPostFields)
        {
            return "users";
        }

        if (String(value, "type") == "attachment" || value.TryGetProperty("media_type", out _))
        {
            return "media items";
        }

        if (value.TryGetProperty("rest_base", out _) && value.TryGetProperty("taxonomies", out _))
        {
            return "post types";
        }

        return null;
    }

    /// <summary><c>title.rendered</c> (or <c>.raw</c>, or a plain string when the field is not an object).</summary>
    private static string? Rendered(JsonElement value, string name)
    {
        if (!value.TryGetProperty(name, out var field))
        {
            return null;
        }

        return field.ValueKind switch
        {
            JsonValueKind.String => field.GetString(),
            JsonValueKind.Object => String(field, "rendered") ?? String(field, "raw"),
            _ => null,
        };
    }

    private static string? String(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.Object && value.TryGetProperty(name, out var field)
            ? field.ValueKind switch
            {
                JsonValueKind.String => field.GetString(),
                JsonValueKind.Number => field.GetRawText(),
                _ => null,
            }
            : null;

    [GeneratedRegex(@"\s*(?:\[(?:…|\.\.\.|&hellip;)\]|(?:Continue reading|Read more)\b.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExcerptTail();
}
