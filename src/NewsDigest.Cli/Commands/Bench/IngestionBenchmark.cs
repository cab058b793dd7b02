using System.CommandLine;

namespace NewsDigest.Cli.Commands.Bench;

internal static class IngestionBenchmark
{
    public static Command Create()
    {
        var command = new Command("ingest", "Upload and ingest documents against Azurite.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("ingest: not available yet.");
            return 1;
        });
        return command;
    }
}
