using System.Text;
using System.Text.RegularExpressions;

namespace NewsDigest.Normalization;

/// <summary>The text a byte sequence decoded to, or why it could not be decoded.</summary>
/// <param name="Text">The decoded text without byte-order mark; empty when decoding failed.</param>
/// <param name="EncodingName">The web name of the encoding used (for example <c>utf-8</c>, <c>windows-1252</c>).</param>
/// <param name="Failure">Why the bytes are not text, or null when they decoded.</param>
/// <param name="Warnings">What decoding had to guess or repair.</param>
internal sealed record DecodedText(string Text, string EncodingName, string? Failure, IReadOnlyList<string> Warnings)
{
    public bool Succeeded => Failure is null;
}

/// <summary>
/// Turns bytes into text: byte-order marks first, then the charset the transport declared, then the document's own
/// declaration (HTML meta charset, XML encoding), then strict UTF-8, then a guarded legacy fallback.
/// </summary>
internal sealed partial class TextDecoder
{
    private const int DeclarationScanBytes = 4096;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <param name="bytes">The raw content.</param>
    /// <param name="contentType">The transport's content type (for example <c>text/html; charset=euc-kr</c>), when known.</param>
    public DecodedText Decode(ReadOnlySpan<byte> bytes, string? contentType)
    {
        var warnings = new List<string>();

        if (TryDecodeWithByteOrderMark(bytes, out var bomText, out var bomEncoding))
        {
            return new DecodedText(bomText, bomEncoding, null, warnings);
        }

        if (LooksLikeUtf16WithoutByteOrderMark(bytes, out var utf16))
        {
            warnings.Add("UTF-16 text without byte-order mark detected");
            return new DecodedText(utf16.GetString(bytes), utf16.WebName, null, warnings);
        }

        var validUtf8 = IsValidUtf8(bytes, out var hasNonAscii);
        var declared = FindEncoding(CharsetFromContentType(contentType)) ?? FindEncoding(SniffDeclaration(bytes));
        if (declared is not null)
        {
            if (declared.CodePage == Encoding.UTF8.CodePage)
            {
                return validUtf8
                    ? new DecodedText(StrictUtf8.GetString(bytes), "utf-8", null, warnings)
                    : DecodeInvalidUtf8(bytes, warnings, declaredUtf8: true);
            }

            // Pages often declare a legacy charset but are really UTF-8; valid multi-byte UTF-8 is almost never an accident.
            if (validUtf8 && hasNonAscii && !IsUnicodeFamily(declared))
            {
                warnings.Add($"declared {declared.WebName} but the content is UTF-8");
                return new DecodedText(StrictUtf8.GetString(bytes), "utf-8", null, warnings);
            }

            // Declared legacy, but UTF-8 with some damage (a stray byte among curly quotes): UTF-8 it is.
            if (!validUtf8 && !IsUnicodeFamily(declared) && CountUtf8Sequences(bytes) is { ValidMultiByte: > 0 } counts && counts.Invalid <= counts.ValidMultiByte)
            {
                warnings.Add($"declared {declared.WebName} but the content is UTF-8");
                return Utf8WithReplacements(bytes, counts.Invalid, warnings);
            }

            return new DecodedText(declared.GetString(bytes), declared.WebName, null, warnings);
        }

        if (validUtf8)
        {
            return new DecodedText(StrictUtf8.GetString(bytes), "utf-8", null, warnings);
        }

        return DecodeInvalidUtf8(bytes, warnings, declaredUtf8: false);
    }

