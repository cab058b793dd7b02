using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace NewsDigest.Stories;

/// <summary>
/// How many documents the digests have read and how many of them used each term: carried from one digest to the next,
/// so that a word weighs the same, and the same reports group together, however the documents are split into digests.
/// </summary>
/// <param name="Documents">Documents counted.</param>
/// <param name="Frequencies">For each term (a content word, or "@" and a lower-case name), the documents that used it.</param>
internal sealed record TermStatistics(long Documents, IReadOnlyDictionary<string, int> Frequencies)
{
    /// <summary>Terms kept between digests: the most used, so that the statistics stay bounded in size.</summary>
    public const int MaximumTerms = 400_000;

    /// <summary>Documents counted before all counts are halved: recent news weighs more than old, and counts stay bounded.</summary>
    public const long HalvingAfter = 2_000_000;

    public static TermStatistics Empty { get; } = new(0, new Dictionary<string, int>(StringComparer.Ordinal));

    private const string Header = "newsdigest-term-statistics/1";

    /// <summary>
    /// These statistics without the documents <paramref name="counted"/> counts (counts never below zero; terms no
    /// document is left using are dropped), in this order: what the other documents alone give.
    /// </summary>
    public TermStatistics Without(TermStatistics counted)
    {
        ArgumentNullException.ThrowIfNull(counted);
        var frequencies = new Dictionary<string, int>(Frequencies.Count, StringComparer.Ordinal);
        foreach (var (term, count) in Frequencies)
        {
            var left = count - counted.Frequencies.GetValueOrDefault(term);
            if (left > 0)
            {
                frequencies.Add(term, left);
            }
        }

        return new TermStatistics(Math.Max(0, Documents - counted.Documents), frequencies);
    }

    /// <summary>Writes the statistics as gzipped UTF-8 lines: a header with the document count, then "term TAB count".</summary>
    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var gzip = new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(false), 1 << 16);
        writer.Write(Header);
        writer.Write('\t');
        writer.Write(Documents.ToString(CultureInfo.InvariantCulture));
        writer.Write('\n');
        foreach (var (term, count) in Frequencies)
        {
            writer.Write(term);
            writer.Write('\t');
            writer.Write(count.ToString(CultureInfo.InvariantCulture));
            writer.Write('\n');
        }
    }

    /// <summary>Reads what <see cref="WriteTo"/> wrote; null when the stream holds something else (the digest then starts afresh).</summary>
    public static TermStatistics? ReadFrom(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
            using var reader = new StreamReader(gzip, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, 1 << 16);
            var header = reader.ReadLine()?.Split('\t');
            if (header is not [Header, var documentsText] || !long.TryParse(documentsText, NumberStyles.None, CultureInfo.InvariantCulture, out var documents))
            {
                return null;
            }

            var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
            while (reader.ReadLine() is { } line)
            {
                var tab = line.LastIndexOf('\t');
                if (tab > 0 && int.TryParse(line.AsSpan(tab + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0
                    && frequencies.Count < MaximumTerms)
                {
                    frequencies[line[..tab]] = count;
                }
            }

            return new TermStatistics(documents, frequencies);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
