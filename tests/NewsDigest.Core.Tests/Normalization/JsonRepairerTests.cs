using System.Text.Json;
using NewsDigest.Normalization;

namespace NewsDigest.Tests.Normalization;

public sealed class JsonRepairerTests
{
    [Theory]
    [InlineData("{\"a\":\"x\ny\"}", "x\ny")]
    [InlineData("{\"a\":\"unterminated", "unterminated")]
    [InlineData("{\"a\":\"ends in escape\\", "ends in escape")]
    [InlineData("{\"a\":\"half \\u20", "half ")]
    [InlineData("{\"a\":\"bad \\q escape\"}", "bad \\q escape")]
    [InlineData("{\"a\":\"lone \\ud800 surrogate\"}", "lone \uFFFD surrogate")]
    [InlineData("{\"a\":\"pair \\ud83d\\ude00\"}", "pair \U0001F600")]
    public void Repair_DamagedString_ParsesToExpectedValue(string json, string expected)
    {
        var repair = JsonRepairer.Repair(json);

        using var document = JsonDocument.Parse(repair.Json);
        Assert.Equal(expected, document.RootElement.GetProperty("a").GetString());
    }

    [Theory]
    [InlineData("{\"a\":1,\"b\":[1,2,{\"c\":tr")]
    [InlineData("{\"a\":1,\"b\":")]
    [InlineData("{\"a\":1,\"b\"")]
    [InlineData("{\"a\":1,")]
    [InlineData("[{\"a\":1},")]
    [InlineData("{\"a\":1,\"b\":-")]
    [InlineData("{\"a\":1} trailing text")]
    [InlineData("{\"a\":1,\"b\":@}")]
    public void Repair_TruncatedOrBrokenStructure_KeepsWhatCameBefore(string json)
    {
        var repair = JsonRepairer.Repair(json);

        using var document = JsonDocument.Parse(repair.Json);
        var root = document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement[0] : document.RootElement;
        Assert.Equal(1, root.GetProperty("a").GetInt32());
        Assert.NotEmpty(repair.Warnings);
    }

    [Fact]
    public void Repair_ValidJson_IsUnchanged()
    {
        const string json = "{\"a\": [1, 2.5e3, true, false, null, \"s\\/\\u00e9\"], \"b\": {}}";

        var repair = JsonRepairer.Repair(json);

        Assert.Equal(json, repair.Json);
        Assert.False(repair.Changed);
    }

    [Fact]
    public void Repair_DeepNesting_StaysParseable()
    {
        var repair = JsonRepairer.Repair(new string('[', 5000));

        using var document = JsonDocument.Parse(repair.Json, new JsonDocumentOptions { MaxDepth = 256 });
        Assert.Equal(JsonValueKind.Array, document.RootElement.ValueKind);
    }
}
