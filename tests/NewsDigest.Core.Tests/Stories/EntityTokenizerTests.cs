using System.Text;
using System.Text.RegularExpressions;
using NewsDigest.Stories;

namespace NewsDigest.Tests.Stories;

public sealed class EntityTokenizerTests
{
    // The pattern the tokenizer loop replaced: the loop must find exactly its matches.
    private static readonly Regex Pattern = new(@"(?:[A-Z]\.){2,}|[\p{L}\p{N}]+(?:[-'\u2019][\p{L}\p{N}]+)*|[,()]");

    [Theory]
    [InlineData("The U.S. and U.K. met the U.S.A.'s envoy, A.B. Smith (SMA) in Seoul.")]
    [InlineData("Shin Won-sik's talk -- rock'n'roll, don\u2019t stop; 2\u00bd years, x\u00b2, \u2167 kings")]
    [InlineData("A. B. C.D. E.f. -start end- 'quoted' \u2019twas tail-")]
    [InlineData("")]
    public void NextToken_Text_FindsWhatThePatternFinds(string text) => AssertSameTokens(text);

    [Fact]
    public void NextToken_RandomText_FindsWhatThePatternFinds()
    {
        const string alphabet = "AZaz09.,()-'\u2019 \u00e9\u00bd\u2167\u00b2Q.";
        var random = new Random(16);
        for (var n = 0; n < 2000; n++)
        {
            var text = new StringBuilder();
            for (var i = random.Next(30); i > 0; i--)
            {
                text.Append(alphabet[random.Next(alphabet.Length)]);
            }

            AssertSameTokens(text.ToString());
        }
    }

    private static void AssertSameTokens(string text)
    {
        var expected = Pattern.Matches(text).Select(m => (m.Index, m.Length)).ToList();
        var actual = new List<(int, int)>();
        var position = 0;
        while (EntityExtractor.NextToken(text, ref position, out var start))
        {
            actual.Add((start, position - start));
        }

        Assert.Equal(expected, actual);
    }
}
