using NewsDigest.Stories;

namespace NewsDigest.Tests.Stories;

public sealed class DebugTmpTests
{
    [Fact]
    public void Print()
    {
        var seeds = StoryTestDocuments.Seeds();
        var lines = new List<string>();
        foreach (var (k, d) in seeds)
        {
            lines.Add($"{k} {d.Id} pub={d.Published:o} ing={d.IngestedAt:o} title={d.Title} paras={d.Paragraphs.Count} mentioned={string.Join(",", EventDates.Mentioned(d.Paragraphs))} pubday={string.Join(",", EventDates.Published(d.Published))}");
        }

        var s = StoryClusterer.Compare(seeds["004"], seeds["003"], [.. seeds.Values]);
        lines.Add(s.ToString());
        Assert.Fail(string.Join("\n", lines));
    }
}
