using System.Text;

namespace NewsDigest.Cli.Commands.Bench;

/// <summary>
/// Pages built to be expensive: every shape an outside test or a broken scraper produces (deep nesting of every kind,
/// huge flat pages, endless attributes, comments, scripts, entities), each just under 1 MB and each wrapped around a
/// real-looking article, so the benchmark also shows whether the text survives.
/// </summary>
internal static class HostilePages
{
    public const int TargetBytes = 1_000_000;

    public const string Marker = "Councillors approved the harbour budget";

    private const string Sentence = Marker + " after a long debate about dredging, ferries and the new fish market on the quay. ";

    public static IReadOnlyList<(string Shape, byte[] Content)> All() =>
    [
        ("nested divs", Nested("<div>", "</div>")),
        ("unclosed divs", Nested("<div>", string.Empty)),
        ("nested spans", Nested("<span>", "</span>")),
        ("nested inline b/i", Nested("<b><i>", "</i></b>")),
        ("nested tables", Nested("<table><tr><td>", "</td></tr></table>")),
        ("nested lists", Nested("<ul><li>", "</li></ul>")),
        ("unclosed list items", Nested("<ul><li>", string.Empty)),
        ("nested links", Nested("<a href=\"/x\">", "</a>")),
        ("nested sections with text", Nested("<section><p>" + Sentence + "</p>", "</section>")),
        ("sibling paragraphs", Repeat("<p>" + Sentence + "</p>\n")),
        ("unclosed paragraphs", Repeat("<p>" + Sentence + "\n")),
        ("line breaks", Repeat("word<br>")),
        ("empty elements", Repeat("<i></i>")),
        ("one huge paragraph", Page("<p>" + Fill(Sentence) + "</p>")),
        ("one huge word", Page("<p>" + Sentence + new string('x', TargetBytes - 2_000) + "</p>")),
        ("text without tags", Encoding.UTF8.GetBytes("<html>" + Fill(Sentence))),
        ("many attributes", Page("<div " + Fill("data-a=\"1\" ") + "><p>" + Sentence + "</p></div>")),
        ("huge attribute", Page("<div title=\"" + new string('a', TargetBytes - 2_000) + "\"><p>" + Sentence + "</p></div>")),
        ("unterminated quote", Page("<div title=\"" + Fill("<div>") + "<p>" + Sentence + "</p>")),
        ("comments", Repeat("<!-- c --><p>x</p>")),
        ("unterminated comment", Page("<!--" + Fill("<div>"))),
        ("huge script", Page("<script>" + Fill("var a = '<div>';\n") + "</script><p>" + Sentence + "</p>")),
        ("entities", Page("<p>" + Fill("&amp;&lt;&#x41;&eacute; ") + "</p>")),
        ("json-ld", Page("<script type=\"application/ld+json\">{\"headline\":\"" + Fill("a") + "\"}</script><p>" + Sentence + "</p>")),
        ("meta tags", Page(Fill("<meta property=\"og:title\" content=\"Title\">") + "<p>" + Sentence + "</p>")),
        ("long title", Page("<title>" + Fill("Title ") + "</title><p>" + Sentence + "</p>")),
        ("deep article (3,000 levels)", Nested("<div>", "</div>", 3_000)),
        ("wordpress json, nested content", WordPress()),
        ("plain text", Encoding.UTF8.GetBytes(Fill(Sentence + "\n\n"))),
    ];

    private static string Article => "<h1>Harbour budget approved</h1>" + string.Concat(Enumerable.Repeat("<p>" + Sentence + Sentence + "</p>", 6));

    private static byte[] Nested(string open, string close, int? levels = null)
    {
        var count = levels ?? (TargetBytes - 4_000) / (open.Length + close.Length);
        var html = new StringBuilder(TargetBytes);
        html.Append("<!DOCTYPE html><html><head><title>Harbour budget approved</title></head><body>");
        for (var i = 0; i < count; i++)
        {
            html.Append(open);
        }

        html.Append(Article);
        for (var i = 0; i < count; i++)
        {
            html.Append(close);
        }

        return Encoding.UTF8.GetBytes(html.Append("</body></html>").ToString());
    }

    private static byte[] Repeat(string unit) => Page(Fill(unit));

    private static byte[] Page(string body) =>
        Encoding.UTF8.GetBytes("<!DOCTYPE html><html><head><title>Harbour budget approved</title></head><body>" + Article + body + "</body></html>");

    private static string Fill(string unit)
    {
        var builder = new StringBuilder(TargetBytes);
        while (builder.Length + unit.Length < TargetBytes - 6_000)
        {
            builder.Append(unit);
        }

        return builder.ToString();
    }

    private static byte[] WordPress()
    {
        var count = (TargetBytes - 4_000) / 35;
        var content = string.Concat(Enumerable.Repeat("<div>", count)) + Article + string.Concat(Enumerable.Repeat("</div>", count));
        var json = "{\"id\":1,\"date_gmt\":\"2024-05-01T09:00:00\",\"link\":\"https://example.com/harbour\",\"title\":{\"rendered\":\"Harbour budget approved\"},\"content\":{\"rendered\":"
            + System.Text.Json.JsonSerializer.Serialize(content) + "}}";
        return Encoding.UTF8.GetBytes(json);
    }
}
