using System.Globalization;
using NewsDigest.Normalization;

namespace NewsDigest.Tests.Normalization;

/// <summary>The fast paths give the answers of the slow ones they replace.</summary>
public sealed class TextFastPathTests
{
    [Theory]
    [InlineData("")]
    [InlineData(" \n\t\r ")]
    [InlineData("\u200B\uFEFF \u00AD")]
    [InlineData("&nbsp; &#32;&#x20;\n&NewLine;")]
    [InlineData("text")]
    [InlineData("  \n  a")]
    [InlineData("&amp;")]
    [InlineData("&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;x")]
    [InlineData("&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;")]
    [InlineData("&nbsp;                                                               &nbsp;")]
    [InlineData("&nbsp;                                                               &unknown;")]
    [InlineData("&nbsp                                                                   ")]
    public void IsBlank_AnyText_AgreesWithClean(string text)
    {
        Assert.Equal(TextCleaner.Clean(text).Length == 0, TextCleaner.IsBlank(text));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Clean_TextWithReferences_SameAsCleaningTheDecodedText(int seed)
    {
        // References that decode to whitespace, control, invisible and plain characters (none to '&', so the decoded
        // text takes the path without references), between words and runs of whitespace, at either end.
        string[] pieces =
        [
            "word", "Ünïcode", "&nbsp;", "&#9;", "&#x200B;", "&#x202E;", "&#1;", "&eacute;", "&notit;", "&hellip;",
            "&lt;b&gt;", "&#x1F600;", "&NewLine;", " ", "  ", "\n", "\u00A0", "\u200B", "\u0007", "e\u0301",
        ];
        var random = new Random(seed);
        for (var text = 0; text < 300; text++)
        {
            var value = string.Concat(Enumerable.Range(0, random.Next(1, 30))
                .Select(_ => System.Text.RegularExpressions.Regex.Unescape(pieces[random.Next(pieces.Length)])));
            if (!value.Contains('&'))
            {
                continue;
            }

            var decoded = NewsDigest.Normalization.Html.CharacterReferences.Decode(value);
            Assert.DoesNotContain('&', decoded);
            Assert.Equal(TextCleaner.Clean(decoded), TextCleaner.Clean(value));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("One")]
    [InlineData("Two words")]
    [InlineData("The Minister of Finance said on Monday that the budget, 2026's biggest, would pass. Ça va? Ü_ber straße")]
    [InlineData("東京で会議が開かれた。Tokyo hosted the meeting 今日")]
    [InlineData("a b a b a b a b a b a b")]
    [InlineData("  -- ,, !! ")]
    [InlineData("Pneumonoultramicroscopicsilicovolcanoconiosis and Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft are long words, ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ too")]
    public void Fingerprint_AnyText_EqualsTokenizeThenSignature(string text)
    {
        var tokens = ContentFingerprint.Tokenize(text);

        var (wordCount, signature) = ContentFingerprint.Fingerprint(text);

        Assert.Equal(tokens.Count, wordCount);
        Assert.Equal(ContentFingerprint.Signature(tokens), signature);
    }

    [Fact]
    public void Fingerprint_MoreDistinctShinglesThanRemembered_EqualsTokenizeThenSignature()
    {
        // Past the shingles it remembers, a repeated shingle is lowered into the signature again: the same signature.
        var random = new Random(7);
        var words = Enumerable.Range(0, 300_000).Select(_ => "w" + random.Next(50_000).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var text = string.Join(' ', words);
        var tokens = ContentFingerprint.Tokenize(text);

        var (wordCount, signature) = ContentFingerprint.Fingerprint(text);

        Assert.Equal(tokens.Count, wordCount);
        Assert.Equal(ContentFingerprint.Signature(tokens), signature);
    }

    [Theory]
    [InlineData(65_535, "\uD83D\uDE00")]
    [InlineData(65_535, "\uD83D")]
    [InlineData(65_536, "\uDE00x")]
    [InlineData(200_000, "é")]
    public void Sha256Hex_TextLongerThanOnePiece_EqualsHashOfItsUtf8Bytes(int prefix, string tail)
    {
        // A surrogate pair (or a lone surrogate) where the text is cut into pieces is encoded as the whole text's is.
        var text = new string('a', prefix) + System.Text.RegularExpressions.Regex.Unescape(tail) + new string('b', 70_000);
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

        Assert.Equal(expected, ContentFingerprint.Sha256Hex(text));
    }

    [Theory]
    [InlineData(0, "")]
    [InlineData(0, "one")]
    [InlineData(3, "Paragraph one.|Two, on its line.|東京で会議")]
    [InlineData(0, "ends in half a pair \\uD83D|\\uDE00 starts the next")]
    [InlineData(70_000, "a|b")]
    [InlineData(65_535, "\\uD83D\\uDE00 across a piece|and the next line")]
    public void Sha256HexAndFingerprint_Lines_SameAsTheJoinedText(int padding, string joined)
    {
        // Lines are hashed and fingerprinted as the text they make joined by line feeds, without being joined.
        var lines = System.Text.RegularExpressions.Regex.Unescape(joined).Split('|').Select((l, i) => i == 0 ? new string('x', padding) + l : l).ToArray();
        var text = string.Join('\n', lines);
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

        Assert.Equal(expected, ContentFingerprint.Sha256Hex(lines));
        Assert.Equal(ContentFingerprint.Fingerprint(text), ContentFingerprint.Fingerprint(lines));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Fingerprint_LinesReadInTwoHalves_SameAsReadInOne(int seed)
    {
        // Words from a small vocabulary (so shingles repeat), upper case, CJK characters that are words on their own,
        // punctuation, empty lines and lines of a few words, so the middle falls in every kind of place.
        string[] words = ["Harbour", "strike", "ends", "after", "talks", "the", "union", "said", "東", "京", "café", "x", "A1_b"];
        string[] gaps = [" ", ", ", ". ", " — ", "  ", "\t", "(", ") "];
        var random = new Random(seed);
        for (var text = 0; text < 200; text++)
        {
            var lines = Enumerable.Range(0, random.Next(1, 12)).Select(_ => string.Concat(Enumerable.Range(0, random.Next(0, 40))
                .Select(_ => words[random.Next(words.Length)] + System.Text.RegularExpressions.Regex.Unescape(gaps[random.Next(gaps.Length)])))).ToArray();

            var (oneWords, one) = ContentFingerprint.Fingerprint(lines, inTwoFrom: long.MaxValue);
            var (twoWords, two) = ContentFingerprint.Fingerprint(lines, inTwoFrom: 0);

            Assert.Equal(oneWords, twoWords);
            Assert.Equal(one.Values, two.Values);
        }
    }

    [Fact]
    public void Sha256Hex_NoLines_HashOfTheEmptyText()
    {
        Assert.Equal(ContentFingerprint.Sha256Hex(string.Empty), ContentFingerprint.Sha256Hex(Array.Empty<string>()));
    }

    [Fact]
    public void Detect_OneParagraphLongerThanTheSample_JudgesItsBeginningLikeTheWholeText()
    {
        var paragraph = string.Concat(Enumerable.Repeat("Der Bericht ist nicht fertig und wird auch nicht mit den Zahlen verglichen. ", 500));

        Assert.Equal(LanguageDetector.Detect("Titel\n" + paragraph), LanguageDetector.Detect(["Titel", paragraph]));
    }

    [Fact]
    public void LowerVectorized_AnyShingleHash_SameValuesAsOneByOne()
    {
        var random = new Random(20261201);
        var vectorized = new uint[NearDuplicateSignature.Length];
        var oneByOne = new uint[NearDuplicateSignature.Length];
        Array.Fill(vectorized, uint.MaxValue);
        Array.Fill(oneByOne, uint.MaxValue);
        ulong[] hashes = [0, ulong.MaxValue, 0x8000_0000_0000_0000, .. Enumerable.Range(0, 2000).Select(_ => (ulong)random.NextInt64() ^ ((ulong)random.Next() << 63))];
        foreach (var hash in hashes)
        {
            ContentFingerprint.LowerVectorized(vectorized, hash);
            ContentFingerprint.LowerOneByOne(oneByOne, hash);
            Assert.Equal(oneByOne, vectorized);
        }

        // Lowered at every position by some shingle: the comparison above saw changing values, not the starting ones.
        Assert.DoesNotContain(uint.MaxValue, vectorized);
    }

    [Fact]
    public void IsWordCharacter_EveryCharacter_AgreesWithTheUnicodeRule()
    {
        for (var code = 0; code <= char.MaxValue; code++)
        {
            var c = (char)code;
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            var expected = char.IsLetterOrDigit(c) || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark || c == '_';
            Assert.True(expected == ContentFingerprint.IsWordCharacter(c), $"U+{code:X4}");
        }
    }
}
