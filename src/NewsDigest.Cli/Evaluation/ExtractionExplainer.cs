using HtmlAgilityPack;
using NewsDigest.Normalization.Html;

namespace NewsDigest.Cli.Evaluation;

/// <summary>Prints how the first extraction attempt saw one page: the best candidates, what was gathered, what the cleaner removed.</summary>
internal static class ExtractionExplainer
{
    public static void Explain(CorpusPage page, TextWriter output)
    {
        var document = new HtmlDocument();
        document.LoadHtml(page.Html);
        var metadata = PageMetadataReader.Read(document, null);
        var body = document.DocumentNode.Descendants("body").FirstOrDefault() ?? document.DocumentNode;
        var builder = new ContentTreeBuilder(new ContentTreeBuilder.Settings(true, true, metadata.Byline is null, metadata.Title));
        var root = builder.Build(body);
        var selected = ContentSelector.Select(root, builder.Scored, builder.Map);
        output.WriteLine($"title: {metadata.Title}; content byline: {builder.Byline}");
        foreach (var candidate in builder.Map.Values.Where(n => n.Initialized).OrderByDescending(n => n.Score).Take(8))
        {
            output.WriteLine($"candidate {Describe(candidate)} score {candidate.Score:F1} text {candidate.TextLength} links {candidate.LinkDensity:F2}");
        }

        foreach (var node in selected)
        {
            output.WriteLine($"gathered {Describe(node)} text {node.TextLength}");
        }

        var cleaner = new ContentCleaner(true, true, builder.Map);
        cleaner.Clean(selected);
        var stack = new Stack<ContentNode>(selected);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node.Removed)
            {
                output.WriteLine($"removed {Describe(node)} text {node.TextLength}: {Shorten(ArticleTextWriter.PlainText(node, builder.Map))}");
                continue;
            }

            foreach (var child in node.Children)
            {
                stack.Push(child);
            }
        }
    }

    private static string Describe(ContentNode node) =>
        $"<{node.Node.Name}{(node.IsRun ? " run" : string.Empty)} as {node.Tag} class=\"{Shorten(node.ClassName)}\" id=\"{node.Node.GetAttributeValue("id", string.Empty)}\">";

    private static string Shorten(string text) => text.Length > 80 ? text[..80] + "…" : text;
}
