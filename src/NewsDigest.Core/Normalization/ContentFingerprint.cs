using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NewsDigest.Normalization;

/// <summary>Word tokens, exact-content hashes and the MinHash near-duplicate signature of normalized text.</summary>
internal static class ContentFingerprint
{
    private const int ShingleSize = 3;

    private const int PooledLength = 1 << 20;

    /// <summary>Fixed per-function seeds, so signatures agree across processes and machines.</summary>
    private static readonly ulong[] Seeds = CreateSeeds();

    /// <summary>Lower-case hex SHA-256 of the UTF-8 text.</summary>
    public static string Sha256Hex(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

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
    /// <see cref="Signature"/> but without a string per word: the words are ranges of one lower-cased copy of the text.
    /// </summary>
    public static (int WordCount, NearDuplicateSignature Signature) Fingerprint(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Every character can be a word of its own (Han, kana), hence one slot per character.
        var lower = Rent<char>(text.Length + 1);
        var starts = Rent<int>(text.Length + 1);
        var ends = Rent<int>(text.Length + 1);
        try
        {
            var count = 0;
            var wordStart = -1;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (IsSingleCharacterWord(c))
                {
                    EndWord(i);
                    lower[i] = c;
                    (starts[count], ends[count]) = (i, i + 1);
                    count++;
                }
                else if (IsWordCharacter(c))
                {
                    lower[i] = char.ToLowerInvariant(c);
                    wordStart = wordStart < 0 ? i : wordStart;
                }
                else
                {
                    EndWord(i);
                }
            }

            EndWord(text.Length);
            return (count, Signature(lower, starts, ends, count));

            void EndWord(int end)
            {
                if (wordStart >= 0)
                {
                    (starts[count], ends[count]) = (wordStart, end);
                    count++;
                    wordStart = -1;
                }
            }
        }
        finally
        {
            Return(lower);
            Return(starts);
            Return(ends);
        }
    }

    /// <summary>Pooled buffers for ordinary documents; a huge one gets its own, so the pool does not keep it alive.</summary>
    private static T[] Rent<T>(int length) =>
        length <= PooledLength ? ArrayPool<T>.Shared.Rent(length) : GC.AllocateUninitializedArray<T>(length);

    private static void Return<T>(T[] array)
    {
        if (array.Length <= PooledLength)
        {
            ArrayPool<T>.Shared.Return(array);
        }
    }

    public static int CountWords(IEnumerable<string> paragraphs) => paragraphs.Sum(p => Tokenize(p).Count);

    /// <summary>MinHash over 3-token shingles; an empty signature when there are no tokens.</summary>
    public static NearDuplicateSignature Signature(IReadOnlyList<string> tokens)
    {
        if (tokens.Count == 0)
        {
            return new NearDuplicateSignature([]);
        }

        var values = new uint[NearDuplicateSignature.Length];
        Array.Fill(values, uint.MaxValue);
        var shingles = Math.Max(1, tokens.Count - ShingleSize + 1);
        var seen = new HashSet<ulong>();
        for (var start = 0; start < shingles; start++)
        {
            var hash = ShingleHash(tokens, start, Math.Min(ShingleSize, tokens.Count - start));
            if (seen.Add(hash))
            {
                Lower(values, hash);
            }
        }

        return new NearDuplicateSignature(values);
    }

    private static NearDuplicateSignature Signature(char[] text, int[] starts, int[] ends, int tokens)
    {
        if (tokens == 0)
        {
            return new NearDuplicateSignature([]);
        }

        var values = new uint[NearDuplicateSignature.Length];
        Array.Fill(values, uint.MaxValue);
        var shingles = Math.Max(1, tokens - ShingleSize + 1);
        var seen = new HashSet<ulong>(Math.Min(shingles, 1 << 16));
        for (var start = 0; start < shingles; start++)
        {
            // FNV-1a over the words' UTF-16 code units with a separator after each, as ShingleHash does.
            var hash = 14695981039346656037UL;
            for (var t = start; t < Math.Min(start + ShingleSize, tokens); t++)
            {
                foreach (var c in text.AsSpan(starts[t], ends[t] - starts[t]))
                {
                    hash = (hash ^ c) * 1099511628211UL;
                }

                hash = (hash ^ ' ') * 1099511628211UL;
            }

            if (seen.Add(hash))
            {
                Lower(values, hash);
            }
        }

        return new NearDuplicateSignature(values);
    }

    /// <summary>Lowers each signature value to the shingle's value under that position's hash function when smaller.</summary>
    private static void Lower(uint[] values, ulong hash)
    {
        for (var i = 0; i < values.Length; i++)
        {
            var value = (uint)(StableHash.Mix(hash ^ Seeds[i]) >> 32);
            if (value < values[i])
            {
                values[i] = value;
            }
        }
    }

    private static ulong ShingleHash(IReadOnlyList<string> tokens, int start, int count)
    {
        // FNV-1a over the tokens' UTF-16 code units, with a separator between tokens.
        var hash = 14695981039346656037UL;
        for (var t = start; t < start + count; t++)
        {
            foreach (var c in tokens[t])
            {
                hash = (hash ^ c) * 1099511628211UL;
            }

            hash = (hash ^ ' ') * 1099511628211UL;
        }

        return hash;
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

    private static bool IsWordCharacter(char c)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return char.IsLetterOrDigit(c) || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            || c == '_';
    }

    private static bool IsSingleCharacterWord(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u3040' and <= '\u30FF') or (>= '\uF900' and <= '\uFAFF');
}
