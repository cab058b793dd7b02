using System.CommandLine;

namespace NewsDigest.Cli.Commands;

internal static class NormalizeCommand
{
    public static Command Create()
    {
        var command = new Command("normalize", "Normalize files or folders and print one JSON object per document (JSON Lines).");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("normalize: not available yet.");
            return 1;
        });
        return command;
    }
}
