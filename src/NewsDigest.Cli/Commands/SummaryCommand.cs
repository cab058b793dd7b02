using System.CommandLine;

namespace NewsDigest.Cli.Commands;

internal static class SummaryCommand
{
    public static Command Create()
    {
        var command = new Command("summary", "Print the latest summary exactly as GET /api/summary/latest returns it.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("summary: not available yet.");
            return 1;
        });
        return command;
    }
}
