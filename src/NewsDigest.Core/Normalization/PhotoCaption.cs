using System.Text.RegularExpressions;

namespace NewsDigest.Normalization;

/// <summary>
/// Recognises a photo caption in scraped text: a description that ends with a photo credit (an agency such as
/// "AP-Yonhap", "Reuters", "Getty Images/AFP", or "Photo by ...") standing after the last sentence.
/// </summary>
internal static partial class PhotoCaption
{
    private const int MaxCaptionWords = 80;

    public static bool IsCaption(string paragraph)
    {
        // A credit dangles after the last sentence, so a paragraph that ends like a sentence is no caption.
        var trimmed = paragraph.Trim();
        if (trimmed.Length == 0 || trimmed[^1] is '.' or '!' or '?' or '"' or '”' or '’' or ':' or ',' || Boilerplate.WordCount(trimmed) > MaxCaptionWords)
        {
            return false;
        }

        return AgencyCreditPattern().IsMatch(trimmed) || PhotoByPattern().IsMatch(trimmed);
    }

    [GeneratedRegex(
        @"(?:^|[.!?)”""’]\s+|\s[/|]\s*|\s[-–—]\s)\(?(?:(?:AP|AFP|EPA|Reuters|Yonhap|Xinhua|Kyodo|Bloomberg|Getty Images|Getty|Newsis|News1|NEWS1|UPI|EFE|ANSA|dpa|DPA|Anadolu|Shutterstock|Pool|TASS|Sputnik|KCNA|Jiji Press|Jiji|Kyodo News|Yonhap News|Korea Times|Korea Herald|Joongang Ilbo|JoongAng Ilbo|Chosun Ilbo|Hankyoreh)(?:\s*[-/–]\s*|\s+via\s+|\s*,\s*)?){1,3}(?:\s+(?:photo|Photo|file photo|File Photo))?\)?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex AgencyCreditPattern();

    [GeneratedRegex(
        @"(?:^|[.!?)”""’]\s+|\s[/|]\s*)[\[(]?(?:(?:file )?photo(?:graph)?|image|courtesy|photo courtesy|\w+(?: \w+)? photo)\s*(?:by|of|from|:)\s*[^.!?]{2,60}[\])]?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PhotoByPattern();
}
