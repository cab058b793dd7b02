using NewsDigest.Stories;

namespace NewsDigest.Tests.Stories;

public sealed class StoryRegroupingTests
{
    private static readonly IReadOnlyDictionary<string, StoryDocument> Seeds = StoryTestDocuments.Seeds();

    [Fact]
    public async Task GroupAsync_SeedsOverTwoDigests_SameStoriesAsOneBatch()
    {
        var oneBatch = StoryClusterer.Group([.. Seeds.Values], []);
        var first = StoryClusterer.Group([Seeds["000"], Seeds["002"], Seeds["003"]], []);
        var filed = Filed(first);

        var second = await StoryRegrouping.GroupAsync(
            [Seeds["001"], Seeds["004"]], [.. first.Groups.Select(g => g.Profile)], first.Statistics, Read(filed), StoryRegrouping.DefaultMaxDocuments, TestContext.Current.CancellationToken);

        Assert.Equal(Partition(Filed(oneBatch)), Partition(Apply(filed, second)));
    }

    [Fact]
    public async Task GroupAsync_StoryContinues_KeepsItsIdAndListsOnlyTheNewDocument()
    {
        var first = StoryClusterer.Group([Seeds["000"], Seeds["002"], Seeds["003"]], []);
        var earlier = first.Groups.Single(g => g.Documents.Contains(Seeds["000"]));

        var second = await StoryRegrouping.GroupAsync(
            [Seeds["001"]], [.. first.Groups.Select(g => g.Profile)], first.Statistics, Read(Filed(first)), StoryRegrouping.DefaultMaxDocuments, TestContext.Current.CancellationToken);

        var group = Assert.Single(second.Groups);
        Assert.Equal(earlier.Profile.Id, group.Profile.Id);
        Assert.Same(earlier.Profile, group.Existing);
        Assert.Equal([Seeds["001"]], group.Documents);
        Assert.Equal(2, group.Profile.DocumentCount);
        Assert.Empty(second.Changes);
    }

    [Fact]
    public void Regroup_DocumentFiledUnderAnotherStory_MovesToItsOwn()
    {
        // A young digest filed 002 with the copies 000 and 001; grouped with more documents, it stands alone.
        var story = StoryClusterer.Group([Seeds["000"], Seeds["001"]], []).Groups.Single().Profile;
        FiledDocument[] filed = [new(Seeds["000"], story.Id), new(Seeds["001"], story.Id), new(Seeds["002"], story.Id)];

        var grouping = StoryRegrouping.Regroup([Seeds["003"], Seeds["004"]], filed, [story]);

        var left = Assert.Single(grouping.Changes, c => c.Profile.Id == story.Id);
        Assert.Equal([Seeds["002"].Id], left.Left);
        Assert.False(left.Retired);
        var joined = Assert.Single(grouping.Changes, c => c.Joined.Contains(Seeds["002"].Id));
        Assert.NotEqual(story.Id, joined.Profile.Id);
        Assert.False(joined.HasNewDocuments);
        Assert.Equal(1, joined.Profile.DocumentCount);
        // The new documents make one new story, and the moved document is in no entry.
        var group = Assert.Single(grouping.Groups);
        Assert.Null(group.Existing);
        Assert.Equal([Seeds["003"], Seeds["004"]], group.Documents.OrderBy(d => d.IngestedAt));
    }

    [Fact]
    public void Regroup_CopiesFiledUnderTwoStories_KeepsTheOlderAndRetiresTheOther()
    {
        var older = StoryClusterer.Group([Seeds["000"]], []).Groups.Single().Profile with { Id = "older", FirstSeen = Seeds["000"].EventTime.AddDays(-1) };
        var newer = StoryClusterer.Group([Seeds["001"]], []).Groups.Single().Profile with { Id = "newer" };

        var grouping = StoryRegrouping.Regroup([Seeds["002"]], [new(Seeds["000"], "older"), new(Seeds["001"], "newer")], [older, newer]);

        var kept = Assert.Single(grouping.Changes, c => c.Profile.Id == "older");
        Assert.Equal([Seeds["001"].Id], kept.Joined);
        Assert.Equal(2, kept.Profile.DocumentCount);
        var retired = Assert.Single(grouping.Changes, c => c.Profile.Id == "newer");
        Assert.True(retired.Retired);
        Assert.Equal([Seeds["001"].Id], retired.Left);
        Assert.DoesNotContain(grouping.Groups, g => g.Profile.Id is "older" or "newer");
    }

