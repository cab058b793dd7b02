using System.CommandLine;

namespace NewsDigest.Cli.Commands.Bench;

internal static class SummaryBenchmark
{
    public static Command Create()
    {
        var command = new Command("summary", "Latency of GET /api/summary/latest against Azurite.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("summary: not available yet.");
            return 1;
        });
        return command;
    }
}
