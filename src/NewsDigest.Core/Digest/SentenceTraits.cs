using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsDigest.Digest;

/// <summary>What a sentence is, as far as a summary cares: the development, a detail, a reaction, background, or a fragment.</summary>
[Flags]
internal enum SentenceTrait
{
    None = 0,

    /// <summary>A definition or background ("X is a partnership formed in 2021", "X stands for ...", "X aims to ...").</summary>
    Background = 1,

    /// <summary>Needs the sentence before it ("It ...", "Some of the topics ...", "In particular ...", "Kim also ...").</summary>
    Dangling = 2,

    /// <summary>A quotation or reaction: read after the facts.</summary>
    Reaction = 4,

    /// <summary>Says when something happened (a weekday, a month, "yesterday", a date).</summary>
    Dated = 8,

    /// <summary>Reports an action: a past-tense verb.</summary>
    Action = 16,

    /// <summary>Speculation or commentary ("would", "could", "may").</summary>
    Conjecture = 32,
}

/// <summary>What one word says about its sentence (the first that applies, in this order).</summary>
internal enum WordTrait : byte
{
    None,

    /// <summary>"may": the month or the modal verb, told apart by the sentence.</summary>
    May,

    /// <summary>A weekday, a month, "yesterday", ...</summary>
    Time,

    /// <summary>A past-tense verb.</summary>
    Past,

    /// <summary>"would", "could", "likely", ...</summary>
    Conjecture,
}

/// <summary>Rule-based classification of one sentence, by its opening words and a few phrase patterns.</summary>
internal static partial class SentenceTraits
{
    /// <summary>Opening words that point back to something the previous sentence said.</summary>
    private static readonly string[] DanglingOpenings =
    [
        "it", "its", "he", "she", "they", "his", "her", "their", "them", "this", "that", "these", "those", "such", "both",
        "also", "however", "but", "and", "so", "yet", "still", "instead", "moreover", "furthermore", "additionally",
        "besides", "likewise", "similarly", "nevertheless", "nonetheless", "therefore", "thus", "hence", "otherwise",
        "then", "another", "meanwhile",
    ];

    private static readonly string[] DanglingPhrases =
    [
        "some of", "many of", "most of", "all of", "none of", "one of them", "in particular", "in addition", "as a result",
        "the two", "the latter", "the former", "the same", "the move", "the decision", "the statement", "the report",
        "the remarks", "other ", "in turn", "on the other hand", "at the same time", "for his part", "for her part",
        "in response", "as well", "the other",
    ];

    /// <summary>
    /// "The conference saw ...", "The talks covered ...": a definite event noun at the start points back to the
    /// event a sentence before named.
    /// </summary>
    private static readonly HashSet<string> EventNouns = new(StringComparer.Ordinal)
    {
        "conference", "meeting", "talks", "summit", "event", "visit", "deal", "agreement", "announcement", "proposal",
        "incident", "ceremony", "session", "gathering", "discussion", "discussions", "negotiations", "trip", "tour",
        "latter", "former", "pair", "group", "company", "firm", "official", "officials", "minister", "spokesman",
        "spokeswoman", "spokesperson", "actor", "actress", "singer", "star", "player", "team", "suspect", "victim",
    };

    private static readonly HashSet<string> IrregularPast = new(StringComparer.Ordinal)
    {
        "said", "told", "met", "took", "won", "lost", "made", "held", "led", "left", "went", "came", "began", "fell", "rose",
        "struck", "hit", "shot", "killed", "sent", "set", "put", "gave", "got", "found", "broke", "brought", "bought", "sold",
        "paid", "ran", "saw", "spoke", "wrote", "chose", "drove", "flew", "fled", "fought", "caught", "taught", "thought",
        "became", "began", "beat", "bid", "built", "cut", "dealt", "drew", "froze", "grew", "hung", "kept", "knew", "laid",
        "meant", "quit", "rang", "sank", "sat", "shut", "slid", "sought", "spent", "split", "spread", "stood", "stole",
        "stuck", "swore", "threw", "tore", "wore", "withdrew", "overtook", "undertook", "upheld", "won", "was", "were",
    };

