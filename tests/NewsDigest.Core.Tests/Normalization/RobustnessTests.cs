using NewsDigest.Normalization;

namespace NewsDigest.Tests.Normalization;

/// <summary>Random truncations and byte corruptions of real documents: normalization must answer every one of them.</summary>
public sealed class RobustnessTests
{
    private const int MutationsPerSeed = 200;

    /// <summary>Fewer per file than for the seeds: the corpus has 52 files, and the whole test should stay quick.</summary>
    private const int MutationsPerCorpusFile = 100;

    public static TheoryData<string> Seeds => ["000", "001", "002", "003", "004"];

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(Seeds))]
    public async Task Normalize_MutatedSeed_AlwaysAnswers(string seed)
    {
        var original = await File.ReadAllBytesAsync(TestPaths.Seed(seed), TestContext.Current.CancellationToken);

        RunMutations(original, MutationsPerSeed, int.Parse(seed, System.Globalization.CultureInfo.InvariantCulture), TestContext.Current.CancellationToken);
    }

    [Fact(Timeout = 300_000)]
    public async Task Normalize_MutatedWordPressCorpus_AlwaysAnswers()
    {
        var folder = Path.Combine(TestPaths.Corpora, "wordpress-rest");
        Assert.SkipUnless(Directory.Exists(folder), $"WordPress corpus not found at {folder}; robustness over it is skipped.");

        var files = Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        for (var i = 0; i < files.Count; i++)
        {
            var original = await File.ReadAllBytesAsync(files[i], TestContext.Current.CancellationToken);
            RunMutations(original, MutationsPerCorpusFile, 1000 + i, TestContext.Current.CancellationToken);
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task Normalize_LargeHardWrappedTextAndBoilerplate_Completes()
    {
        // Every line continues the sentence before it, then thousands of boilerplate lines: work must stay linear.
        var text = new System.Text.StringBuilder("Headline of a very long report\n\n");
        for (var i = 0; i < 40_000; i++)
        {
            text.Append("and the committee went on to discuss item ").Append(i).Append(" of the agenda\n");
        }

        for (var i = 0; i < 20_000; i++)
        {
            text.Append("Subscribe now\n");
        }

        var result = await Task.Run(() => TestNormalizer.Normalize(text.ToString()), TestContext.Current.CancellationToken);

        var document = TestNormalizer.Single(result);
        Assert.Equal("Headline of a very long report", document.Title);
        Assert.Single(document.Paragraphs);
        Assert.Contains("1 boilerplate block removed", document.Warnings);
    }

    private static void RunMutations(byte[] original, int mutations, int seed, CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        var normalizer = TestNormalizer.Instance;
        for (var i = 0; i < mutations; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var mutated = Mutate(original, random, i);

            var result = normalizer.Normalize(new NormalizationInput(mutated));

            AssertWellFormed(result);
        }
    }

    private static byte[] Mutate(byte[] original, Random random, int round)
    {
        var bytes = original.ToList();
        switch (round % 4)
        {
            case 0:
                return original[..random.Next(original.Length + 1)];
            case 1:
                for (var n = random.Next(1, 8); n > 0 && bytes.Count > 0; n--)
                {
                    bytes[random.Next(bytes.Count)] = (byte)random.Next(256);
                }

                break;
            case 2:
                for (var n = random.Next(1, 8); n > 0 && bytes.Count > 0; n--)
                {
                    var at = random.Next(bytes.Count);
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 40), bytes.Count - at));
                }

                break;
            default:
                // Structural characters are where parsers break: insert them at random places.
                var specials = "{}[]\"\\:,<>/&;\n\0"u8.ToArray();
                for (var n = random.Next(1, 8); n > 0; n--)
                {
                    bytes.Insert(random.Next(bytes.Count + 1), specials[random.Next(specials.Length)]);
                }

                return [.. bytes.Take(random.Next(bytes.Count / 2, bytes.Count + 1))];
        }

        return [.. bytes];
    }

    private static void AssertWellFormed(NormalizationResult result)
    {
        if (result.Rejection is { } rejection)
        {
            Assert.Empty(result.Documents);
            Assert.DoesNotContain("could not be normalized", rejection.Message, StringComparison.Ordinal);
            return;
        }

        Assert.NotEmpty(result.Documents);
        foreach (var document in result.Documents)
        {
            Assert.Matches("^[0-9a-f]{32}$", document.Id);
            Assert.All(document.Paragraphs, p => Assert.False(string.IsNullOrWhiteSpace(p) || p.Contains('\n', StringComparison.Ordinal)));
            Assert.True(document.Signature.Values.Count is 0 or NearDuplicateSignature.Length);
            Assert.Equal(TimeSpan.Zero, document.Published?.Offset ?? TimeSpan.Zero);
        }
    }
}
