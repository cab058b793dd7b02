using System.Collections.Frozen;

namespace NewsDigest.Normalization.Html;

/// <summary>
/// Guesses a text's language when the page does not declare one: from the script for scripts that
/// (nearly) name their language, else from the most frequent function words of common European languages.
/// </summary>
internal static class LanguageDetector
{
    private const int SampleLength = 4000;

    private static readonly (string Language, FrozenSet<string> Words)[] StopWords =
    [
        ("en", Words("the of and to in is that it for was on are with as this be by at from have not but or an they which you his her")),
        ("fr", Words("le la les de des du et est un une que qui dans pour pas sur au avec ce il elle sont plus par ne se aux")),
        ("de", Words("der die das und ist nicht ein eine zu den mit von im sich auf für dem des auch es ein sie wird wurde")),
        ("es", Words("el la los las de del y que en un una es por para con no se su al lo como más pero sus")),
        ("it", Words("il la le di che è e un una per non del della in sono con si da al gli lo anche come")),
        ("pt", Words("o a os as de do da e que em um uma é para com não no na se por mais dos das como")),
        ("nl", Words("de het een en van is dat in op te zijn met voor niet aan er ook als bij door")),
        ("cs", Words("a je se na v že to s z do o jako ale by jsou byl k pro ve si")),
        ("pl", Words("i w na z się nie że do to jest o jak po co ale od przez tak dla")),
        ("sv", Words("och att det som en på är av för med till den har inte om ett var")),
    ];

    public static string? Detect(IEnumerable<string> paragraphs)
    {
        var counts = new int[StopWords.Length];
        int latin = 0, cyrillic = 0, arabic = 0, hebrew = 0, greek = 0, hangul = 0, kana = 0, han = 0, thai = 0, devanagari = 0;
        var sampled = 0;
        foreach (var paragraph in paragraphs)
        {
            foreach (var c in paragraph)
            {
                switch (c)
                {
                    case >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '\u00C0' and <= '\u024F': latin++; break;
                    case >= '\u0400' and <= '\u04FF': cyrillic++; break;
                    case >= '\u0600' and <= '\u06FF': arabic++; break;
                    case >= '\u0590' and <= '\u05FF': hebrew++; break;
                    case >= '\u0370' and <= '\u03FF': greek++; break;
                    case >= '\uAC00' and <= '\uD7AF': hangul++; break;
                    case >= '\u3040' and <= '\u30FF': kana++; break;
                    case >= '\u4E00' and <= '\u9FFF': han++; break;
                    case >= '\u0E00' and <= '\u0E7F': thai++; break;
                    case >= '\u0900' and <= '\u097F': devanagari++; break;
                    default: break;
                }
            }

            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var token = word.Trim('.', ',', ';', ':', '!', '?', '"', '\'', '(', ')', '«', '»', '“', '”').ToLowerInvariant();
                for (var i = 0; i < StopWords.Length; i++)
                {
                    if (StopWords[i].Words.Contains(token))
                    {
                        counts[i]++;
                    }
                }
            }

            sampled += paragraph.Length;
            if (sampled > SampleLength)
            {
                break;
            }
        }

        var scripts = new (string Language, int Count)[]
        {
            ("ja", kana > 0 ? kana + han : 0), ("zh", kana == 0 ? han : 0), ("ko", hangul), ("ru", cyrillic), ("ar", arabic),
            ("he", hebrew), ("el", greek), ("th", thai), ("hi", devanagari),
        };
        var (scriptLanguage, scriptCount) = scripts.MaxBy(s => s.Count);
        if (scriptCount > latin && scriptCount >= 10)
        {
            return scriptLanguage;
        }

        var best = -1;
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] > 0 && (best < 0 || counts[i] > counts[best]))
            {
                best = i;
            }
        }

        return best >= 0 && counts[best] >= 3 ? StopWords[best].Language : null;
    }

    private static FrozenSet<string> Words(string words) =>
        words.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);
}