    /// <summary>
    /// Bytes that are not valid UTF-8. A legacy charset is chosen only when the bytes really are that charset;
    /// otherwise the text stays UTF-8 with the damaged sequences replaced, and only content that is mostly damage
    /// is refused.
    /// </summary>
    private static DecodedText DecodeInvalidUtf8(ReadOnlySpan<byte> bytes, List<string> warnings, bool declaredUtf8)
    {
        var (invalid, validMultiByte) = CountUtf8Sequences(bytes);

        // Valid multi-byte sequences almost never occur by accident in legacy text: when they outnumber the
        // damage (curly quotes around one stray byte, a short run of garbage), the text is UTF-8.
        if (validMultiByte > 0 && invalid <= validMultiByte)
        {
            return Utf8WithReplacements(bytes, invalid, warnings);
        }

        var korean = Encoding.GetEncoding(949);
        if (TryDecodeStrict(korean, bytes, out var koreanText) && MostlyHangul(koreanText))
        {
            warnings.Add(declaredUtf8 ? "declared UTF-8 but the content is EUC-KR" : "no charset declared; detected EUC-KR");
            return new DecodedText(koreanText, "euc-kr", null, warnings);
        }

        var windows1252 = Encoding.GetEncoding(1252);
        if (LooksLikeWindows1252Text(bytes))
        {
            warnings.Add(declaredUtf8 ? "declared UTF-8 but the content is windows-1252" : "no charset declared; decoded as windows-1252");
            return new DecodedText(windows1252.GetString(bytes), "windows-1252", null, warnings);
        }

        // Text with a few damaged bytes (one stray 0x81 in an ASCII article) is still that text.
        if (invalid * 20 <= bytes.Length)
        {
            return Utf8WithReplacements(bytes, invalid, warnings);
        }

        return new DecodedText(
            string.Empty,
            "unknown",
            $"the content is neither valid UTF-8 nor recognisable legacy text ({invalid} invalid UTF-8 sequences)",
            warnings);
    }

    private static DecodedText Utf8WithReplacements(ReadOnlySpan<byte> bytes, int invalid, List<string> warnings)
    {
        warnings.Add($"{invalid} invalid UTF-8 sequences replaced");
        return new DecodedText(Encoding.UTF8.GetString(bytes), "utf-8", null, warnings);
    }

    internal static bool HasByteOrderMark(ReadOnlySpan<byte> bytes) =>
        bytes is [0xEF, 0xBB, 0xBF, ..] or [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] or [0x00, 0x00, 0xFE, 0xFF, ..];

    private static bool TryDecodeWithByteOrderMark(ReadOnlySpan<byte> bytes, out string text, out string encodingName)
    {
        Encoding? encoding = null;
        var skip = 0;
        if (bytes is [0xEF, 0xBB, 0xBF, ..])
        {
            encoding = Encoding.UTF8;
            skip = 3;
        }
        else if (bytes is [0xFF, 0xFE, 0x00, 0x00, ..])
        {
            encoding = new UTF32Encoding(bigEndian: false, byteOrderMark: false);
            skip = 4;
        }
        else if (bytes is [0x00, 0x00, 0xFE, 0xFF, ..])
        {
            encoding = new UTF32Encoding(bigEndian: true, byteOrderMark: false);
            skip = 4;
        }
        else if (bytes is [0xFF, 0xFE, ..])
        {
            encoding = Encoding.Unicode;
            skip = 2;
        }
        else if (bytes is [0xFE, 0xFF, ..])
        {
            encoding = Encoding.BigEndianUnicode;
            skip = 2;
        }

        if (encoding is null)
        {
            text = string.Empty;
            encodingName = string.Empty;
            return false;
        }

        text = encoding.GetString(bytes[skip..]);
        encodingName = encoding.WebName;
        return true;
    }

    /// <summary>ASCII text in UTF-16 has a zero in every other byte; that pattern is what identifies it without a BOM.</summary>
    internal static bool LooksLikeUtf16WithoutByteOrderMark(ReadOnlySpan<byte> bytes, out Encoding encoding) =>
        LooksLikeUtf16WithoutByteOrderMark(bytes, System.Text.Unicode.Utf8.IsValid(bytes), out encoding);

    /// <param name="bytes">The content, or at least its first kilobyte.</param>
    /// <param name="validUtf8">Whether the whole content is valid UTF-8: then it is not East Asian UTF-16.</param>
    /// <param name="encoding">The UTF-16 the content looks like.</param>
    private static bool LooksLikeUtf16WithoutByteOrderMark(ReadOnlySpan<byte> bytes, bool validUtf8, out Encoding encoding)
    {
        encoding = Encoding.Unicode;
        var sample = bytes[..Math.Min(bytes.Length, 1024)];
        if (sample.Length < 16)
        {
            return false;
        }

        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i + 1 < sample.Length; i += 2)
        {
            if (sample[i] == 0)
            {
                evenZeros++;
            }

            if (sample[i + 1] == 0)
            {
                oddZeros++;
            }
        }

