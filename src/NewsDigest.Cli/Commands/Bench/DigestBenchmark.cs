using System.CommandLine;

namespace NewsDigest.Cli.Commands.Bench;

internal static class DigestBenchmark
{
    public static Command Create()
    {
        var command = new Command("digest", "Compose digests over synthetic documents.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("digest: not available yet.");
            return 1;
        });
        return command;
    }
}