    private static readonly HashSet<string> NotPast = new(StringComparer.Ordinal)
    {
        "need", "needed", "based", "red", "bed", "shed", "seed", "feed", "speed", "bled", "united", "limited", "related",
        "advanced", "armed", "interested", "concerned", "detailed", "skilled", "supposed", "used", "expected", "proposed",
        "so-called", "hundred", "indeed", "naked", "wicked", "sacred", "alleged", "aged", "beloved", "learned", "blessed",
    };

    private static readonly HashSet<string> TimeWords = new(StringComparer.Ordinal)
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today", "tonight",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "earlier",
        "morning", "afternoon", "evening", "overnight", "weekend",
    };

    private static readonly HashSet<string> ConjectureWords = new(StringComparer.Ordinal)
    {
        "would", "could", "might", "may", "should", "likely", "possibly", "perhaps", "potentially",
    };

    /// <summary>
    /// Words one of which every match of <see cref="StrongBackground"/> has: a sentence without any of them is not
    /// searched with the pattern, which most sentences would make scan from every other letter.
    /// </summary>
    private static readonly SearchValues<string> StrongBackgroundWords = SearchValues.Create(
        ["acronym", "stands for", "short for", "known as", "formed", "founded", "established", "created", "set up", "since its"],
        StringComparison.OrdinalIgnoreCase);

    public static SentenceTrait Classify(string sentence, List<string> lowerWords)
    {
        var wordTraits = new WordTrait[lowerWords.Count];
        for (var i = 0; i < wordTraits.Length; i++)
        {
            wordTraits[i] = Of(lowerWords[i]);
        }

        return Classify(sentence, lowerWords, wordTraits);
    }

    /// <summary>What <paramref name="lowerWord"/> says about its sentence; a reader that meets a word often works it out once.</summary>
    public static WordTrait Of(string lowerWord) =>
        lowerWord == "may" ? WordTrait.May
        : TimeWords.Contains(lowerWord) ? WordTrait.Time
        : IsPastTense(lowerWord) ? WordTrait.Past
        : ConjectureWords.Contains(lowerWord) ? WordTrait.Conjecture
        : WordTrait.None;

    /// <summary>The traits of <paramref name="sentence"/>, given its lower-case word tokens in order and what each says (<see cref="Of"/>).</summary>
    public static SentenceTrait Classify(ReadOnlySpan<char> sentence, List<string> lowerWords, ReadOnlySpan<WordTrait> wordTraits)
    {
        var traits = SentenceTrait.None;
        if (IsDangling(sentence, lowerWords))
        {
            traits |= SentenceTrait.Dangling;
        }

        if (sentence.Length > 0 && sentence[0] is '"' or '\u201c' or '\'' or '\u2018' || sentence.Contains('\u201c')
            || sentence.Count('"') >= 2)
        {
            traits |= SentenceTrait.Reaction;
        }

        var conjecture = 0;
        foreach (var word in wordTraits)
        {
            switch (word)
            {
                // The month is capitalised; the modal verb is not (except at the start, where the month rarely is).
                case WordTrait.May when MonthMay().IsMatch(sentence):
                    traits |= SentenceTrait.Dated;
                    break;
                case WordTrait.May or WordTrait.Conjecture:
                    conjecture++;
                    break;
                case WordTrait.Time:
                    traits |= SentenceTrait.Dated;
                    break;
                case WordTrait.Past:
                    traits |= SentenceTrait.Action;
                    break;
            }
        }

        if ((traits & SentenceTrait.Dated) == 0 && MayHaveDigit(sentence) && DatePattern().IsMatch(sentence))
        {
            traits |= SentenceTrait.Dated;
        }

        if (conjecture > 0 && (traits & (SentenceTrait.Action | SentenceTrait.Dated)) == 0)
        {
            traits |= SentenceTrait.Conjecture;
        }

        if ((sentence.ContainsAny(StrongBackgroundWords) && StrongBackground().IsMatch(sentence))
            || ((traits & (SentenceTrait.Dated | SentenceTrait.Action)) == 0 && (WeakBackground().IsMatch(sentence) || Definition().IsMatch(sentence))))
        {
            traits |= SentenceTrait.Background;
        }

        return traits;
    }

    private static bool IsDangling(ReadOnlySpan<char> sentence, List<string> lowerWords)
    {
        if (lowerWords.Count == 0)
        {
            return false;
        }

        // Inside a quotation, "This is a dark day" speaks of the speaker's situation, not of the sentence before.
        if (sentence[0] is '"' or '\u201c' or '\'' or '\u2018')
        {
            return false;
        }

        var first = lowerWords[0];
        if (first == "the" && lowerWords.Count > 2 && EventNouns.Contains(lowerWords[1]) && lowerWords[2] is not ("of" or "for" or "on"))
        {
            return true;
        }

        foreach (var opening in DanglingOpenings)
        {
            if (first == opening)
            {
                // "That" and "This" open a sentence of their own when a noun follows that names the thing ("This year ...").
                return !(first is "this" or "that" && lowerWords.Count > 1 && lowerWords[1] is "year" or "week" or "month" or "morning" or "afternoon" or "evening");
            }
        }

        var start = sentence[..Math.Min(sentence.Length, 40)];
        // Phrases are compared only when their first letter is the sentence's (in the case-blind sense of the comparison).
        var initial = char.ToUpperInvariant(start[0]);
        foreach (var phrase in DanglingPhrases)
        {
            if (char.ToUpperInvariant(phrase[0]) == initial && start.StartsWith(phrase, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        // "Kim also noted ...", "The minister also said ...": a subject the previous sentence introduced.
        for (var i = 1; i < Math.Min(4, lowerWords.Count); i++)
        {
            if (lowerWords[i] == "also")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the sentence could have a digit (\d is any Unicode digit): false only for ASCII text without 0-9.</summary>
    private static bool MayHaveDigit(ReadOnlySpan<char> sentence) =>
        sentence.IndexOfAnyInRange('0', '9') >= 0 || !Ascii.IsValid(sentence);

    private static bool IsPastTense(string word)
    {
        if (IrregularPast.Contains(word))
        {
            return true;
        }

        return word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal) && !NotPast.Contains(word) && !word.Contains('-', StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?<=\S )May\b", RegexOptions.CultureInvariant)]
    private static partial Regex MonthMay();

    // "Dec. 14", "14 December", "2013-09-26", "12/14/2008".
    [GeneratedRegex(@"\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b(?:on|since|until|by) \d{1,2}(?:st|nd|rd|th)?\b", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(
        @"\bacronym\b|\bstands for\b|\bshort for\b|\balso known as\b|\b(?:formed|founded|established|created|set up) (?:in|back in) (?:1[89]|20)\d\d\b|\bsince its (?:inception|founding|creation)\b",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex StrongBackground();

    [GeneratedRegex(
        @"\b(?:aims|seeks|focuses|involves|is designed|is meant|is intended|is tasked|is responsible|is distinct|refers|consists|comprises|is made up|is home|is considered|is regarded|is located|is based) (?:to|on|of|from|in|as)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex WeakBackground();

    // "The AUKUS is a trilateral security partnership ...", "Promises is a rehab centre in Malibu": a definition.
    [GeneratedRegex(@"^(?:The )?[A-Z][\w\-\u2019' ]{0,60}?(?:\s[\u2014\u2013-]\s[^\u2014\u2013]+\s[\u2014\u2013-])? (?:is|are) (?:a|an|one of the) ", RegexOptions.CultureInvariant)]
    private static partial Regex Definition();
}
