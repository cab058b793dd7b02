using System.Text;
using NewsDigest.Normalization;

namespace NewsDigest.Tests.Normalization;

public sealed class TextDecoderTests
{
    private readonly TextDecoder decoder = new();

    [Fact]
    public void Decode_Utf8WithoutDeclaration_IsUtf8()
    {
        var decoded = decoder.Decode(Encoding.UTF8.GetBytes("한국어와 English — “quotes”"), null);

        Assert.True(decoded.Succeeded);
        Assert.Equal("utf-8", decoded.EncodingName);
        Assert.Equal("한국어와 English — “quotes”", decoded.Text);
    }

    [Fact]
    public void Decode_Utf16BigEndianWithByteOrderMark_DropsTheMark()
    {
        var bytes = Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes("Grüße aus Köln")).ToArray();

        var decoded = decoder.Decode(bytes, null);

        Assert.Equal("Grüße aus Köln", decoded.Text);
        Assert.Equal("utf-16BE", decoded.EncodingName);
    }

    [Fact]
    public void Decode_ContentTypeCharset_WinsOverGuessing()
    {
        var bytes = Encoding.GetEncoding("iso-8859-2", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetBytes("Łódź i Kraków");

        var decoded = decoder.Decode(bytes, "text/plain; charset=ISO-8859-2");

        Assert.Equal("Łódź i Kraków", decoded.Text);
    }

    [Fact]
    public void Decode_XmlEncodingDeclaration_IsHonoured()
    {
        var bytes = TestNormalizer.Windows1252.GetBytes("<?xml version=\"1.0\" encoding=\"windows-1252\"?><rss><title>Señor “quoted”</title></rss>");

        var decoded = decoder.Decode(bytes, null);

        Assert.Contains("Señor “quoted”", decoded.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_DeclaredLegacyButContentIsUtf8_UsesUtf8()
    {
        var bytes = Encoding.UTF8.GetBytes("<html><head><meta charset=\"iso-8859-1\"></head><body>Café — déjà vu</body></html>");

        var decoded = decoder.Decode(bytes, null);

        Assert.Contains("Café — déjà vu", decoded.Text, StringComparison.Ordinal);
        Assert.Contains(decoded.Warnings, w => w.Contains("UTF-8", StringComparison.Ordinal));
    }

    [Fact]
    public void Decode_UndeclaredEucKr_DetectsKorean()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(949).GetBytes("국방부는 오커스 참여 문제를 검토하고 있다고 밝혔다.");

        var decoded = decoder.Decode(bytes, null);

        Assert.Equal("국방부는 오커스 참여 문제를 검토하고 있다고 밝혔다.", decoded.Text);
    }

    [Fact]
    public void Decode_RandomHighBytes_Fails()
    {
        var bytes = new byte[512];
        new Random(3).NextBytes(bytes);

        var decoded = decoder.Decode(bytes, null);

        Assert.False(decoded.Succeeded);
        Assert.NotNull(decoded.Failure);
    }

    [Fact]
    public void Decode_Utf8WithOneBrokenSequence_KeepsUtf8AndWarns()
    {
        var good = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("서울 — “시장” ", 30)));
        var bytes = good.Concat(new byte[] { 0xE2, 0x80 }).Concat(Encoding.UTF8.GetBytes(" 끝")).ToArray();

        var decoded = decoder.Decode(bytes, null);

        Assert.Equal("utf-8", decoded.EncodingName);
        Assert.EndsWith("\uFFFD 끝", decoded.Text, StringComparison.Ordinal);
        Assert.Contains(decoded.Warnings, w => w.Contains("invalid UTF-8", StringComparison.Ordinal));
    }
}
