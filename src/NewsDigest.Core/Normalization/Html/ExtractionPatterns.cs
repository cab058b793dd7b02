using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace NewsDigest.Normalization.Html;

/// <summary>
/// Tag sets and class/id patterns shared by the extraction passes. Patterns run on short strings
/// (class and id attributes, short texts), never on the whole document.
/// </summary>
internal static partial class ExtractionPatterns
{
    /// <summary>Elements whose content is never article text.</summary>
    public static readonly FrozenSet<string> IgnoredTags = FrozenSet.ToFrozenSet(
        ["script", "style", "noscript", "template", "svg", "head", "meta", "link", "title", "base", "frameset", "#comment"],
        StringComparer.Ordinal);

    /// <summary>Embedded media: counted by the cleaner, no text of their own.</summary>
    public static readonly FrozenSet<string> EmbedTags = FrozenSet.ToFrozenSet(
        ["iframe", "object", "embed"], StringComparer.Ordinal);

    /// <summary>Leaf elements whose children (fallback content, options) are not read.</summary>
    public static readonly FrozenSet<string> OpaqueTags = FrozenSet.ToFrozenSet(
        ["iframe", "object", "embed", "canvas", "video", "audio", "map"], StringComparer.Ordinal);

    /// <summary>Tags whose paragraphs are scored (besides divs that act as paragraphs).</summary>
    public static readonly FrozenSet<string> ScoredTags = FrozenSet.ToFrozenSet(
        ["section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"], StringComparer.Ordinal);

    /// <summary>A div containing any of these is a container, not a paragraph.</summary>
    public static readonly FrozenSet<string> BlockTags = FrozenSet.ToFrozenSet(
        ["blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul"], StringComparer.Ordinal);

    public static readonly FrozenSet<string> PhrasingTags = FrozenSet.ToFrozenSet(
        ["abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em", "embed", "i", "img",
         "input", "kbd", "label", "mark", "math", "meter", "noscript", "object", "output", "progress", "q", "ruby", "samp",
         "script", "select", "small", "span", "strong", "sub", "sup", "textarea", "time", "var", "wbr", "font"],
        StringComparer.Ordinal);

    /// <summary>Elements that start a new paragraph in the text output.</summary>
    public static readonly FrozenSet<string> BreakingTags = FrozenSet.ToFrozenSet(
        ["address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir", "div",
         "dl", "dt", "fieldset", "figure", "figcaption", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
         "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table",
         "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "br", "option", "main", "search"],
        StringComparer.Ordinal);

    public static readonly FrozenSet<string> HeadingTags = FrozenSet.ToFrozenSet(
        ["h1", "h2", "h3", "h4", "h5", "h6"], StringComparer.Ordinal);

    /// <summary>Containers kept as they are when gathered next to the best candidate.</summary>
    public static readonly FrozenSet<string> SiblingContainerTags = FrozenSet.ToFrozenSet(
        ["div", "article", "section", "p"], StringComparer.Ordinal);

    /// <summary>Removed wherever they appear inside the chosen content.</summary>
    public static readonly FrozenSet<string> AlwaysRemovedInContent = FrozenSet.ToFrozenSet(
        ["footer", "aside", "link", "input", "textarea", "select", "button", "nav"], StringComparer.Ordinal);

    public static readonly FrozenSet<string> UnlikelyRoles = FrozenSet.ToFrozenSet(
        ["menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"], StringComparer.Ordinal);

    public static readonly FrozenSet<string> TextishTags = FrozenSet.ToFrozenSet(
        ["span", "font", "li", "td", "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul"], StringComparer.Ordinal);

    /// <summary>Class/id fragments of page furniture: skipped while looking for the article.</summary>
    [GeneratedRegex("-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|newsletter|cookie|subscribe", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex UnlikelyCandidate();

    [GeneratedRegex("and|article|body|column|content|main|mathjax|shadow", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex MaybeCandidate();

    [GeneratedRegex("article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex PositiveClass();

    [GeneratedRegex("-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|newsletter|subscribe|cookie", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex NegativeClass();

    [GeneratedRegex("byline|author|dateline|writtenby|p-author", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex BylineClass();

    /// <summary>Links to an author's page: "/author/jane-roe", "/profiles/jroe/", "/people/jane".</summary>
    [GeneratedRegex(@"/(authors?|profiles?|people|staff|writers?|journalists?)/[^/?#]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex AuthorPagePath();

    [GeneratedRegex(@"(\b|_)(share|sharedaddy)(\b|_)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex ShareClass();

    [GeneratedRegex(@"//(www\.)?((dailymotion|youtube|youtube-nocookie|player\.vimeo|v\.qq)\.com|(archive|upload\.wikimedia)\.org|player\.twitch\.tv)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex VideoSource();

    [GeneratedRegex(@"^(ad(vertising|vertisement)?|pub(licité)?|werb(ung)?|广告|Реклама|Anuncio)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex AdWords();

    [GeneratedRegex(@"^((loading|正在加载|Загрузка|chargement|cargando)(…|\.\.\.)?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex LoadingWords();

    [GeneratedRegex(@"^\W*(related(\s+(stories|articles|content|posts|links|coverage|reading))?|read\s+(more|next|also)|more\s+(stories|news|from|on|articles|in|to\s+read)|recommended(\s+(for\s+you|stories|reading))?|you\s+(may|might)\s+also\s+like|further\s+reading|most\s+(read|popular|viewed)|trending|popular\s+(now|stories))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex RelatedHeading();

    [GeneratedRegex(@"\.( |$)")]
    public static partial Regex SentenceEnd();

    public static bool IsComma(char c) => c is ',' or '\u060C' or '\uFE50' or '\uFE10' or '\uFE11' or '\u2E41' or '\u2E34' or '\u2E32' or '\uFF0C';
}
