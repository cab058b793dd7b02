using System.IO.Compression;
using System.Text;
using NewsDigest.Stories;

namespace NewsDigest.Tests.Stories;

public sealed class TermStatisticsTests
{
    private static readonly DateTimeOffset Day = new(2013, 5, 3, 12, 0, 0, TimeSpan.Zero);

    private static readonly (string Id, string Title, string Body)[] Reports =
    [
        ("a", "Tara Reid enters rehab", "Actress Tara Reid checked herself into the Promises treatment center in Malibu on Friday, her publicist said."),
        ("b", "Lindsay Lohan enters rehab", "Actress Lindsay Lohan checked into the Betty Ford treatment center in Rancho Mirage on Thursday, her lawyer said."),
        ("c", "Tara Reid checks into rehab", "Tara Reid has entered a rehab program at Promises in Malibu, her representative confirmed on Friday."),
        ("d", "Lohan begins ninety days of rehab", "Lindsay Lohan began ninety days at the Betty Ford center under a plea deal in her reckless driving case."),
    ];

    [Fact]
    public void Without_SomeDocumentsCounted_LeavesTheOthersInOrder()
    {
        var all = new TermStatistics(12, new Dictionary<string, int>(StringComparer.Ordinal) { ["rehab"] = 4, ["@tara reid"] = 2, ["malibu"] = 1, ["center"] = 3 });
        var some = new TermStatistics(3, new Dictionary<string, int>(StringComparer.Ordinal) { ["@tara reid"] = 2, ["malibu"] = 2, ["rehab"] = 1, ["ford"] = 1 });

        var others = all.Without(some);

        Assert.Equal(9, others.Documents);
        // Terms none of the others use are gone; none falls below zero, and the order is kept.
        Assert.Equal([new("rehab", 3), new KeyValuePair<string, int>("center", 3)], others.Frequencies);
    }

    [Fact]
    public void WriteTo_ThenReadFrom_SameCounts()
    {
        var statistics = new TermStatistics(12, new Dictionary<string, int>(StringComparer.Ordinal) { ["rehab"] = 4, ["@tara reid"] = 2, ["malibu"] = 1 });
        using var stream = new MemoryStream();

        statistics.WriteTo(stream);
        stream.Position = 0;
        var read = TermStatistics.ReadFrom(stream);

        Assert.NotNull(read);
        Assert.Equal(12, read.Documents);
        Assert.Equal(statistics.Frequencies.OrderBy(p => p.Key, StringComparer.Ordinal), read.Frequencies.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("not gzip at all")]
    [InlineData("")]
    public void ReadFrom_SomethingElse_Null(string content)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));

        Assert.Null(TermStatistics.ReadFrom(stream));
    }

    [Fact]
    public void ReadFrom_OtherHeader_Null()
    {
        using var stream = new MemoryStream();
        using (var gzip = new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes("something-else\t3\nrehab\t2\n"));
        }

        stream.Position = 0;

        Assert.Null(TermStatistics.ReadFrom(stream));
    }

    [Fact]
    public void Group_SecondDigestWithFirstDigestsStatistics_WeighsTermsAsOneBatch()
    {
        var documents = Reports.Select((r, i) => StoryTestDocuments.Make(r.Id, r.Title, r.Body, published: Day.AddHours(i))).ToList();
        var oneBatch = StoryClusterer.Group(documents, []);
        var first = StoryClusterer.Group(documents[..2], []);

        var second = StoryClusterer.Group(documents[2..], [.. first.Groups.Select(g => g.Profile)], first.Statistics);

        Assert.Equal(4, second.Statistics.Documents);
        foreach (var term in new[] { "rehab", "malibu", "lohan", "center" })
        {
            Assert.Equal(oneBatch.InverseDocumentFrequency(term), second.InverseDocumentFrequency(term), 6);
        }
    }

    [Fact]
    public void Group_TwoDigestsCarryingStatistics_SameStoriesAsOneBatch()
    {
        var documents = Reports.Select((r, i) => StoryTestDocuments.Make(r.Id, r.Title, r.Body, published: Day.AddHours(i))).ToList();
        var oneBatch = StoryClusterer.Group(documents, []);
        var first = StoryClusterer.Group(documents[..2], []);

        var second = StoryClusterer.Group(documents[2..], [.. first.Groups.Select(g => g.Profile)], first.Statistics);

        var storyOf = first.Groups.SelectMany(g => g.Documents.Select(d => (d.Id, g.Profile.Id)))
            .Concat(second.Groups.SelectMany(g => g.Documents.Select(d => (d.Id, g.Profile.Id))))
            .ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal);
        Assert.Equal(Partition(oneBatch.Groups.Select(g => g.Documents.Select(d => d.Id))), Partition(storyOf.GroupBy(p => p.Value).Select(g => g.Select(p => p.Key))));
        Assert.Equal(["ac", "bd"], Partition(oneBatch.Groups.Select(g => g.Documents.Select(d => d.Id))));
    }

    private static List<string> Partition(IEnumerable<IEnumerable<string>> stories) =>
        [.. stories.Select(s => string.Concat(s.Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal)];
}
