using Azure.Data.Tables;
using NewsDigest.Normalization;
using NewsDigest.Storage;

namespace NewsDigest.Tests.Storage;

public sealed class EntityLimitsTests
{
    [Fact]
    public void Truncate_ShortValue_ReturnsItUnchanged()
    {
        Assert.Equal("short", EntityLimits.Truncate("short", 10));
    }

    [Fact]
    public void Truncate_LongValue_CutsToLimitWithEllipsis()
    {
        var result = EntityLimits.Truncate(new string('a', 100), 10);

        Assert.Equal(10, result.Length);
        Assert.EndsWith("…", result, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncate_CutInsideSurrogatePair_DoesNotSplitIt()
    {
        var value = new string('a', 8) + "📰📰📰";

        var result = EntityLimits.Truncate(value, 10);

        Assert.True(result.Length <= 10);
        Assert.DoesNotContain(result, char.IsSurrogate);
    }

    [Fact]
    public void SetPacked_ThousandsOfLongNames_SpreadsOverPropertiesWithinLimitsAndRoundTrips()
    {
        var names = Enumerable.Range(0, 600).Select(i => $"{i}/" + new string('n', 1000) + "/\u0001/한").ToList();
        var entity = new TableEntity("p", "r");

        var packed = EntityLimits.SetPacked(entity, "SourceBlobs", names, maxChunks: 30);

        Assert.Equal(names.Count, packed);
        Assert.True(entity.Keys.Count(k => k.StartsWith("SourceBlobs", StringComparison.Ordinal)) > 1);
        Assert.All(entity.Select(p => p.Value).OfType<string>(), v => Assert.True(v.Length <= EntityLimits.MaxStringChars));
        Assert.Equal(names, EntityLimits.Unpack(entity, "SourceBlobs"));
    }

    [Fact]
    public void SetPacked_MoreThanFits_KeepsFirstValuesAndReportsCount()
    {
        var names = Enumerable.Range(0, 1000).Select(i => i + new string('n', 1000)).ToList();
        var entity = new TableEntity("p", "r");

        var packed = EntityLimits.SetPacked(entity, "SourceBlobs", names, maxChunks: 2);

        Assert.InRange(packed, 2, names.Count - 1);
        Assert.Equal(names.Take(packed), EntityLimits.Unpack(entity, "SourceBlobs"));
    }

    [Fact]
    public void SetPacked_ShorterListThanBefore_RemovesStaleChunks()
    {
        var entity = new TableEntity("p", "r");
        EntityLimits.SetPacked(entity, "L", Enumerable.Range(0, 200).Select(i => i + new string('n', 1000)), maxChunks: 10);

        EntityLimits.SetPacked(entity, "L", ["one"], maxChunks: 10);

        Assert.Equal(["one"], EntityLimits.Unpack(entity, "L"));
        Assert.False(entity.ContainsKey("L1"));
    }

    [Fact]
    public void SetPacked_SingleValueLongerThanAProperty_IsCutToFit()
    {
        var entity = new TableEntity("p", "r");

        EntityLimits.SetPacked(entity, "L", [new string('\u0001', 40_000)], maxChunks: 1);

        Assert.True(entity.GetString("L").Length <= EntityLimits.MaxStringChars);
    }

    [Fact]
    public void EstimateSize_KnownEntity_FollowsTheServiceFormula()
    {
        var entity = new TableEntity("pk", "rk") { ["S"] = "abc", ["I"] = 1, ["L"] = 2L, ["B"] = true };

        // 4 + (2+2)*2 + (8+2+4+6) + (8+2+4) + (8+2+8) + (8+2+1)
        Assert.Equal(4 + 8 + 20 + 14 + 18 + 11, EntityLimits.EstimateSize(entity));
    }

    [Fact]
    public void EnsureWithinLimits_StringOver32KCharacters_Throws()
    {
        var entity = new TableEntity("p", "r") { ["Body"] = new string('x', EntityLimits.MaxStringChars + 1) };

        Assert.Throws<InvalidOperationException>(() => EntityLimits.EnsureWithinLimits(entity));
    }

    [Fact]
    public void EnsureWithinLimits_EntityOver1MiB_Throws()
    {
        var entity = new TableEntity("p", "r");
        for (var i = 0; i < 20; i++)
        {
            entity["P" + i] = new string('x', EntityLimits.MaxStringChars);
        }

        Assert.Throws<InvalidOperationException>(() => EntityLimits.EnsureWithinLimits(entity));
    }

    [Fact]
    public void BuildEntity_HugeDocument_StaysWithinLimitsAndKeepsBodyOut()
    {
        var paragraph = string.Concat(Enumerable.Repeat("A long sentence of the body. ", 200));
        var document = new NormalizedDocument
        {
            Id = "doc1",
            Format = DocumentFormat.Html,
            Title = new string('T', 100_000),
            Url = "https://example.com/" + new string('u', 100_000),
            Source = new DocumentSource(new string('s', 50_000), "example.com"),
            Paragraphs = [.. Enumerable.Repeat(paragraph, 2_000)],
            ContentHash = new string('a', 64),
            Signature = new NearDuplicateSignature([.. Enumerable.Range(0, NearDuplicateSignature.Length).Select(i => (uint)i)]),
            Published = DateTimeOffset.MinValue,
        };
        var claim = new ContentClaim(document.ContentHash, document.Id, "2024010100", "0638396640000000000_doc1", new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));

        var entity = DocumentRepository.BuildEntity(claim, document, "doc1.json", new string('b', 1024), ["old1", "old2"]);

        EntityLimits.EnsureWithinLimits(entity);
        Assert.True(entity.GetString("Lead").Length <= DocumentRepository.LeadMaxChars);
        Assert.True(EntityLimits.EstimateSize(entity) < 64 * 1024);
        Assert.Null(entity.GetDateTimeOffset("Published"));
        var summary = DocumentRepository.ToSummary(entity);
        Assert.Equal(document.Signature, summary.Signature);
        Assert.Equal([new string('b', 1024)], summary.SourceBlobs);
        Assert.Equal(["old1", "old2"], summary.PreviousVersions);
        Assert.StartsWith("A long sentence", summary.Lead, StringComparison.Ordinal);
    }

    [Fact]
    public void ListedPartitions_HourBucketAndTicks_SortInTimeOrder()
    {
        var earlier = new DateTimeOffset(2024, 5, 1, 9, 59, 59, TimeSpan.Zero);
        var later = new DateTimeOffset(2024, 5, 1, 19, 0, 0, TimeSpan.FromHours(9));

        Assert.True(string.CompareOrdinal(DocumentRepository.Bucket(earlier), DocumentRepository.Bucket(later)) <= 0);
        Assert.True(string.CompareOrdinal(DocumentRepository.Ticks(earlier), DocumentRepository.Ticks(later)) < 0);
        Assert.Equal("2024050110", DocumentRepository.Bucket(later));
    }
}
