using System.Text;
using NewsDigest.Normalization;
using NewsDigest.Normalization.Html;

namespace NewsDigest.Tests.Normalization;

public sealed class StreamDecodingTests
{
    private readonly TextDecoder decoder = new();

    /// <summary>UTF-8 bytes over the streamed size, with a Hangul syllable and an emoji cut by the 64 KB read boundaries.</summary>
    private static byte[] LargeUtf8(string prefix = "<html><body><p>")
    {
        var builder = new StringBuilder(prefix);
        builder.Append('a', (1 << 16) - 1 - Encoding.UTF8.GetByteCount(prefix)).Append('한');
        builder.Append('b', (1 << 16) - 3).Append("😀");
        while (Encoding.UTF8.GetByteCount(builder.ToString()) <= TextDecoder.StreamedDecodingBytes)
        {
            builder.Append("서울 시청 앞 광장에서 열린 행사에는 많은 시민이 모였다. Officials said the line opens in spring. ");
        }

        return Encoding.UTF8.GetBytes(builder.Append("</p></body></html>").ToString());
    }

    [Fact]
    public void TryDecodeUtf8_SequencesCutByReads_DecodesAsTheWholeBytesDo()
    {
        var bytes = LargeUtf8();
        using var stream = new MemoryStream(bytes);

        var streamed = decoder.TryDecodeUtf8(stream, bytes.Length, null);

        using var text = streamed?.Text;
        var expected = decoder.Decode(bytes, null);
        Assert.NotNull(text);
        Assert.Equal(expected.Text, text.Span.ToString());
        Assert.Equal(expected.Warnings, streamed!.Warnings);
    }

    [Fact]
    public void TryDecodeUtf8_LegacyDeclarationOnUtf8_WarnsAsDecodeDoes()
    {
        var bytes = LargeUtf8("<html><head><meta charset=\"windows-1252\"></head><body><p>");
        using var stream = new MemoryStream(bytes);

        var streamed = decoder.TryDecodeUtf8(stream, bytes.Length, null);

        using var text = streamed?.Text;
        var expected = decoder.Decode(bytes, null);
        Assert.NotEmpty(expected.Warnings);
        Assert.Equal(expected.Warnings, streamed?.Warnings);
        Assert.Equal(expected.Text, text?.Span.ToString());
    }

    [Theory]
    [InlineData("byte-order mark")]
    [InlineData("windows-1252")]
    [InlineData("declared legacy, ASCII only")]
    [InlineData("small")]
    public void TryDecodeUtf8_ContentThatNeedsItsBytes_IsLeftToDecodeWithTheStreamRewound(string kind)
    {
        var ascii = new string('x', TextDecoder.StreamedDecodingBytes + 10);
        var bytes = kind switch
        {
            "byte-order mark" => [.. Encoding.UTF8.GetPreamble(), .. LargeUtf8()],
            "windows-1252" => TestNormalizer.Windows1252.GetBytes("Café déjà vu " + ascii),
            "declared legacy, ASCII only" => Encoding.ASCII.GetBytes("<meta charset=\"iso-8859-2\">" + ascii),
            _ => Encoding.UTF8.GetBytes("<p>Seoul 서울</p>"),
        };
        using var stream = new MemoryStream(bytes.Length + 3);
        stream.Write([1, 2, 3]);
        stream.Write(bytes);
        stream.Position = 3;

        var streamed = decoder.TryDecodeUtf8(stream, bytes.Length, null);

        Assert.Null(streamed);
        Assert.Equal(3, stream.Position);
    }

    [Fact]
    public void TryDecodeUtf8_NulBytes_IsBinaryAsTheSnifferSays()
    {
        var bytes = new byte[TextDecoder.StreamedDecodingBytes + 100];
        Array.Fill(bytes, (byte)'a');
        for (var i = 0; i < bytes.Length; i += 7)
        {
            bytes[i] = 0;
        }

        using var stream = new MemoryStream(bytes);

        var streamed = decoder.TryDecodeUtf8(stream, bytes.Length, null);

        Assert.NotNull(ContentSniffer.DetectBinary(bytes));
        Assert.Equal(ContentSniffer.DetectBinary(bytes), streamed?.Binary);
    }

    [Fact]
    public void TryDecodeUtf8_ContentChangedBetweenReads_ThrowsIOException()
    {
        var bytes = LargeUtf8();
        using var stream = new ShrinkingStream(bytes);

        Assert.Throws<IOException>(() => decoder.TryDecodeUtf8(stream, bytes.Length, null));
    }

    [Fact]
    public void Normalize_LargePageFromAStream_EqualsNormalizeOfItsBytes()
    {
        var bytes = LargeUtf8();
        using var stream = new MemoryStream(bytes);

        var fromStream = TestNormalizer.Single(TestNormalizer.Instance.Normalize(stream, "page.html"));

        var fromBytes = TestNormalizer.Single(TestNormalizer.Normalize(bytes, "page.html"));
        Assert.Equal(fromBytes.Id, fromStream.Id);
        Assert.Equal(fromBytes.Paragraphs, fromStream.Paragraphs);
        Assert.Equal(fromBytes.Warnings, fromStream.Warnings);
    }

