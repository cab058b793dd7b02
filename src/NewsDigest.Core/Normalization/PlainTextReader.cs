using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsDigest.Normalization;

/// <summary>
/// Reads a plain-text scrape of an article: the headline from the first line when it is one, photo captions set apart,
/// bylines, datelines and source URLs recognised, paywall, copyright and comment-form blocks removed.
/// </summary>
internal sealed partial class PlainTextReader
{
    private const int MaxHeadlineCharacters = 200;
    private const int MaxHeadlineWords = 30;

    /// <summary>How far into the text a byline or dateline may stand and still belong to the article's header.</summary>
    private const int HeaderParagraphs = 6;

    public DocumentDraft Read(string text)
    {
        var warnings = new List<string>();
        var paragraphs = SplitParagraphs(text, out var tagRemnants);
        if (tagRemnants > 0)
        {
            warnings.Add($"{tagRemnants} HTML tag remnants removed");
        }

        var removedBlocks = RemoveLeadingBoilerplate(paragraphs);

        string? title = null;
        if (paragraphs.Count > 1 && LooksLikeHeadline(paragraphs[0]))
        {
            title = paragraphs[0];
            paragraphs.RemoveAt(0);
        }

        string? sourceName = null;
        foreach (var paragraph in paragraphs)
        {
            if (Boilerplate.IsBoilerplate(paragraph) && Boilerplate.CopyrightHolder(paragraph) is { } holder)
            {
                sourceName = holder;
                break;
            }
        }

        removedBlocks += RemoveTrailingBoilerplate(paragraphs);
        removedBlocks += RemoveBoilerplateParagraphs(paragraphs);
        if (removedBlocks > 0)
        {
            warnings.Add(removedBlocks == 1 ? "1 boilerplate block removed" : $"{removedBlocks} boilerplate blocks removed");
        }

        var captions = paragraphs.Count > 1 ? paragraphs.Where(PhotoCaption.IsCaption).ToList() : [];
        if (captions.Count > 0 && captions.Count < paragraphs.Count)
        {
            paragraphs.RemoveAll(PhotoCaption.IsCaption);
        }
        else
        {
            captions.Clear();
        }

        var (authors, published, url) = ReadHeaderLines(paragraphs, warnings);

        return new DocumentDraft(DocumentFormat.PlainText)
        {
            Title = title,
            Paragraphs = paragraphs,
            Captions = captions,
            Authors = authors,
            Published = published,
            Url = url,
            SourceName = sourceName,
            SourceHost = url is null ? null : new Uri(url).Host.ToLowerInvariant(),
            Warnings = warnings,
            RequiresBody = true,
        };
    }

    /// <summary>
    /// One paragraph per line; a line that continues a sentence (the previous line ends without punctuation, this one
    /// starts in lower case) is joined to it, which undoes hard wrapping.
    /// </summary>
    private static List<string> SplitParagraphs(string text, out int tagRemnants)
    {
        var remnants = 0;
        text = TagRemnantPattern().Replace(text, _ =>
        {
            remnants++;
            return " ";
        });
        tagRemnants = remnants;

        var paragraphs = new List<string>();
        var current = new StringBuilder();
        var previousBlank = true;
        foreach (var rawLine in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = TextCleaner.Clean(rawLine);
            if (line.Length == 0)
            {
                previousBlank = true;
                continue;
            }

            if (!previousBlank && current.Length > 0 && ContinuesSentence(current[^1], line))
            {
                current.Append(' ').Append(line);
            }
            else
            {
                if (current.Length > 0)
                {
                    paragraphs.Add(current.ToString());
                }

                current.Clear().Append(line);
            }

            previousBlank = false;
        }

        if (current.Length > 0)
        {
            paragraphs.Add(current.ToString());
        }

        return paragraphs;
    }

    private static bool ContinuesSentence(char previousEnd, string line) =>
        !EndsClause(previousEnd)
        && !line.StartsWith("http", StringComparison.OrdinalIgnoreCase)
        && !line.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
        && (char.IsLower(line[0]) || (line[0] == '(' && line.Length > 1 && char.IsLower(line[1])));

    private static bool EndsClause(char end) => end is '.' or '!' or '?' or ':' or ';' or '"' or '”' or '’' or ')' or '…' or '。';

    private static bool LooksLikeHeadline(string paragraph) =>
        paragraph.Length <= MaxHeadlineCharacters
        && Boilerplate.WordCount(paragraph) is >= 2 and <= MaxHeadlineWords
        && paragraph[^1] is not ('.' or ',' or ';' or ':')
        && !Boilerplate.IsBoilerplate(paragraph)
        && !PhotoCaption.IsCaption(paragraph)
        && DatelineParser.Parse(paragraph) is null
        && !BylinePattern().IsMatch(paragraph);

    private static int RemoveLeadingBoilerplate(List<string> paragraphs)
    {
        var count = 0;
        while (count < paragraphs.Count && Boilerplate.IsBoilerplate(paragraphs[count]))
        {
            count++;
        }

        paragraphs.RemoveRange(0, count);
        return count > 0 ? 1 : 0;
    }

