using System.Text;

namespace NewsDigest.Normalization;

/// <summary>
/// Removes button labels a scrape left inside sentences (a Korean "추천", "recommend", in the middle of an English
/// sentence). Only known labels are removed, only as whole words, and only from text in another script, so a Korean
/// paragraph that uses the same words keeps them.
/// </summary>
internal static class InterfaceCrumbs
{
    private static readonly HashSet<string> Labels = new(StringComparer.Ordinal)
    {
        "추천", "비추천", "공유", "좋아요", "댓글", "구독", "인쇄", "스크랩", "기사", "저장", "닫기", "글자크기", "본문", "목록",
        "링크복사", "페이스북", "트위터", "카카오톡", "신고", "확대", "축소", "いいね", "シェア", "印刷", "保存", "コメント",
        "分享", "推荐", "点赞", "评论", "收藏", "打印", "转发",
    };

    // What every label has in common (two to four characters, none of them Latin): most words of a paragraph are
    // ruled out without a look-up, which was most of the time a page-sized paragraph took here.
    private static readonly int ShortestLabel = Labels.Min(label => label.Length);
    private static readonly int LongestLabel = Labels.Max(label => label.Length);
    private static readonly char LowestFirstLetter = Labels.Min(label => label[0]);

    /// <summary>Returns the paragraph without stray labels, and how many were removed.</summary>
    public static (string Text, int Removed) Remove(string paragraph)
    {
        if (!HasNonLatinLetter(paragraph))
        {
            return (paragraph, 0);
        }

        // Read a word at a time in place (the words of Split(' ')): a page-sized paragraph is a million words.
        var text = paragraph.AsSpan();
        var labels = Labels.GetAlternateLookup<ReadOnlySpan<char>>();
        var labelLetters = 0;
        var labelCount = 0;
        foreach (var range in text.Split(' '))
        {
            var word = text[range];
            if (IsLabel(word, labels))
            {
                labelLetters += word.Length;
                labelCount++;
            }
        }

        if (labelCount == 0 || !MostlyLatin(paragraph, labelLetters))
        {
            return (paragraph, 0);
        }

        var kept = new StringBuilder(paragraph.Length);
        foreach (var range in text.Split(' '))
        {
            var word = text[range];
            if (IsLabel(word, labels))
            {
                continue;
            }

            if (kept.Length > 0)
            {
                kept.Append(' ');
            }

            kept.Append(word);
        }

        return (kept.ToString(), labelCount);
    }

    private static bool IsLabel(ReadOnlySpan<char> word, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> labels) =>
        word.Length >= ShortestLabel && word.Length <= LongestLabel && word[0] >= LowestFirstLetter && labels.Contains(word);

    private static bool HasNonLatinLetter(string text)
    {
        foreach (var c in text)
        {
            if (c > '\u024F' && char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether, apart from the labels, nearly all letters are Latin: the labels are foreign to the sentence.</summary>
    private static bool MostlyLatin(string text, int labelLetters)
    {
        int latin = 0, other = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c))
            {
                continue;
            }

            if (c <= '\u024F' || c is >= '\u1E00' and <= '\u1EFF')
            {
                latin++;
            }
            else
            {
                other++;
            }
        }

        other -= labelLetters;
        return latin >= 20 && other * 10 <= latin;
    }
}