        var pairs = sample.Length / 2;
        if (oddZeros * 10 > pairs * 7 && evenZeros * 20 < pairs)
        {
            encoding = Encoding.Unicode;
            return true;
        }

        if (evenZeros * 10 > pairs * 7 && oddZeros * 20 < pairs)
        {
            encoding = Encoding.BigEndianUnicode;
            return true;
        }

        // Korean, Chinese or Japanese in UTF-16 has few zero bytes (only its spaces and ASCII). It is recognised by
        // what it decodes to: almost every character a letter of one of those scripts, punctuation or a space, and
        // spaces or CJK punctuation throughout. Random or binary bytes decode to characters from all over the table.
        if (sample.Length >= 32 && !validUtf8)
        {
            foreach (var candidate in new[] { Encoding.Unicode, Encoding.BigEndianUnicode })
            {
                if (LooksLikeEastAsianText(candidate, sample[..(sample.Length & ~1)]))
                {
                    encoding = candidate;
                    return true;
                }
            }
        }

        return false;
    }

    private static bool LooksLikeEastAsianText(Encoding encoding, ReadOnlySpan<byte> sample)
    {
        var strict = Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        string text;
        try
        {
            text = strict.GetString(sample);
        }
        catch (DecoderFallbackException)
        {
            // A lone surrogate where the sample was cut is fine; elsewhere it is not text.
            return false;
        }

        int plausible = 0, separators = 0, eastAsian = 0;
        foreach (var c in text)
        {
            var isSeparator = c is ' ' or '\n' or '\r' or '\t' || c is >= '\u3000' and <= '\u303F' || c is >= '\uFF00' and <= '\uFF0F';
            var isEastAsian = c is >= '\uAC00' and <= '\uD7A3' or >= '\u1100' and <= '\u11FF' or >= '\u3130' and <= '\u318F'
                or >= '\u4E00' and <= '\u9FFF' or >= '\u3040' and <= '\u30FF';
            separators += isSeparator ? 1 : 0;
            eastAsian += isEastAsian ? 1 : 0;
            if (isSeparator || isEastAsian || c is >= ' ' and <= '~' || c is >= '\u2010' and <= '\u206F' || c is >= '\uFF01' and <= '\uFF5E')
            {
                plausible++;
            }
        }

        return text.Length > 0 && plausible * 100 >= text.Length * 97 && eastAsian * 2 >= text.Length && separators * 40 >= text.Length;
    }

    private static bool IsValidUtf8(ReadOnlySpan<byte> bytes, out bool hasNonAscii)
    {
        var valid = System.Text.Unicode.Utf8.IsValid(bytes);
        hasNonAscii = valid && !Ascii.IsValid(bytes);
        return valid;
    }

    private static (int Invalid, int ValidMultiByte) CountUtf8Sequences(ReadOnlySpan<byte> bytes)
    {
        int invalid = 0, validMultiByte = 0;
        while (!bytes.IsEmpty)
        {
            var ascii = bytes.IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            if (ascii < 0)
            {
                break;
            }

            bytes = bytes[ascii..];
            var status = System.Text.Rune.DecodeFromUtf8(bytes, out _, out var consumed);
            if (status == System.Buffers.OperationStatus.Done)
            {
                validMultiByte++;
            }
            else
            {
                invalid++;
            }

            bytes = bytes[Math.Max(consumed, 1)..];
        }

        return (invalid, validMultiByte);
    }

    private static bool TryDecodeStrict(Encoding encoding, ReadOnlySpan<byte> bytes, out string text)
    {
        var strict = Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        try
        {
            text = strict.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = string.Empty;
            return false;
        }
    }

    private static bool MostlyHangul(string text)
    {
        int hangul = 0, otherNonAscii = 0;
        foreach (var c in text)
        {
            if (c is >= '\uAC00' and <= '\uD7A3')
            {
                hangul++;
            }
            else if (c >= 0x80)
            {
                otherNonAscii++;
            }
        }

        return hangul >= 4 && hangul > otherNonAscii * 3;
    }

    /// <summary>
    /// Legacy Western text has few high bytes, each of them a letter or common punctuation, and no control bytes;
    /// random or binary bytes fail at least one of those.
    /// </summary>
    private static bool LooksLikeWindows1252Text(ReadOnlySpan<byte> bytes)
    {
        int high = 0, plausibleHigh = 0, asciiLetters = 0, highRun = 0;
        foreach (var b in bytes)
        {
            // Legacy Western words have one or two accented letters in a row; four high bytes in a row are not text.
            highRun = b >= 0x80 ? highRun + 1 : 0;
            if (highRun > 3)
            {
                return false;
            }

            switch (b)
            {
                case < 0x20 when b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C):
                case 0x7F:
                case 0x81 or 0x8D or 0x8F or 0x90 or 0x9D:
                    return false;
                case >= 0x80:
                    high++;
                    if (IsPlausibleWindows1252HighByte(b))
                    {
                        plausibleHigh++;
                    }

                    break;
                case >= (byte)'A' and <= (byte)'Z':
                case >= (byte)'a' and <= (byte)'z':
                    asciiLetters++;
                    break;
            }
        }

        return asciiLetters > 0 && high * 4 <= bytes.Length && plausibleHigh * 10 >= high * 9 && asciiLetters >= high;
    }

    private static bool IsPlausibleWindows1252HighByte(byte b) => b switch
    {
        0x80 or 0x85 or 0x91 or 0x92 or 0x93 or 0x94 or 0x96 or 0x97 or 0x99 => true, // € … ‘ ’ “ ” – — ™
        0x8A or 0x8C or 0x8E or 0x9A or 0x9C or 0x9E or 0x9F => true, // Š Œ Ž š œ ž Ÿ
        0xA0 or 0xA3 or 0xA7 or 0xA9 or 0xAB or 0xAE or 0xB0 or 0xB7 or 0xBB or 0xBF or 0xA1 => true,
        >= 0xC0 and not (0xD7 or 0xF7) => true, // accented letters
        _ => false,
    };

    private static bool IsUnicodeFamily(Encoding encoding) =>
        encoding.CodePage is 1200 or 1201 or 12000 or 12001 or 65000 or 65001;

    private static string? CharsetFromContentType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return null;
        }

        var match = ContentTypeCharsetPattern().Match(contentType);
        return match.Success ? match.Groups["charset"].Value : null;
    }

    /// <summary>Looks for a charset in the first few kilobytes, read as ASCII (declarations are ASCII by definition).</summary>
    private static string? SniffDeclaration(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, DeclarationScanBytes)]);
        var xml = XmlDeclarationPattern().Match(head);
        if (xml.Success)
        {
            return xml.Groups["charset"].Value;
        }

        var meta = MetaCharsetPattern().Match(head);
        return meta.Success ? meta.Groups["charset"].Value : null;
    }

    private static Encoding? FindEncoding(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var trimmed = name.Trim().Trim('"', '\'').ToLowerInvariant();

        // The WHATWG encoding standard maps these labels to windows-1252, as every browser does.
        if (trimmed is "iso-8859-1" or "latin1" or "us-ascii" or "ascii" or "iso8859-1" or "l1")
        {
            trimmed = "windows-1252";
        }

        if (trimmed is "utf8" or "unicode-1-1-utf-8")
        {
            trimmed = "utf-8";
        }

        try
        {
            return Encoding.GetEncoding(trimmed);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"charset\s*=\s*[""']?(?<charset>[A-Za-z0-9._:\-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ContentTypeCharsetPattern();

    [GeneratedRegex(@"^\s*<\?xml[^>]*?encoding\s*=\s*[""'](?<charset>[A-Za-z0-9._:\-]+)[""']", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex XmlDeclarationPattern();

    [GeneratedRegex(@"<meta\b[^>]*?charset\s*=\s*[""']?\s*(?<charset>[A-Za-z0-9._:\-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharsetPattern();
}
