using System.CommandLine;

namespace NewsDigest.Cli.Commands;

internal static class ReconcileCommand
{
    public static Command Create()
    {
        var command = new Command("reconcile", "Ingest every inbox blob that has no ingestion record, once.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("reconcile: not available yet.");
            return 1;
        });
        return command;
    }
}