    [Fact]
    public void Normalize_UnseekableStream_NormalizesItsContent()
    {
        var bytes = Encoding.UTF8.GetBytes("Rail line delayed\n" + new string('x', 100) + " Officials in Seoul said on Monday that the new rail line would open next spring.");
        using var stream = new UnseekableStream(bytes);

        var fromStream = TestNormalizer.Single(TestNormalizer.Instance.Normalize(stream, "story.txt"));

        var fromBytes = TestNormalizer.Single(TestNormalizer.Normalize(bytes, "story.txt"));
        Assert.Equal(fromBytes.Paragraphs, fromStream.Paragraphs);
    }

    [Fact]
    public void Normalize_UnseekableStreamOverTheLimit_IsTooLarge()
    {
        var normalizer = TestNormalizer.Create(maxDocumentBytes: 1_000);
        using var stream = new UnseekableStream(Encoding.UTF8.GetBytes(new string('x', 5_000)));

        var result = normalizer.Normalize(stream, "story.txt");

        Assert.Equal(RejectionReason.TooLarge, result.Rejection?.Reason);
    }

    [Fact]
    public void Normalize_StreamThatFailsToRead_ThrowsIOException()
    {
        using var stream = new FailingStream();

        Assert.Throws<IOException>(() => TestNormalizer.Instance.Normalize(stream, "story.txt"));
    }

    [Fact]
    public void NativeText_Disposed_RefusesItsSpan()
    {
        var text = new NativeText(3);
        "abc".CopyTo(text.Span);
        Assert.Equal("abc", text.Span.ToString());

        text.Dispose();

        Assert.Throws<ObjectDisposedException>(() => text.Span.Length);
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("deep")]
    [InlineData("many")]
    public void Flatten_TextOutsideTheHeap_EqualsFlattenOfTheString(string shape)
    {
        var html = shape switch
        {
            "deep" => "<html><body>" + string.Concat(Enumerable.Repeat("<div><p>a &amp; b", 300)) + "<script>if (a < b) { x = '</div>'; }</script><!-- note -->"
                + string.Concat(Enumerable.Repeat("</p></div>", 300)) + "</body></html>",
            "many" => "<body>" + string.Concat(Enumerable.Range(0, 200).Select(i => $"<p class=\"x{i}\">Line {i}<br/><img src='i{i}.png'></p>")) + "</body>",
            _ => "<html><body><p>Nothing deep here.</p></body></html>",
        };

        var fromString = NestingGuard.Flatten(html, out var removedFromString, maxDepth: 40, maxNodes: 300);
        var fromSpan = NestingGuard.Flatten(html.AsSpan(), out var removedFromSpan, maxDepth: 40, maxNodes: 300);

        Assert.Equal(fromString, fromSpan);
        Assert.Equal(removedFromString, removedFromSpan);
        Assert.Equal(shape == "plain", removedFromSpan == 0);
    }

    [Theory]
    [InlineData(" \n\t ", true)]
    [InlineData("&nbsp;", true)]
    [InlineData("   &nbsp; &#32; &NewLine;&Tab;", true)]
    [InlineData("  \u200B &amp;", false)]
    [InlineData("   &nbsp; &#32; x", false)]
    public void IsBlank_TextOutsideTheHeap_ReadsReferencesAcrossWindows(string text, bool blank)
    {
        // Past the first window of 64 characters, with a reference right at its start and another at the end.
        var padded = text + new string(' ', 100) + "&nbsp;";

        Assert.Equal(blank, TextCleaner.IsBlank(padded.AsSpan()));
        Assert.Equal(blank, TextCleaner.IsBlank(text.AsSpan()));
    }

    [Theory]
    [InlineData("<html><body><p>Hello</p></body></html>", "page.html", "Html")]
    [InlineData("{\"id\": 1, \"title\": {\"rendered\": \"x\"}}", "post.json", "Json")]
    [InlineData("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel></channel></rss>", null, "Feed")]
    [InlineData("Just a line of text with <b>one</b> tag.", "notes.txt", "PlainText")]
    internal void DetectText_TextOutsideTheHeap_TellsTheKind(string text, string? fileName, string kind)
    {
        Assert.Equal(Enum.Parse<TextKind>(kind), ContentSniffer.DetectText(text.AsSpan(), fileName));
    }

    /// <summary>A stream whose content loses its last bytes after the first read through it.</summary>
    private sealed class ShrinkingStream(byte[] content) : MemoryStream(content)
    {
        private bool readToEnd;

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (readToEnd && Position + count >= Length - 10)
            {
                count = (int)Math.Max(0, Length - 10 - Position);
            }

            var read = base.Read(buffer, offset, count);
            readToEnd |= Position == Length;
            return read;
        }
    }

    private sealed class UnseekableStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }

    private sealed class FailingStream() : MemoryStream(new byte[100])
    {
        public override int Read(byte[] buffer, int offset, int count) => throw new IOException("the disk is gone");

        public override int Read(Span<byte> buffer) => throw new IOException("the disk is gone");
    }
}
