using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;
using System.Text;

namespace NewsDigest.Normalization;

/// <summary>Word tokens, exact-content hashes and the MinHash near-duplicate signature of normalized text.</summary>
internal static class ContentFingerprint
{
    private const int ShingleSize = 3;

    /// <summary>Characters hashed at a time by <see cref="Sha256Hex"/>: a page-sized text is never copied whole to UTF-8.</summary>
    private const int HashedChars = 1 << 16;

    /// <summary>Fixed per-function seeds, so signatures agree across processes and machines.</summary>
    private static readonly ulong[] Seeds = CreateSeeds();

    /// <summary>Lower-case hex SHA-256 of the UTF-8 text.</summary>
    public static string Sha256Hex(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= HashedChars
            ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))
            : Sha256Hex([text]);
    }

    /// <summary>
    /// Lower-case hex SHA-256 of the UTF-8 of <paramref name="lines"/> joined by line feeds, taken a piece at a time:
    /// neither the joined text nor its UTF-8 copy is made whole.
    /// </summary>
    public static string Sha256Hex(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // The encoder keeps a surrogate pair split between two pieces whole: the bytes are those of the whole text.
        var encoder = Encoding.UTF8.GetEncoder();
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(HashedChars));
        try
        {
            for (var i = 0; i < lines.Count; i++)
            {
                if (i > 0)
                {
                    Append("\n", last: false);
                }

                Append(lines[i], last: i == lines.Count - 1);
            }

            return Convert.ToHexStringLower(hash.GetHashAndReset());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        void Append(ReadOnlySpan<char> remaining, bool last)
        {
            do
            {
                var piece = remaining[..Math.Min(HashedChars, remaining.Length)];
                encoder.Convert(piece, buffer, flush: last && piece.Length == remaining.Length, out var used, out var written, out _);
                hash.AppendData(buffer, 0, written);
                remaining = remaining[used..];
            }
            while (!remaining.IsEmpty);
        }
    }

    /// <summary>
    /// Lower-case word tokens: runs of letters, digits and combining marks; each Han ideograph and kana is its own
    /// token, since those scripts do not separate words with spaces.
    /// </summary>
    public static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (IsSingleCharacterWord(c))
            {
                Flush();
                tokens.Add(c.ToString());
            }
            else if (IsWordCharacter(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else
            {
                Flush();
            }
        }

        Flush();
        return tokens;

        void Flush()
        {
            if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }
    }

    /// <summary>
    /// The word count of <paramref name="text"/> and its MinHash signature, equal to <see cref="Tokenize"/> followed by
    /// <see cref="Signature(IReadOnlyList{string})"/> but without a string per word: each shingle is hashed as its
    /// last word ends, from the lower-cased copies of the last <see cref="ShingleSize"/> words alone, so a page-sized
    /// text costs no more memory than a short one.
    /// </summary>
    public static (int WordCount, NearDuplicateSignature Signature) Fingerprint(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var shingles = new ShingleStream(text.Length / 5);
        ReadWords(text, shingles);
        return (shingles.Words, shingles.Finish());
    }

    /// <summary>
    /// <see cref="Fingerprint(string)"/> of <paramref name="lines"/> joined by line feeds, without joining them: a line
    /// feed is no word character, so a word never runs from one line into the next.
    /// </summary>
    public static (int WordCount, NearDuplicateSignature Signature) Fingerprint(IReadOnlyList<string> lines) =>
        Fingerprint(lines, InTwoFrom);

    /// <summary>How long a text must be (in characters) to be read in two halves at once.</summary>
    internal const long InTwoFrom = 1 << 20;

    /// <summary><see cref="Fingerprint(IReadOnlyList{string})"/>, in two halves at once when the lines are <paramref name="inTwoFrom"/> characters or more.</summary>
    internal static (int WordCount, NearDuplicateSignature Signature) Fingerprint(IReadOnlyList<string> lines, long inTwoFrom)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var length = 0L;
        foreach (var line in lines)
        {
            length += line.Length + 1;
        }

        if (length >= inTwoFrom && InTwo(lines, length) is { } halves)
        {
            return halves;
        }

        var shingles = new ShingleStream((int)Math.Min(length / 5, int.MaxValue));
        foreach (var line in lines)
        {
            ReadWords(line, shingles);
        }

        return (shingles.Words, shingles.Finish());
    }

    /// <summary>
    /// The fingerprint of a long text read as two halves on two threads, split at a character that is in no word:
    /// a signature is the least of each hash over all shingles, so it is the least of the halves' signatures, as long
    /// as the first half also takes the shingles that run into the second (its first two words, read by the second
    /// half). Null when a half has too few words for that.
    /// </summary>
    private static (int WordCount, NearDuplicateSignature Signature)? InTwo(IReadOnlyList<string> lines, long length)
    {
        var (line, offset) = Middle(lines, length);
        var halfWords = (int)Math.Min(length / 10, int.MaxValue);
        var first = new ShingleStream(halfWords);
        var second = new ShingleStream(halfWords) { FirstWords = [] };
        Parallel.Invoke(
            () =>
            {
                for (var i = 0; i < line; i++)
                {
                    ReadWords(lines[i], first);
                }

                ReadWords(lines[line].AsSpan(0, offset), first);
            },
            () =>
            {
                ReadWords(lines[line].AsSpan(offset), second);
                for (var i = line + 1; i < lines.Count; i++)
                {
                    ReadWords(lines[i], second);
                }
            });

        var own = first.Words;
        if (own < 1 || second.Words < ShingleSize)
        {
            return null;
        }

        foreach (var word in second.FirstWords!)
        {
            first.AddWord(word, lowerCase: false);
        }

        var (a, b) = (first.Finish().Values, second.Finish().Values);
        var values = new uint[a.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Math.Min(a[i], b[i]);
        }

        return (own + second.Words, new NearDuplicateSignature(values));
    }

    /// <summary>Where the lines split in two: the first character at or past the middle that is in no word.</summary>
    private static (int Line, int Offset) Middle(IReadOnlyList<string> lines, long length)
    {
        var start = 0L;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (start + line.Length >= length / 2)
            {
                for (var j = (int)Math.Max(0, (length / 2) - start); j < line.Length; j++)
                {
                    if (!IsWordCharacter(line[j]) && !IsSingleCharacterWord(line[j]))
                    {
                        return (i, j);
                    }
                }

                // No such character after the middle of this line: the line feed after it is one.
                return (i, line.Length);
            }

            start += line.Length + 1;
        }

        return (lines.Count - 1, lines.Count == 0 ? 0 : lines[^1].Length);
    }

    private static void ReadWords(ReadOnlySpan<char> text, ShingleStream shingles)
    {
        // Each word is added where it ends, written out in the loop (a local function cannot take the span): a
        // page-sized text is read in one call, so the loop is optimized while it runs (on-stack replacement) and must
        // not call out per word to code not yet optimized; AddWord and what it calls are inlined.
        var wordStart = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsSingleCharacterWord(c))
            {
                if (wordStart >= 0)
                {
                    shingles.AddWord(text[wordStart..i], lowerCase: true);
                    wordStart = -1;
                }

                shingles.AddWord(text.Slice(i, 1), lowerCase: false);
            }
            else if (IsWordCharacter(c))
            {
                wordStart = wordStart < 0 ? i : wordStart;
            }
            else if (wordStart >= 0)
            {
                shingles.AddWord(text[wordStart..i], lowerCase: true);
                wordStart = -1;
            }
        }

        if (wordStart >= 0)
        {
            shingles.AddWord(text[wordStart..], lowerCase: true);
        }
    }

    public static int CountWords(IEnumerable<string> paragraphs) => paragraphs.Sum(p => Tokenize(p).Count);

    /// <summary>MinHash over 3-token shingles; an empty signature when there are no tokens.</summary>
    public static NearDuplicateSignature Signature(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var shingles = new ShingleStream(tokens.Count);
        foreach (var token in tokens)
        {
            shingles.AddWord(token, lowerCase: false);
        }

        return shingles.Finish();
    }

    /// <summary>Lowers each signature value to the shingle's value under that position's hash function when smaller.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Lower(uint[] values, ulong hash)
    {
        if (Vector256.IsHardwareAccelerated)
        {
            LowerVectorized(values, hash);
            return;
        }

        LowerOneByOne(values, hash);
    }

    /// <summary>
    /// <see cref="Lower"/> one position at a time from <paramref name="start"/>: the definition, and the path where
    /// 256-bit vectors are not hardware-accelerated.
    /// </summary>
    internal static void LowerOneByOne(uint[] values, ulong hash, int start = 0)
    {
        for (var i = start; i < values.Length; i++)
        {
            var value = (uint)(StableHash.Mix(hash ^ Seeds[i]) >> 32);
            if (value < values[i])
            {
                values[i] = value;
            }
        }
    }

    /// <summary>
    /// <see cref="LowerOneByOne"/> eight positions at a time, with the same values: the SplitMix64 finalizer on four
    /// 64-bit lanes twice, the high halves narrowed to eight 32-bit lanes, and an unsigned minimum. Each distinct
    /// shingle of a text costs all 128 hashes, so they are most of a fingerprint of text that seldom repeats itself.
    /// </summary>
    internal static void LowerVectorized(uint[] values, ulong hash)
    {
        var seeds = Seeds.AsSpan();
        var signature = values.AsSpan();
        var shingle = Vector256.Create(hash);
        var i = 0;
        for (; i <= signature.Length - Vector256<uint>.Count; i += Vector256<uint>.Count)
        {
            var low = Mix(shingle ^ Vector256.Create<ulong>(seeds.Slice(i, Vector256<ulong>.Count)));
            var high = Mix(shingle ^ Vector256.Create<ulong>(seeds.Slice(i + Vector256<ulong>.Count, Vector256<ulong>.Count)));
            var lowered = Vector256.Narrow(low >>> 32, high >>> 32);
            var target = signature.Slice(i, Vector256<uint>.Count);
            Vector256.Min(Vector256.Create<uint>(target), lowered).CopyTo(target);
        }

        LowerOneByOne(values, hash, i);

        static Vector256<ulong> Mix(Vector256<ulong> z)
        {
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >>> 31);
        }
    }

    private static ulong[] CreateSeeds()
    {
        var seeds = new ulong[NearDuplicateSignature.Length];
        var state = 0x6E65777364696765UL;
        for (var i = 0; i < seeds.Length; i++)
        {
            state += 0x9E3779B97F4A7C15UL;
            seeds[i] = StableHash.Mix(state);
        }

        return seeds;
    }

    /// <summary>
    /// The shingles of a text as its words arrive: the last <see cref="ShingleSize"/> words lower-cased in a ring, each
    /// shingle hashed (FNV-1a over the words' UTF-16 code units, a space after each) and lowered into the signature once
    /// its last word ends. The one shingle hash for every way in, so signatures stored by any of them compare.
    /// </summary>
    /// <param name="expectedWords">About how many words will come: the first size of the table of shingles seen.</param>
    private sealed class ShingleStream(int expectedWords)
    {
        // Shingles already lowered into the signature are skipped (lowering is idempotent: this only saves time), up to
        // a bound, past which a repeated shingle is looked up but no new one is remembered.
        private const int MaxRemembered = 1 << 18;

        private readonly char[][] _words = [new char[32], new char[32], new char[32]];
        private readonly int[] _lengths = new int[ShingleSize];
        private readonly HashSet<ulong> _seen = new(Math.Min(expectedWords + 1, 1 << 16));
        private uint[]? _values;

        public int Words { get; private set; }

        /// <summary>
        /// Where the first <see cref="ShingleSize"/> - 1 words go as they went into the shingles (lower-cased) when
        /// given; null for a stream that need not keep them (every one but a long text's second half).
        /// </summary>
        public List<string>? FirstWords { get; init; }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void AddWord(ReadOnlySpan<char> word, bool lowerCase)
        {
            var slot = Words % ShingleSize;
            if (_words[slot].Length < word.Length)
            {
                _words[slot] = new char[Math.Max(word.Length, _words[slot].Length * 2)];
            }

            var copy = _words[slot];
            for (var i = 0; i < word.Length; i++)
            {
                copy[i] = lowerCase ? char.ToLowerInvariant(word[i]) : word[i];
            }

            _lengths[slot] = word.Length;
            if (FirstWords is { } firstWords && Words < ShingleSize - 1)
            {
                firstWords.Add(new string(copy, 0, word.Length));
            }

            Words++;
            if (Words >= ShingleSize)
            {
                Offer(Words - ShingleSize, ShingleSize);
            }
        }

        public NearDuplicateSignature Finish()
        {
            if (Words is > 0 and < ShingleSize)
            {
                // Fewer words than a shingle: the words together are the one shingle.
                Offer(0, Words);
            }

            return new NearDuplicateSignature(_values ?? []);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Offer(int first, int count)
        {
            var hash = 14695981039346656037UL;
            for (var w = first; w < first + count; w++)
            {
                var slot = w % ShingleSize;
                foreach (var c in _words[slot].AsSpan(0, _lengths[slot]))
                {
                    hash = (hash ^ c) * 1099511628211UL;
                }

                hash = (hash ^ ' ') * 1099511628211UL;
            }

            if (_seen.Count < MaxRemembered ? !_seen.Add(hash) : _seen.Contains(hash))
            {
                return;
            }

            if (_values is null)
            {
                _values = new uint[NearDuplicateSignature.Length];
                Array.Fill(_values, uint.MaxValue);
            }

            Lower(_values, hash);
        }
    }

    internal static bool IsWordCharacter(char c)
    {
        // Nearly every character of a page is ASCII, where no mark is, and this is asked of each one.
        if (char.IsAscii(c))
        {
            return char.IsAsciiLetterOrDigit(c) || c == '_';
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return char.IsLetterOrDigit(c) || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            || c == '_';
    }

    private static bool IsSingleCharacterWord(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u3040' and <= '\u30FF') or (>= '\uF900' and <= '\uFAFF');
}
