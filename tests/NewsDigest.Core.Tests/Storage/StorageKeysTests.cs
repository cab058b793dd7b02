using NewsDigest.Storage;

namespace NewsDigest.Tests.Storage;

public sealed class StorageKeysTests
{
    public static TheoryData<string> AwkwardNames => new()
    {
        "folder/sub/file.html",
        @"windows\path\file.txt",
        "page#fragment.html",
        "query?x=1&y=2.json",
        "tab\tnew\nline\u0001bell\u007f\u0085.txt",
        "뉴스 기사 2024.txt",
        "emoji 📰 news.html",
        "it's a 'quoted' name.txt",
        new string('x', 1024),
        "~",
        " ",
    };

    [Theory]
    [MemberData(nameof(AwkwardNames))]
    public void ForName_AwkwardName_ReturnsKeyTheTableServiceAccepts(string name)
    {
        var key = StorageKeys.ForName(name);

        Assert.True(StorageKeys.IsValidKey(key), key);
        Assert.All(key, c => Assert.True(c < 128, $"non-ASCII character in {key}"));
        Assert.InRange(key.Length, 1, StorageKeys.ReadableLength + 33);
    }

    [Fact]
    public void ForName_NamesThatSanitizeAlike_GetDistinctKeys()
    {
        var names = new[] { "a/b", "a\\b", "a#b", "a?b", "a_b", "a\u0001b", "a b", "aéb" };

        var keys = names.Select(StorageKeys.ForName).ToList();

        Assert.Equal(names.Length, keys.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void ForName_SameName_SameKey()
    {
        Assert.Equal(StorageKeys.ForName("reports/2024/일일.txt"), StorageKeys.ForName("reports/2024/일일.txt"));
    }

    [Fact]
    public void ForName_LongNamesSharingAPrefix_GetDistinctKeys()
    {
        var common = new string('n', 500);

        Assert.NotEqual(StorageKeys.ForName(common + "1"), StorageKeys.ForName(common + "2"));
    }

    [Fact]
    public void ForName_ReadableName_KeepsItsReadablePart()
    {
        Assert.StartsWith("seeds_000_story.txt~", StorageKeys.ForName("seeds/000 story.txt"), StringComparison.Ordinal);
    }

    [Fact]
    public void ForId_PlainId_ReturnsIdUnchanged()
    {
        Assert.Equal("3f2a9c0d11e4b7aa", StorageKeys.ForId("3f2a9c0d11e4b7aa"));
    }

    [Theory]
    [InlineData("id/with/slash")]
    [InlineData("id#1")]
    [InlineData("한국어")]
    public void ForId_IdWithForbiddenCharacters_ReturnsValidKey(string id)
    {
        var key = StorageKeys.ForId(id);

        Assert.NotEqual(id, key);
        Assert.True(StorageKeys.IsValidKey(key));
    }

    [Theory]
    [InlineData("a/b", false)]
    [InlineData("a\\b", false)]
    [InlineData("a#b", false)]
    [InlineData("a?b", false)]
    [InlineData("a\u001fb", false)]
    [InlineData("a\u0090b", false)]
    [InlineData("plain-key_1.0~x", true)]
    public void IsValidKey_Character_MatchesTableServiceRules(string key, bool valid)
    {
        Assert.Equal(valid, StorageKeys.IsValidKey(key));
    }

    [Fact]
    public void Quote_SingleQuote_IsDoubled()
    {
        Assert.Equal("'it''s'", StorageKeys.Quote("it's"));
    }
}
