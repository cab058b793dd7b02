using NewsDigest.Stories;

namespace NewsDigest.Tests.Stories;

public sealed class SingleValueArraysTests
{
    [Fact]
    public void Share_OneValueInRange_OneArrayForEveryCopyOfIt()
    {
        var first = SingleValueArrays.Share([2012]);
        var second = SingleValueArrays.Share([2012]);
        var day = SingleValueArrays.Share([3 * 31 + 4]);

        Assert.Same(first, second);
        Assert.Equal([2012], second);
        Assert.Equal([97], day);
        Assert.NotSame(first, day);
    }

    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 40, 41 })]
    [InlineData(new[] { SingleValueArrays.Limit })]
    [InlineData(new[] { -1 })]
    public void Share_NoneSeveralOrOutOfRange_TheArrayItself(int[] values)
    {
        Assert.Same(values, SingleValueArrays.Share(values));
    }

    [Fact]
    public void Share_ManyThreadsAtOnce_EveryoneGetsTheSameArray()
    {
        var arrays = new int[64][];
        Parallel.For(0, arrays.Length, i => arrays[i] = SingleValueArrays.Share([1999]));

        Assert.All(arrays, a => Assert.Same(arrays[0], a));
        Assert.Equal([1999], arrays[0]);
    }

    [Fact]
    public void BuildAll_DocumentsOfOneDay_ShareTheirPublishedDay()
    {
        var vocabulary = new StoryVocabulary();
        var features = DocumentFeatures.BuildAll(DocumentFeaturesParallelTests.Documents(12), vocabulary);
        var days = features.Where(f => f.PublishedDays.Length == 1).GroupBy(f => f.PublishedDays[0]).Where(g => g.Count() > 1).ToList();

        Assert.NotEmpty(days);
        Assert.All(days, day => Assert.All(day, f => Assert.Same(day.First().PublishedDays, f.PublishedDays)));
    }
}
