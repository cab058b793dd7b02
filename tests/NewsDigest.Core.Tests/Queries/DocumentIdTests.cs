using NewsDigest.Queries;

namespace NewsDigest.Tests.Queries;

public sealed class DocumentIdTests
{
    [Theory]
    [InlineData("4e24c021230fb829")]
    [InlineData("d2f1c0ffee-0a_1.v2")]
    [InlineData("A")]
    public void IsWellFormedId_PlausibleIds_Accepted(string id) =>
        Assert.True(DocumentQueries.IsWellFormedId(id));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a b")]
    [InlineData("..")]
    [InlineData("é")]
    [InlineData("a\u0001")]
    public void IsWellFormedId_KeyBreakingIds_Refused(string? id) =>
        Assert.False(DocumentQueries.IsWellFormedId(id));

    [Fact]
    public void IsWellFormedId_TooLong_Refused()
    {
        Assert.True(DocumentQueries.IsWellFormedId(new string('a', DocumentQueries.MaxIdLength)));
        Assert.False(DocumentQueries.IsWellFormedId(new string('a', DocumentQueries.MaxIdLength + 1)));
    }
}
