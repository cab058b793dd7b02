namespace NewsDigest.Cli.Evaluation;

/// <summary>
/// How a predicted grouping compares with the gold events: B-cubed and pairwise precision, recall and F1 over
/// documents, and the number of stories against the number of events.
/// </summary>
internal sealed record GroupingScore(
    double BCubedPrecision,
    double BCubedRecall,
    double PairPrecision,
    double PairRecall,
    int Stories,
    int Events,
    int Documents)
{
    public double BCubedF1 => F1(BCubedPrecision, BCubedRecall);

    public double PairF1 => F1(PairPrecision, PairRecall);

    /// <summary>Scores <paramref name="predicted"/> story labels against <paramref name="gold"/> event labels, one pair per document.</summary>
    public static GroupingScore Compute(IReadOnlyList<int> predicted, IReadOnlyList<string> gold)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(gold);
        if (predicted.Count != gold.Count)
        {
            throw new ArgumentException("One predicted label per gold label is needed.", nameof(predicted));
        }

        var storySizes = new Dictionary<int, int>();
        var eventSizes = new Dictionary<string, int>(StringComparer.Ordinal);
        var both = new Dictionary<(int, string), int>();
        for (var i = 0; i < predicted.Count; i++)
        {
            storySizes[predicted[i]] = storySizes.GetValueOrDefault(predicted[i]) + 1;
            eventSizes[gold[i]] = eventSizes.GetValueOrDefault(gold[i]) + 1;
            both[(predicted[i], gold[i])] = both.GetValueOrDefault((predicted[i], gold[i])) + 1;
        }

        double precision = 0;
        double recall = 0;
        for (var i = 0; i < predicted.Count; i++)
        {
            var shared = both[(predicted[i], gold[i])];
            precision += (double)shared / storySizes[predicted[i]];
            recall += (double)shared / eventSizes[gold[i]];
        }

        var truePairs = both.Values.Sum(Pairs);
        var storyPairs = storySizes.Values.Sum(Pairs);
        var eventPairs = eventSizes.Values.Sum(Pairs);
        var count = Math.Max(1, predicted.Count);
        return new GroupingScore(
            precision / count,
            recall / count,
            storyPairs == 0 ? 1 : (double)truePairs / storyPairs,
            eventPairs == 0 ? 1 : (double)truePairs / eventPairs,
            storySizes.Count,
            eventSizes.Count,
            predicted.Count);
    }

    private static long Pairs(int size) => (long)size * (size - 1) / 2;

    private static double F1(double precision, double recall) =>
        precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
}
