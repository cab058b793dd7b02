namespace NewsDigest.Cli.CommandLine;

/// <summary>The exit codes every command uses (documented in the README under "Command-line tool").</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command line is wrong (unknown command or option, bad value), or the work itself failed (a channel, an API error).</summary>
    public const int Failure = 1;

    /// <summary>An input or the environment is wrong: a file missing or refused, storage unreachable, configuration invalid.</summary>
    public const int Input = 2;

    /// <summary>Interrupted (Ctrl+C), as shells report SIGINT.</summary>
    public const int Cancelled = 130;
}

/// <summary>A failure a command reports as one line with an exit code; never shown with a stack trace.</summary>
internal class CommandFailedException(int exitCode, string message, Exception? inner = null) : Exception(message, inner)
{
    public int ExitCode { get; } = exitCode;
}

/// <summary>The command line itself is wrong (exit code 1), found by a command after parsing.</summary>
internal sealed class CommandLineUsageException(string message) : CommandFailedException(ExitCodes.Failure, message);
