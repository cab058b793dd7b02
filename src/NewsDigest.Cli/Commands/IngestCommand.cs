using System.CommandLine;

namespace NewsDigest.Cli.Commands;

internal static class IngestCommand
{
    public static Command Create()
    {
        var command = new Command("ingest", "Upload files or folders to the inbox container.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("ingest: not available yet.");
            return 1;
        });
        return command;
    }
}
