using System.Text.RegularExpressions;

namespace NewsDigest.Cli.Evaluation;

/// <summary>
/// The body metric of the public article-extraction benchmark: lower-case <c>\w+</c> tokens, 4-token shingles,
/// precision and recall from shingle multisets (count-aware intersection).
/// </summary>
internal static partial class ShingleScore
{
    private const int ShingleSize = 4;

    public static (double Precision, double Recall) Compare(string extracted, string expected)
    {
        var ours = Shingles(extracted);
        var truth = Shingles(expected);
        var oursTotal = ours.Values.Sum();
        var truthTotal = truth.Values.Sum();
        if (oursTotal == 0 && truthTotal == 0)
        {
            return (1, 1);
        }

        var common = 0;
        foreach (var (shingle, count) in ours)
        {
            if (truth.TryGetValue(shingle, out var other))
            {
                common += Math.Min(count, other);
            }
        }

        var precision = oursTotal == 0 ? 0 : (double)common / oursTotal;
        var recall = truthTotal == 0 ? 0 : (double)common / truthTotal;
        return (precision, recall);
    }

    public static double F1(double precision, double recall) =>
        precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);

    private static Dictionary<string, int> Shingles(string text)
    {
        var tokens = new List<string>();
        foreach (Match match in WordPattern().Matches(text))
        {
            tokens.Add(match.Value.ToLowerInvariant());
        }

        var shingles = new Dictionary<string, int>(StringComparer.Ordinal);
        if (tokens.Count == 0)
        {
            return shingles;
        }

        // A text shorter than one shingle still counts as one (shorter) shingle.
        var count = Math.Max(1, tokens.Count - ShingleSize + 1);
        for (var i = 0; i < count; i++)
        {
            var key = string.Join(' ', tokens.Skip(i).Take(ShingleSize));
            shingles[key] = shingles.GetValueOrDefault(key) + 1;
        }

        return shingles;
    }

    [GeneratedRegex(@"\w+")]
    private static partial Regex WordPattern();
}
