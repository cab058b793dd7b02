using NewsDigest.Normalization;

namespace NewsDigest.Tests.Normalization;

public sealed class TextAnalysisTests
{
    [Theory]
    [InlineData("The minister said the talks would continue next week in the capital.", "en")]
    [InlineData("Der Minister sagte, dass die Gespräche in der nächsten Woche fortgesetzt werden.", "de")]
    [InlineData("Le ministre a dit que les discussions continueront la semaine prochaine dans la capitale.", "fr")]
    [InlineData("El ministro dijo que las conversaciones continuarán la próxima semana en la capital.", "es")]
    [InlineData("국방부는 오커스 참여 문제를 검토하고 있다고 밝혔다.", "ko")]
    [InlineData("防衛省は来週も協議を続けると発表した。", "ja")]
    [InlineData("国防部表示将在下周继续会谈。", "zh")]
    [InlineData("Министр заявил, что переговоры продолжатся на следующей неделе.", "ru")]
    public void Detect_KnownLanguage_ReturnsItsTag(string text, string expected)
    {
        Assert.Equal(expected, LanguageDetector.Detect(text));
    }

    [Fact]
    public void Detect_CzechText_ReturnsCs()
    {
        Assert.Equal("cs", LanguageDetector.Detect("Ministr řekl, že jednání budou pokračovat příští týden a že se vláda na to připravuje."));
    }

    [Fact]
    public void Detect_Paragraphs_JudgesThemTogether()
    {
        string[] paragraphs = ["Der Minister sagte,", "dass die Gespräche in der nächsten Woche", "fortgesetzt werden und die Regierung sich darauf vorbereitet."];

        Assert.Equal("de", LanguageDetector.Detect(paragraphs));
    }

    [Fact]
    public void Detect_NoParagraphs_ReturnsNull()
    {
        Assert.Null(LanguageDetector.Detect(Array.Empty<string>()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("12 34 56")]
    [InlineData("AUKUS ROK SMA")]
    public void Detect_TooLittleEvidence_ReturnsNull(string text)
    {
        Assert.Null(LanguageDetector.Detect(text));
    }

    [Theory]
    [InlineData("2024-11-07T23:00:22", 2024, 11, 7, 23, 0, false)]
    [InlineData("2024-11-07T23:00:22Z", 2024, 11, 7, 23, 0, true)]
    [InlineData("2024-11-08T08:00:22+09:00", 2024, 11, 7, 23, 0, true)]
    [InlineData("Tue, 07 May 2024 14:30:00 +0900", 2024, 5, 7, 5, 30, true)]
    [InlineData("Tue, 07 May 2024 14:30:00 GMT", 2024, 5, 7, 14, 30, true)]
    [InlineData("7 May 2024 09:30 EDT", 2024, 5, 7, 13, 30, true)]
    [InlineData("Tue, 07 May 2024 14:30:00", 2024, 5, 7, 14, 30, false)]
    public void Parse_CommonTimestampForms_ConvertsToUtc(string value, int year, int month, int day, int hour, int minute, bool zoneKnown)
    {
        var parsed = DateParser.Parse(value);

        Assert.NotNull(parsed);
        Assert.Equal(new DateTimeOffset(year, month, day, hour, minute, parsed.Value.Utc.Second, TimeSpan.Zero), parsed.Value.Utc);
        Assert.Equal(TimeSpan.Zero, parsed.Value.Utc.Offset);
        Assert.Equal(zoneKnown, parsed.Value.ZoneKnown);
    }

    [Theory]
    [InlineData("0000-00-00T00:00:00")]
    [InlineData("yesterday")]
    [InlineData("Tue, 31 Feb 2024 10:00:00 GMT")]
    [InlineData("Mon, 01 Jan 0001 00:00:00 +1400")]
    public void Parse_ImpossibleDate_ReturnsNull(string value)
    {
        Assert.Null(DateParser.Parse(value));
    }

    [Fact]
    public void Parse_OffsetBeyondFourteenHours_IsReadAsUnknownZone()
    {
        var parsed = DateParser.Parse("Tue, 07 May 2024 14:30:00 +1430");

        Assert.NotNull(parsed);
        Assert.False(parsed.Value.ZoneKnown);
        Assert.Equal(new DateTimeOffset(2024, 5, 7, 14, 30, 0, TimeSpan.Zero), parsed.Value.Utc);
    }

    [Fact]
    public void Signature_KnownText_ValuesStoredByEarlierVersions()
    {
        // Signatures are stored with documents and stories: a later version must compute the same values, or stored
        // copies would stop matching new ones.
        var tokens = ContentFingerprint.Tokenize("The quick brown fox jumps over the lazy dog near the river bank today");

        var values = ContentFingerprint.Signature(tokens).Values;

        Assert.Equal(NearDuplicateSignature.Length, values.Count);
        Assert.Equal("47772436,236797916,406150377,586573757", string.Join(",", values.Take(4)));
        Assert.Equal(values, ContentFingerprint.Fingerprint("The quick brown fox jumps over the lazy dog near the river bank today").Signature.Values);
    }

    [Fact]
    public void Signature_IsTheSameAcrossCallsAndDiffersForOtherText()
    {
        var tokens = ContentFingerprint.Tokenize("The quick brown fox jumps over the lazy dog near the river bank today");
        var other = ContentFingerprint.Tokenize("Completely different words about markets and interest rates rising again");

        var signature = ContentFingerprint.Signature(tokens);

        Assert.Equal(signature, ContentFingerprint.Signature(tokens));
        Assert.Equal(1.0, signature.Similarity(ContentFingerprint.Signature(tokens)));
        Assert.True(signature.Similarity(ContentFingerprint.Signature(other)) < 0.2);
    }

    [Fact]
    public void Tokenize_LowerCasesAndSplitsIdeographs()
    {
        Assert.Equal(["seoul", "s", "mayor", "서울시", "国", "防"], ContentFingerprint.Tokenize("Seoul's MAYOR — 서울시 国防"));
    }

    [Fact]
    public void Remove_InterfaceWordInsideEnglishSentence_IsRemoved()
    {
        var (text, removed) = InterfaceCrumbs.Remove("The government weighed the economic benefits 추천 and costs of joining the pact.");

        Assert.Equal("The government weighed the economic benefits and costs of joining the pact.", text);
        Assert.Equal(1, removed);
    }

    [Theory]
    [InlineData("추천")]
    [InlineData("비추천")]
    [InlineData("글자크기")]
    [InlineData("いいね")]
    [InlineData("コメント")]
    [InlineData("分享")]
    public void Remove_LabelOfAnyLengthOrScriptAsAWord_IsRemoved(string label)
    {
        var (text, removed) = InterfaceCrumbs.Remove($"The council {label} approved the harbour budget for the coming year.");

        Assert.Equal("The council approved the harbour budget for the coming year.", text);
        Assert.Equal(1, removed);
    }

    [Fact]
    public void IsCaption_AgencyCreditAfterDescription_IsCaptionButOrdinarySentenceIsNot()
    {
        Assert.True(PhotoCaption.IsCaption("Protesters march in central Seoul, Saturday. Reuters"));
        Assert.True(PhotoCaption.IsCaption("Firefighters at the scene on Monday. Getty Images/AFP"));
        Assert.True(PhotoCaption.IsCaption("The new bridge at dusk. Photo by Kim Min-soo"));
        Assert.False(PhotoCaption.IsCaption("The report was first published by Reuters on Monday."));
        Assert.False(PhotoCaption.IsCaption("Officials told AP that talks would continue."));
    }
}
