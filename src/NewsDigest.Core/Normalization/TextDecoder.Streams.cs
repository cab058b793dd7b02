using System.Text;

namespace NewsDigest.Normalization;

/// <summary>What a stream decoded to without its bytes being held, or the binary format its head shows.</summary>
/// <param name="Text">The decoded text in native memory (the caller disposes it), or null when the content is binary.</param>
/// <param name="Warnings">What decoding had to guess, as <see cref="DecodedText.Warnings"/>.</param>
/// <param name="Binary">The kind of binary content (as <see cref="ContentSniffer.DetectBinary"/> names it), or null.</param>
internal sealed record StreamedText(NativeText? Text, IReadOnlyList<string> Warnings, string? Binary);

internal sealed partial class TextDecoder
{
    /// <summary>Below this size a stream is simply read into memory: the bytes cost little, and a second read more than they do.</summary>
    public const int StreamedDecodingBytes = 1 << 20;

    /// <summary>The head read for the byte-order mark, the UTF-16 and binary sniffing and the charset declaration; it covers all of them.</summary>
    private const int HeadBytes = 1 << 14;

    private const int ChunkBytes = 1 << 16;

    /// <summary>
    /// <see cref="Decode"/> of a seekable stream's <paramref name="length"/> bytes from its position, for the common
    /// case of valid UTF-8 without a byte-order mark, without holding the bytes: one read validates them and counts
    /// the characters, a second decodes them straight into native memory. Null, with the stream back where it was, when
    /// the content needs the whole bytes (a byte-order mark, UTF-16, a legacy charset, invalid UTF-8, or a stream
    /// under <see cref="StreamedDecodingBytes"/>).
    /// </summary>
    /// <exception cref="IOException">Reading failed, or the content changed between the two reads.</exception>
    public StreamedText? TryDecodeUtf8(Stream content, long length, string? contentType)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanSeek || length < StreamedDecodingBytes || length > int.MaxValue)
        {
            return null;
        }

        var start = content.Position;
        var head = new byte[HeadBytes];
        content.ReadExactly(head);
        content.Position = start;
        if (HasByteOrderMark(head) || LooksLikeUtf16WithoutByteOrderMark(head, validUtf8: true, out _))
        {
            return null;
        }

        if (!TryMeasureUtf8(content, length, out var chars, out var hasNonAscii))
        {
            content.Position = start;
            return null;
        }

        // Valid throughout, the head cut before its last sequence is valid too: sniffed as the whole would be.
        var binary = ContentSniffer.DetectBinary(head.AsSpan(0, Utf8SequenceStart(head)));
        if (binary is not null)
        {
            return new StreamedText(null, [], binary);
        }

        var warnings = new List<string>();
        var declared = FindEncoding(CharsetFromContentType(contentType)) ?? FindEncoding(SniffDeclaration(head));
        if (declared is not null && declared.CodePage != Encoding.UTF8.CodePage)
        {
            // As Decode decides for valid UTF-8: a legacy declaration on ASCII text, or a Unicode one, is decoded as declared.
            if (!hasNonAscii || IsUnicodeFamily(declared))
            {
                content.Position = start;
                return null;
            }

            warnings.Add($"declared {declared.WebName} but the content is UTF-8");
        }

        content.Position = start;
        var text = new NativeText(chars);
        try
        {
            DecodeInto(text.Span, content, length);
        }
        catch
        {
            text.Dispose();
            throw;
        }

        return new StreamedText(text, warnings, null);
    }

    private static void DecodeInto(Span<char> target, Stream content, long length)
    {
        var decoder = StrictUtf8.GetDecoder();
        var chunk = new byte[ChunkBytes];
        var written = 0;
        for (var remaining = length; remaining > 0;)
        {
            var read = content.Read(chunk, 0, (int)Math.Min(chunk.Length, remaining));
            if (read == 0)
            {
                throw new IOException("the content ended early: it changed while it was read");
            }

            remaining -= read;
            try
            {
                written += decoder.GetChars(chunk.AsSpan(0, read), target[written..], flush: remaining == 0);
            }
            catch (ArgumentException exception)
            {
                // Invalid bytes (DecoderFallbackException) or more characters than counted.
                throw new IOException("the content changed while it was read", exception);
            }
        }

        if (written != target.Length)
        {
            throw new IOException("the content changed while it was read");
        }
    }

    /// <summary>Whether the next <paramref name="length"/> bytes are valid UTF-8, with the characters they decode to.</summary>
    private static bool TryMeasureUtf8(Stream content, long length, out int chars, out bool hasNonAscii)
    {
        var decoder = StrictUtf8.GetDecoder();
        var chunk = new byte[ChunkBytes];

        // Decoded into a scratch buffer, not counted: counting leaves a sequence cut between two chunks behind.
        var scratch = new char[ChunkBytes + 2];
        long count = 0;
        chars = 0;
        hasNonAscii = false;
        for (var remaining = length; remaining > 0;)
        {
            var read = content.Read(chunk, 0, (int)Math.Min(chunk.Length, remaining));
            if (read == 0)
            {
                throw new IOException("the content ended early: it changed while it was read");
            }

            remaining -= read;
            var bytes = chunk.AsSpan(0, read);
            hasNonAscii = hasNonAscii || !Ascii.IsValid(bytes);
            try
            {
                count += decoder.GetChars(bytes, scratch, flush: remaining == 0);
            }
            catch (DecoderFallbackException)
            {
                return false;
            }
        }

        if (count > int.MaxValue)
        {
            return false;
        }

        chars = (int)count;
        return true;
    }

    /// <summary>The length of <paramref name="bytes"/> without the last UTF-8 sequence, which may be cut short.</summary>
    private static int Utf8SequenceStart(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.Length;
        while (end > 0 && (bytes[end - 1] & 0xC0) == 0x80)
        {
            end--;
        }

        return end > 0 && bytes[end - 1] >= 0xC0 ? end - 1 : end;
    }
}
