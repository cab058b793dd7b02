using NewsDigest.Digest;
using NewsDigest.Storage;
using NewsDigest.Stories;

namespace NewsDigest.Tests.Digest;

public sealed class StoryRefilingTests
{
    [Fact]
    public void Apply_MovedDocuments_UpdatesEveryStoryTheyLeaveOrJoin()
    {
        StoryUpdate[] updates = [new(Profile("entry"), ["new-1"])];
        StoryMembershipChange[] changes =
        [
            new(Profile("entry"), Joined: ["old-1"], Left: ["old-2"], Retired: false, HasNewDocuments: true),
            new(Profile("quiet"), Joined: ["old-2"], Left: [], Retired: false, HasNewDocuments: false),
            new(Profile("gone"), Joined: [], Left: ["old-1"], Retired: true, HasNewDocuments: false),
        ];

        var result = StoryRefiling.Apply(updates, changes);

        Assert.Equal(3, result.Count);
        Assert.Equal(["new-1", "old-1"], result[0].DocumentIds);
        Assert.Equal(["old-2"], result[0].Left);
        Assert.Equal(("quiet", false), (result[1].Profile.Id, result[1].Retired));
        Assert.Equal(["old-2"], result[1].DocumentIds);
        Assert.Equal(("gone", true), (result[2].Profile.Id, result[2].Retired));
        Assert.Equal(["old-1"], result[2].Left);
        Assert.Empty(result[2].DocumentIds);
    }

    [Fact]
    public void DeserializeUpdates_SerializedRefiling_KeepsWhatLeftAndWhatIsGone()
    {
        StoryUpdate[] updates = [new StoryUpdate(Profile("gone"), []) { Left = ["a", "b"], Retired = true }, new(Profile("kept"), ["c"])];

        var read = StoryRepository.DeserializeUpdates(StoryRepository.SerializeUpdates(updates));

        Assert.Equal(["a", "b"], read[0].Left);
        Assert.True(read[0].Retired);
        Assert.Empty(read[1].Left);
        Assert.False(read[1].Retired);
        Assert.Equal(["c"], read[1].DocumentIds);
    }

    [Fact]
    public void DeserializeUpdates_WrittenBeforeRefiling_ReadsAsNoMove()
    {
        var read = StoryRepository.DeserializeUpdates(
            """[{"story":{"id":"s1","headline":"h","firstSeen":"2026-01-15T06:00:00+00:00","lastSeen":"2026-01-15T06:00:00+00:00","documentCount":1},"documentIds":["d1"]}]""");

        var update = Assert.Single(read);
        Assert.Equal(["d1"], update.DocumentIds);
        Assert.Empty(update.Left);
        Assert.False(update.Retired);
    }

    private static StoryProfile Profile(string id)
    {
        var seen = new DateTimeOffset(2026, 1, 15, 6, 0, 0, TimeSpan.Zero);
        return new StoryProfile(id, "Headline " + id, seen, seen, 1, new Dictionary<string, float>(), new Dictionary<string, float>(), [], [], [], [], [], []);
    }
}
