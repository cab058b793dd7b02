using NewsDigest.Cli.Commands;

namespace NewsDigest.Tests.Cli.Evaluation;

public sealed class StoryEvalCommandTests
{
    [Fact]
    public void Run_CorpusAbsent_SkipsWithAMessage()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var absent = Path.Combine(Path.GetTempPath(), "newsdigest-no-corpus-" + Guid.NewGuid().ToString("N"));

        var exit = StoryEvalCommand.Run(absent, orders: 1, batches: 1, worst: 0, output, error);

        Assert.Equal(0, exit);
        Assert.Contains("skipped, corpus not found", output.ToString(), StringComparison.Ordinal);
    }
}
