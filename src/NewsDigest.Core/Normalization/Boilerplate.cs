using System.Text.RegularExpressions;

namespace NewsDigest.Normalization;

/// <summary>
/// Recognises the text that scrapes carry along with an article: paywall and subscription offers, copyright notices,
/// comment forms, share and navigation crumbs. Patterns are about what such blocks say, not about one site.
/// </summary>
internal static partial class Boilerplate
{
    /// <summary>Long paragraphs are article text even when they mention a subscription or a copyright.</summary>
    private const int MaxBoilerplateWords = 60;

    public static bool IsBoilerplate(string paragraph)
    {
        if (WordCount(paragraph) > MaxBoilerplateWords)
        {
            return false;
        }

        return BoilerplatePattern().IsMatch(paragraph)
            || StandaloneCrumbPattern().IsMatch(paragraph)
            || (WordCount(paragraph) <= 15 && NewsletterPattern().IsMatch(paragraph));
    }

    /// <summary>
    /// Whether a paragraph may belong to a trailing boilerplate block: boilerplate itself, or the short slogans and
    /// bullet points that surround it ("Full access to all analysis", "Be smart about South Korea").
    /// </summary>
    public static bool FitsTrailingBlock(string paragraph)
    {
        if (IsBoilerplate(paragraph))
        {
            return true;
        }

        var words = WordCount(paragraph);
        var endsSentence = paragraph.TrimEnd('"', '”', '’', '\'', ')').EndsWith('.') || paragraph.EndsWith('!') || paragraph.EndsWith('?');
        return words <= 3 || (words <= 25 && !endsSentence);
    }

    /// <summary>A short line that is not a sentence: a UI label or a fragment of an offer ("Get 30 days", "KoreaPro").</summary>
    public static bool IsLabel(string paragraph)
    {
        var trimmed = paragraph.TrimEnd();
        return WordCount(trimmed) <= 8 && !(trimmed.EndsWith('.') || trimmed.EndsWith('?') || trimmed.EndsWith('!') || trimmed.EndsWith('"') || trimmed.EndsWith('”'));
    }

    /// <summary>The publisher a copyright line names ("© 2024 Korea Risk Group. All rights reserved." → "Korea Risk Group").</summary>
    public static string? CopyrightHolder(string paragraph)
    {
        var match = CopyrightHolderPattern().Match(paragraph);
        if (!match.Success)
        {
            return null;
        }

        var holder = match.Groups["holder"].Value.Trim().TrimEnd('.', ',', ' ');
        return holder.Length is >= 2 and <= 80 && WordCount(holder) <= 8 ? holder : null;
    }

    public static int WordCount(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var word = !char.IsWhiteSpace(c);
            if (word && !inWord)
            {
                count++;
            }

            inWord = word;
        }

        return count;
    }

    [GeneratedRegex(
        @"\bleave a (?:reply|comment)\b|\byour email address will not be published\b|\brequired fields are marked\b|^(?:post|add|write) (?:a )?comment\b|^\d+\s+comments?$|^comments?$|^(?:show|view|load) (?:more |all )?comments\b"
        + @"|\ball rights reserved\b|^(?:©|\(c\)\s|copyright\b)|\bno part of this (?:content|article|publication|material|site|website|story)\b|\b(?:reproduction|redistribution|reprint(?:ing)?)\b.{0,60}\b(?:prohibited|without (?:prior )?(?:written )?permission)\b|무단\s*전재|재배포\s*금지|저작권자"
        + @"|\bget (?:full|unlimited|instant|complete) access\b|\b\d+ days? (?:of )?free access\b|\bfree access to\b|^start (?:now|(?:your )?(?:free )?trial|reading)\b|\bno charges? during (?:your|the) trial\b|\bcancel any ?time\b|\bfree trial\b|\bpaid subscription\b"
        + @"|^subscribe\b|\bsubscribe (?:now|today|to (?:our|the|read))\b|\balready (?:a )?(?:subscriber|member)\b|\bsubscribers? only\b|^(?:sign|log) (?:in|up|out)\b|\b(?:sign|log) in to (?:continue|read|comment)\b|\bto continue reading\b|\bbecome a (?:member|subscriber)\b|\bunlock (?:this|the full|full) (?:article|story|access)\b"
        + @"|^(?:share(?: this)?(?: article| story)?|share on \w+|follow us(?: on \w+)?)$|^(?:advertisement|sponsored(?: content)?|ad)$|^(?:read more|related (?:articles|stories|news|posts)|recommended(?: for you)?|most (?:read|popular|viewed))\b:?|^click here\b|^(?:tags?|topics?)\s*:"
        + @"|^(?:skip to (?:main )?content|menu|search|home|back to top|print|email|close)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BoilerplatePattern();

    /// <summary>A paragraph made only of share, like and comment buttons' labels.</summary>
    [GeneratedRegex(@"^(?:(?:추천|공유|좋아요|댓글|구독|인쇄|스크랩|저장|닫기|글자크기|페이스북|트위터|카카오톡|링크복사|facebook|twitter|x|linkedin|whatsapp|telegram|e-?mail|print|copy link)[\s,|·/]*)+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StandaloneCrumbPattern();

    [GeneratedRegex(@"\bnewsletters?\b|\bsign up\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NewsletterPattern();

    [GeneratedRegex(@"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(?:by\s+)?(?<holder>[^.©]{2,80}?)\s*(?:\.|,)?\s*(?:all rights reserved|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CopyrightHolderPattern();
}
