using System.CommandLine;

namespace NewsDigest.Cli.Commands;

internal static class EvalCommand
{
    public static Command Create()
    {
        var command = new Command("eval", "Score HTML extraction on the readability test pages against SmartReader.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("eval: not available yet.");
            return 1;
        });
        return command;
    }
}
