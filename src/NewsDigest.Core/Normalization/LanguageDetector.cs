using System.Text;

namespace NewsDigest.Normalization;

/// <summary>
/// Guesses the language of a text when the source does not declare it: the writing system first (Hangul, kana, Han,
/// Cyrillic, ...), then, for Latin script, which language's most common function words occur most.
/// </summary>
internal static class LanguageDetector
{
    private const int SampleCharacters = 20_000;

    private static readonly (string Language, HashSet<string> Words)[] LatinStopWords =
    [
        ("en", Set("the and of to in is that for with was on are as by it this from have has said were be at which")),
        ("de", Set("der die und das ist nicht mit den von zu ein eine sich auch auf für dem des im wird wurde")),
        ("fr", Set("le la les et des est une du dans que pour qui pas sur au avec sont ce il par aux été")),
        ("es", Set("el la los las y de que en del por con una para es se su al como más pero fue")),
        ("it", Set("il di che la e per non una del della sono con gli le si è anche nel dei alla")),
        ("pt", Set("o a os as de que e do da em um uma para com não dos das no na é foi")),
        ("nl", Set("de het een en van is dat op niet zijn voor met die te ook aan er maar wordt bij")),
        ("sv", Set("och att det som en på är av för med till den inte har om ett var men de")),
        ("cs", Set("a je se na v že to s z do o jako ale by jsou byl k pro ve si")),
        ("pl", Set("i w z na się nie do że to jest o jak po co ale od przez dla jego ich")),
        ("tr", Set("ve bir bu da de için ile olarak daha çok gibi olan ama kadar ne sonra her")),
        ("id", Set("dan yang di ini itu dengan untuk tidak dari dalam akan pada juga ke karena ada adalah oleh")),
        ("vi", Set("và của là có không được cho những các một người trong với này đã")),
    ];

    /// <summary>
    /// The language of extracted paragraphs, read from their beginning only (an article's first few thousand
    /// characters settle it, and long pages stay cheap).
    /// </summary>
    public static string? Detect(IEnumerable<string> paragraphs)
    {
        var sample = new StringBuilder();
        foreach (var paragraph in paragraphs)
        {
            if (sample.Length > 0)
            {
                sample.Append('\n');
            }

            // Only the sample's share of a long paragraph: the rest would be cut off anyway.
            sample.Append(paragraph, 0, Math.Min(paragraph.Length, SampleCharacters - sample.Length));
            if (sample.Length >= SampleCharacters)
            {
                break;
            }
        }

        return Detect(sample.ToString());
    }

    /// <summary>A primary language subtag (for example <c>en</c>, <c>ko</c>), or null when the evidence is too thin.</summary>
    public static string? Detect(string text)
    {
        var sample = text.Length > SampleCharacters ? text[..SampleCharacters] : text;
        int latin = 0, hangul = 0, kana = 0, han = 0, cyrillic = 0, ukrainian = 0, greek = 0, arabic = 0, hebrew = 0, thai = 0, devanagari = 0;
        foreach (var c in sample)
        {
            switch (c)
            {
                case (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '\u00C0' and <= '\u024F') or (>= '\u1E00' and <= '\u1EFF'):
                    latin++;
                    break;
                case (>= '\uAC00' and <= '\uD7A3') or (>= '\u1100' and <= '\u11FF') or (>= '\u3130' and <= '\u318F'):
                    hangul++;
                    break;
                case >= '\u3040' and <= '\u30FF':
                    kana++;
                    break;
                case (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF'):
                    han++;
                    break;
                case >= '\u0400' and <= '\u04FF':
                    cyrillic++;
                    if (c is 'і' or 'ї' or 'є' or 'ґ')
                    {
                        ukrainian++;
                    }

                    break;
                case >= '\u0370' and <= '\u03FF':
                    greek++;
                    break;
                case >= '\u0600' and <= '\u06FF':
                    arabic++;
                    break;
                case >= '\u0590' and <= '\u05FF':
                    hebrew++;
                    break;
                case >= '\u0E00' and <= '\u0E7F':
                    thai++;
                    break;
                case >= '\u0900' and <= '\u097F':
                    devanagari++;
                    break;
            }
        }

        var scripts = new (string Language, int Count)[]
        {
            ("latin", latin),
            (ukrainian * 50 > cyrillic ? "uk" : "ru", cyrillic),
            ("el", greek),
            ("ar", arabic),
            ("he", hebrew),
            ("th", thai),
            ("hi", devanagari),
        };

        var total = latin + hangul + kana + han + cyrillic + greek + arabic + hebrew + thai + devanagari;
        if (total < 3)
        {
            return null;
        }

        // One Hangul syllable or ideograph carries about as much as three Latin letters, hence the weights.
        if (hangul * 3 >= latin && hangul > 0 && hangul >= kana)
        {
            return "ko";
        }

        if (kana > 0 && (kana + han) * 3 >= latin && kana * 20 >= han)
        {
            return "ja";
        }

        if (han * 3 >= latin && han > 0)
        {
            return "zh";
        }

        var best = scripts.MaxBy(s => s.Count);
        return best.Language == "latin" ? DetectLatin(sample) : best.Language;
    }

    private static string? DetectLatin(string sample)
    {
        var tokens = ContentFingerprint.Tokenize(sample);
        if (tokens.Count == 0)
        {
            return null;
        }

        string? bestLanguage = null;
        int bestHits = 0, secondHits = 0;
        foreach (var (language, words) in LatinStopWords)
        {
            var hits = tokens.Count(words.Contains);
            if (hits > bestHits)
            {
                secondHits = bestHits;
                bestHits = hits;
                bestLanguage = language;
            }
            else if (hits > secondHits)
            {
                secondHits = hits;
            }
        }

        // Too few function words, or two languages nearly tied: better unknown than wrong.
        var enough = bestHits >= 2 && bestHits * 20 >= tokens.Count;
        var clear = bestHits * 10 > secondHits * 12;
        return enough && clear ? bestLanguage : null;
    }

    /// <summary>The primary subtag of a declared language (<c>en-US</c>, <c>en_US</c>, <c>EN</c> → <c>en</c>).</summary>
    public static string? PrimaryTag(string? declared)
    {
        if (string.IsNullOrWhiteSpace(declared))
        {
            return null;
        }

        var primary = declared.Trim().Split('-', '_')[0].ToLowerInvariant();
        return primary.Length is >= 2 and <= 3 && primary.All(char.IsAsciiLetterLower) ? primary : null;
    }

    private static HashSet<string> Set(string words) => new(words.Split(' '), StringComparer.Ordinal);
}
