using System.CommandLine;

namespace NewsDigest.Cli.Commands;

internal static class DigestCommand
{
    public static Command Create()
    {
        var command = new Command("digest", "Compose the digest; preview it to files or send it.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("digest: not available yet.");
            return 1;
        });
        return command;
    }
}
