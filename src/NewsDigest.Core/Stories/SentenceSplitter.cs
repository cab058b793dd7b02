namespace NewsDigest.Stories;

/// <summary>Splits paragraphs into sentences, keeping abbreviations ("U.S.", "Mr.", "S. Korea") and decimals intact.</summary>
internal static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "rep", "sen", "gov", "pres", "st",
        "jr", "sr", "inc", "corp", "co", "ltd", "vs", "etc", "no", "nos", "jan", "feb", "mar", "apr", "jun", "jul",
        "aug", "sep", "sept", "oct", "nov", "dec", "fig", "approx", "dept", "est", "u.s", "u.k", "u.n", "e.u", "a.m",
        "p.m", "i.e", "e.g", "d.c",
    };

    public static List<string> Split(string paragraph)
    {
        var sentences = new List<string>();
        var text = TextTokens.Squash(paragraph);
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is not ('.' or '!' or '?'))
            {
                continue;
            }

            var end = i + 1;
            while (end < text.Length && text[end] is '"' or '\u201d' or '\u2019' or '\'' or ')' or '.' or '!' or '?')
            {
                end++;
            }

            if (end >= text.Length)
            {
                break;
            }

            if (text[end] != ' ' || end + 1 >= text.Length)
            {
                continue;
            }

            var next = text[end + 1];
            if (!(char.IsUpper(next) || char.IsDigit(next) || next is '"' or '\u201c' or '\u2018' or '\'' or '('))
            {
                continue;
            }

            if (c == '.' && IsAbbreviation(text, i))
            {
                continue;
            }

            Add(sentences, text[start..end]);
            start = end + 1;
            i = end;
        }

        if (start < text.Length)
        {
            Add(sentences, text[start..]);
        }

        return sentences;
    }

    private static bool IsAbbreviation(string text, int period)
    {
        var wordStart = period;
        while (wordStart > 0 && !char.IsWhiteSpace(text[wordStart - 1]) && text[wordStart - 1] is not ('(' or '"' or '\u201c'))
        {
            wordStart--;
        }

        var word = text[wordStart..period];
        if (word.Length == 0)
        {
            return false;
        }

        // A single capital is an initial ("S. Korea", "John F. Kennedy").
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return true;
        }

        return Abbreviations.Contains(word);
    }

    private static void Add(List<string> sentences, string sentence)
    {
        var trimmed = sentence.Trim();
        if (trimmed.Length > 0)
        {
            sentences.Add(trimmed);
        }
    }
}
