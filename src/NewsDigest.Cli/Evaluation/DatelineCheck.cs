using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsDigest.Cli.Evaluation;

/// <summary>
/// How many articles whose header carries a date-like line got a publication date, and whether it agrees with the
/// date in the article's URL (/2013/05/03/, /2013/may/03/) where there is one: a check independent of the parser.
/// </summary>
internal static partial class DatelineCheck
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public sealed record Result(int WithDateLine, int Dated, int WithUrlDate, int AgreeWithUrl, IReadOnlyList<string> Undated, IReadOnlyList<string> Disagreeing);

    public static Result Check(IReadOnlyList<LabelledArticle> articles, string corpus)
    {
        int withLine = 0, dated = 0, withUrl = 0, agree = 0;
        var undated = new List<string>();
        var disagreeing = new List<string>();
        foreach (var article in articles.Where(a => a.Half == "ecbplus"))
        {
            var header = File.ReadLines(Path.Combine(corpus, "docs", article.Name + ".txt"))
                .Where(l => l.Trim().Length > 0)
                .Skip(1)
                .Take(4)
                .FirstOrDefault(l => l.Length <= 90 && !l.StartsWith("http", StringComparison.OrdinalIgnoreCase) && DateLike().IsMatch(l));
            if (header is null)
            {
                continue;
            }

            withLine++;
            var published = article.Document.Published;
            if (published is null)
            {
                undated.Add($"{article.Name}: {header}");
                continue;
            }

            dated++;
            if (UrlDate(article.Url) is { } fromUrl)
            {
                withUrl++;
                if (Math.Abs((published.Value.UtcDateTime.Date - fromUrl).TotalDays) <= 1)
                {
                    agree++;
                }
                else
                {
                    disagreeing.Add($"{article.Name}: «{header}» read as {published.Value.UtcDateTime:yyyy-MM-dd HH:mm}Z, URL says {fromUrl:yyyy-MM-dd}");
                }
            }
        }

        return new Result(withLine, dated, withUrl, agree, undated, disagreeing);
    }

    private static DateTime? UrlDate(string url)
    {
        var match = UrlDatePattern().Match(url);
        if (!match.Success)
        {
            return null;
        }

        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        var monthText = match.Groups["m"].Value;
        var month = char.IsAsciiDigit(monthText[0])
            ? int.Parse(monthText, CultureInfo.InvariantCulture)
            : Array.IndexOf(Months, monthText[..3].ToLowerInvariant()) + 1;
        var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateTime(year, month, day) : null;
    }

    [GeneratedRegex(@"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? *\d|\d{1,2}[/.-] ?\d{1,2}[/.-] ?\d{2,4}|\b(?:19|20)\d\d\b")]
    private static partial Regex DateLike();

    [GeneratedRegex(@"(?i)/(?<y>(?:19|20)\d\d)/(?<m>\d{1,2}|[a-z]{3,9})/(?<d>\d{1,2})(?:/|$)")]
    private static partial Regex UrlDatePattern();
}