    /// <summary>
    /// From the first boilerplate paragraph after the body starts, when everything after it is boilerplate or its
    /// slogans, the rest is one block; short labels just before it ("Get 30 days") belong to it too.
    /// </summary>
    private static int RemoveTrailingBoilerplate(List<string> paragraphs)
    {
        // From the end backwards: the earliest paragraph after which everything fits a boilerplate block.
        var fitsFrom = paragraphs.Count;
        while (fitsFrom > 1 && Boilerplate.FitsTrailingBlock(paragraphs[fitsFrom - 1]))
        {
            fitsFrom--;
        }

        var start = Math.Max(fitsFrom, 1);
        while (start < paragraphs.Count && !Boilerplate.IsBoilerplate(paragraphs[start]))
        {
            start++;
        }

        if (start >= paragraphs.Count)
        {
            return 0;
        }

        while (start > 1 && Boilerplate.IsLabel(paragraphs[start - 1]))
        {
            start--;
        }

        paragraphs.RemoveRange(start, paragraphs.Count - start);
        return 1;
    }

    private static int RemoveBoilerplateParagraphs(List<string> paragraphs)
    {
        var blocks = 0;
        var previousRemoved = false;
        var kept = new List<string>(paragraphs.Count);
        foreach (var paragraph in paragraphs)
        {
            var remove = Boilerplate.IsBoilerplate(paragraph);
            if (remove && !previousRemoved)
            {
                blocks++;
            }

            if (!remove)
            {
                kept.Add(paragraph);
            }

            previousRemoved = remove;
        }

        paragraphs.Clear();
        paragraphs.AddRange(kept);
        return blocks;
    }

    /// <summary>Bylines ("By Jane Doe"), datelines ("Published: 2024-05-01 09:00") and a bare source URL near the top.</summary>
    private static (List<string> Authors, DateTimeOffset? Published, string? Url) ReadHeaderLines(List<string> paragraphs, List<string> warnings)
    {
        var authors = new List<string>();
        DateTimeOffset? published = null;
        string? url = null;
        for (var i = 0; i < Math.Min(paragraphs.Count, HeaderParagraphs) && paragraphs.Count > 1; i++)
        {
            var paragraph = paragraphs[i];
            var byline = BylinePattern().Match(paragraph);
            if (byline.Success && authors.Count == 0)
            {
                authors.AddRange(byline.Groups["names"].Value
                    .Split([",", " and ", " & "], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Where(n => n.Length > 1));
                paragraphs.RemoveAt(i--);
                continue;
            }

            var dateline = DatelinePattern().Match(paragraph);
            var date = dateline.Success ? ParseDateline(dateline.Groups["date"].Value) : null;
            // Sites write datelines in many ways; a line that is a complete date and nothing else is one too.
            date ??= DatelineParser.Parse(paragraph);
            if (date is { } parsedDate)
            {
                // The first dateline is the publication; a second one ("Updated ...") is header too, not body.
                if (published is null)
                {
                    published = parsedDate.Utc;
                    if (!parsedDate.ZoneKnown)
                    {
                        warnings.Add("publication time zone unknown; read as UTC");
                    }
                }

                paragraphs.RemoveAt(i--);
                continue;
            }

            if (url is null && SourceUrlPattern().Match(paragraph) is { Success: true } link
                && WordPressPostReader.AbsoluteHttpUrl(link.Groups["url"].Value) is { } absolute)
            {
                url = absolute;
                paragraphs.RemoveAt(i--);
            }
        }

        return (authors, published, url);
    }

    private static ParsedDate? ParseDateline(string value)
    {
        if (DateParser.Parse(value) is { } parsed)
        {
            return parsed;
        }

        // Korean and other sites write dates with dots: 2024.07.12 16:41.
        var normalized = value.Replace('.', '-').Replace('/', '-').Trim();
        return DateTime.TryParseExact(normalized, ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new ParsedDate(new DateTimeOffset(local, TimeSpan.Zero), ZoneKnown: false)
            : null;
    }

    [GeneratedRegex(@"<\\?/?(?:span|a|p|b|i|u|em|strong|div|br|font|sup|sub)\b[^<>\n]{0,200}>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TagRemnantPattern();

    [GeneratedRegex(@"^(?:By|BY|by)\s+(?<names>\p{Lu}[\p{L}.'\-]*(?:\s+\p{Lu}[\p{L}.'\-]*){0,3}(?:\s*(?:,|and|&)\s*\p{Lu}[\p{L}.'\-]*(?:\s+\p{Lu}[\p{L}.'\-]*){0,3}){0,3})$", RegexOptions.CultureInvariant)]
    private static partial Regex BylinePattern();

    [GeneratedRegex(@"^(?:Published|Posted|Date|First published|입력|등록)\s*(?:on|at)?\s*[:：]?\s*(?<date>\d{4}[-./]\d{1,2}[-./]\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?|[A-Za-z]{3},?\s+\d{1,2}\s+[A-Za-z]{3,9}\s+\d{4}\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[+-]\d{4}|[A-Z]{1,5})?)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DatelinePattern();

    [GeneratedRegex(@"^(?:(?:Source|Original(?: article)?|URL|Link)\s*:\s*)?(?<url>https?://\S+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SourceUrlPattern();
}