    [Fact]
    public async Task GroupAsync_WarmStatistics_CountsEveryDocumentOnceAsOneBatchDoes()
    {
        var own = StoryClusterer.Group([.. Seeds.Values], []).Statistics;
        var warm = own with { Documents = own.Documents * 10, Frequencies = own.Frequencies.ToDictionary(p => p.Key, p => p.Value * 10, StringComparer.Ordinal) };
        var oneBatch = StoryClusterer.Group([.. Seeds.Values], [], warm);
        var first = StoryClusterer.Group([Seeds["000"], Seeds["002"], Seeds["003"]], [], warm);

        var second = await StoryRegrouping.GroupAsync(
            [Seeds["001"], Seeds["004"]], [.. first.Groups.Select(g => g.Profile)], first.Statistics, Read(Filed(first)), StoryRegrouping.DefaultMaxDocuments, TestContext.Current.CancellationToken);

        Assert.Equal(oneBatch.Statistics.Documents, second.Statistics.Documents);
        Assert.Equal(oneBatch.Statistics.Frequencies.OrderBy(p => p.Key, StringComparer.Ordinal), second.Statistics.Frequencies.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(Partition(Filed(oneBatch)), Partition(Apply(Filed(first), second)));
    }

    [Fact]
    public async Task GroupAsync_OpenStoriesHoldManyDocuments_NeverReadsThem()
    {
        var first = StoryClusterer.Group([Seeds["000"]], []);
        var story = first.Groups.Single().Profile with { DocumentCount = StoryRegrouping.DefaultMaxDocuments };
        var read = false;

        var second = await StoryRegrouping.GroupAsync(
            [Seeds["001"]],
            [story],
            first.Statistics,
            _ =>
            {
                read = true;
                return Task.FromResult<IReadOnlyList<FiledDocument>>(Filed(first));
            },
            StoryRegrouping.DefaultMaxDocuments,
            TestContext.Current.CancellationToken);

        Assert.False(read);
        Assert.Same(story, Assert.Single(second.Groups).Existing);
        Assert.Empty(second.Changes);
    }

    [Fact]
    public async Task GroupAsync_RegroupingOff_OnlyAddsTheNewDocuments()
    {
        var story = StoryClusterer.Group([Seeds["000"], Seeds["001"]], []).Groups.Single().Profile;
        FiledDocument[] filed = [new(Seeds["000"], story.Id), new(Seeds["001"], story.Id), new(Seeds["002"], story.Id)];

        var grouping = await StoryRegrouping.GroupAsync(
            [Seeds["003"], Seeds["004"]], [story], null, Read(filed), maxDocuments: 0, TestContext.Current.CancellationToken);

        // Regrouping would move 002 out (Regroup_DocumentFiledUnderAnotherStory_MovesToItsOwn); off, nothing moves.
        Assert.Empty(grouping.Changes);
    }

    [Theory]
    [InlineData(0, 10, true)]
    [InlineData(StoryRegrouping.DefaultMaxDocuments - 10, 10, true)]
    [InlineData(StoryRegrouping.DefaultMaxDocuments - 9, 10, false)]
    public void Applies_FiledAndNew_RegroupsOnlyFewDocuments(int filed, int window, bool expected) =>
        Assert.Equal(expected, StoryRegrouping.Applies(filed, window));

    private static List<FiledDocument> Filed(StoryGrouping grouping) =>
        [.. grouping.Groups.SelectMany(g => g.Documents.Select(d => new FiledDocument(d, g.Profile.Id)))];

    private static Func<CancellationToken, Task<IReadOnlyList<FiledDocument>>> Read(IReadOnlyList<FiledDocument> filed) =>
        _ => Task.FromResult(filed);

    /// <summary>Where each document is filed after the digest: the new ones in their groups, the moved ones where they joined.</summary>
    private static List<FiledDocument> Apply(List<FiledDocument> filed, StoryGrouping grouping)
    {
        var storyOf = filed.ToDictionary(f => f.Document.Id, f => f.StoryId, StringComparer.Ordinal);
        foreach (var group in grouping.Groups)
        {
            foreach (var document in group.Documents)
            {
                Assert.True(storyOf.TryAdd(document.Id, group.Profile.Id), $"{document.Id} was filed before");
            }
        }

        foreach (var change in grouping.Changes)
        {
            foreach (var id in change.Joined)
            {
                storyOf[id] = change.Profile.Id;
            }
        }

        return [.. Seeds.Values.Select(d => new FiledDocument(d, storyOf[d.Id]))];
    }

    /// <summary>The stories as sets of seed numbers ("000,001"), whatever their ids.</summary>
    private static List<string> Partition(List<FiledDocument> filed) =>
        [.. filed.GroupBy(f => f.StoryId, StringComparer.Ordinal)
            .Select(s => string.Join(",", s.Select(f => Seeds.Single(seed => seed.Value.Id == f.Document.Id).Key).Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal)];
}
