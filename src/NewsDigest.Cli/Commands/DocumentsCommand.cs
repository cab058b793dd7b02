using System.CommandLine;

namespace NewsDigest.Cli.Commands;

internal static class DocumentsCommand
{
    public static Command Create()
    {
        var command = new Command("documents", "List stored documents.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("documents: not available yet.");
            return 1;
        });
        return command;
    }
}
