using System.CommandLine;

namespace NewsDigest.Cli.Commands.Bench;

internal static class NormalizationBenchmark
{
    public static Command Create()
    {
        var command = new Command("normalize", "Normalization throughput over the readability corpus.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("normalize: not available yet.");
            return 1;
        });
        return command;
    }
}
