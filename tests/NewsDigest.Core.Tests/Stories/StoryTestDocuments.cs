using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsDigest.Normalization;
using NewsDigest.Stories;

namespace NewsDigest.Tests.Stories;

/// <summary>Documents for story and digest tests: the seeds through the real normalizer, or built from text.</summary>
internal static class StoryTestDocuments
{
    public static readonly DateTimeOffset IngestedAt = new(2026, 1, 15, 6, 30, 0, TimeSpan.Zero);

    private static readonly Lazy<DocumentNormalizer> Normalizer = new(() => new ServiceCollection()
        .AddLogging()
        .AddNormalization(new ConfigurationBuilder().Build())
        .BuildServiceProvider()
        .GetRequiredService<DocumentNormalizer>());

    /// <summary>The five seeds, normalized, keyed by their number ("000" ... "004").</summary>
    public static IReadOnlyDictionary<string, StoryDocument> Seeds()
    {
        var seeds = new Dictionary<string, StoryDocument>(StringComparer.Ordinal);
        foreach (var prefix in new[] { "000", "001", "002", "003", "004" })
        {
            var path = TestPaths.Seed(prefix);
            var result = Normalizer.Value.Normalize(new NormalizationInput(File.ReadAllBytes(path), Path.GetFileName(path)));
            Assert.False(result.IsRejected, $"seed {prefix} was rejected: {result.Rejection?.Message}");
            seeds[prefix] = StoryDocument.From(result.Documents.Single(), IngestedAt.AddSeconds(int.Parse(prefix, System.Globalization.CultureInfo.InvariantCulture)));
        }

        return seeds;
    }

    /// <summary>A document built from text, with a real near-duplicate signature.</summary>
    public static StoryDocument Make(
        string id,
        string title,
        string body,
        DateTimeOffset? published = null,
        string? outlet = null,
        string? url = null,
        DateTimeOffset? ingestedAt = null)
    {
        var paragraphs = body.Split("\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var signature = ContentFingerprint.Signature(ContentFingerprint.Tokenize(string.Join("\n", paragraphs)));
        return new StoryDocument(id, title, paragraphs, published, ingestedAt ?? IngestedAt, url, new DocumentSource(outlet, null), signature);
    }
}
