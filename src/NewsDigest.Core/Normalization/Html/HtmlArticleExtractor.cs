namespace NewsDigest.Normalization.Html;

/// <summary>Main-content and metadata extraction from one HTML page, built on HtmlAgilityPack.</summary>
internal sealed class HtmlArticleExtractor
{
    /// <param name="html">The decoded page.</param>
    /// <param name="documentUrl">Where the page came from, when known; resolves relative canonical links.</param>
    public HtmlArticle Extract(string html, Uri? documentUrl = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        _ = documentUrl;
        throw new NotImplementedException("HTML extraction is not written yet.");
    }
}
