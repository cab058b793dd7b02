using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using Microsoft.Extensions.Options;
using NewsDigest.Ingestion;

namespace NewsDigest.Cli.CommandLine;

/// <summary>
/// What every command gets without writing it: <c>--verbose</c>; unknown options refused as usage errors (also where
/// an argument would have swallowed them); one line and a documented exit code for every failure (usage, missing
/// input, invalid configuration, storage down, files that cannot be written, cancellation); a stack trace only with
/// <c>--verbose</c>. Commands throw <see cref="CommandFailedException"/> for their own failures.
/// </summary>
internal static class CliApplication
{
    public const string Name = "newsdigest";

    /// <summary>Set from <c>--verbose</c> before a command runs: logs and stack traces on standard error.</summary>
    public static bool Verbose { get; private set; }

    public static async Task<int> RunAsync(RootCommand root, string[] args, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(root);
        var verbose = new Option<bool>("--verbose")
        {
            Description = "Show logs and, for failures, the full exception on standard error.",
            Recursive = true,
        };
        root.Options.Add(verbose);
        RefuseOptionLikeArguments(root);

        var parsed = root.Parse(args);
        Verbose = parsed.GetValue(verbose);
        var command = string.Join(' ', parsed.CommandResult.Command.Name == root.Name ? [Name] : CommandPath(parsed.CommandResult));
        if (parsed.Errors.Count > 0 && parsed.Action is ParseErrorAction)
        {
            // One message, the most specific: an unknown token explains a missing command better than "required command".
            var first = parsed.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? parsed.Errors[0];
            error.WriteLine($"{command}: {first.Message.TrimEnd('.')}. See '{command} --help'.");
            return ExitCodes.Failure;
        }

        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler cancel = (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += cancel;
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }, cancellation.Token);
        }
        catch (Exception exception)
        {
            var (exitCode, message) = Describe(exception);
            error.WriteLine($"{command}: {message}");
            if (Verbose)
            {
                error.WriteLine(exception);
            }

            return exitCode;
        }
        finally
        {
            Console.CancelKeyPress -= cancel;
        }
    }

    /// <summary>The exit code and the one line for a failure.</summary>
    internal static (int ExitCode, string Message) Describe(Exception exception)
    {
        if (exception is CommandFailedException failed)
        {
            return (failed.ExitCode, failed.Message);
        }

        if (exception is OperationCanceledException)
        {
            return (ExitCodes.Cancelled, "cancelled.");
        }

        if (Find<OptionsValidationException>(exception) is { } invalid)
        {
            return (ExitCodes.Input, $"invalid configuration: {string.Join("; ", invalid.Failures)}");
        }

        // Binding "abc" to an int setting (Email__Port=abc) fails inside the options system with this message.
        if (Find<InvalidOperationException>(exception, e => e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal)) is { } binding)
        {
            return (ExitCodes.Input, $"invalid configuration: {FirstLine(binding.Message)} {FirstLine(binding.InnerException?.Message ?? string.Empty)}".TrimEnd());
        }

        if (Find<TimeZoneNotFoundException>(exception) is { } zone)
        {
            return (ExitCodes.Input, $"invalid configuration: {FirstLine(zone.Message)}");
        }

        // Our own file operations (a preview folder that cannot be written); the SDK's network errors are below.
        if (exception is IOException or UnauthorizedAccessException && exception.StackTrace?.Contains("Azure.", StringComparison.Ordinal) != true)
        {
            return (ExitCodes.Input, FirstLine(exception.Message));
        }

        if (StorageFailures.IsTransient(exception))
        {
            return (ExitCodes.Input, "storage is not reachable. Locally, start it with 'bash eng/run.sh' (Azurite), or set Storage__ConnectionString to another account.");
        }

        if (Find<Azure.RequestFailedException>(exception) is { } refused)
        {
            return (ExitCodes.Input, $"storage refused the request: {refused.Status} {refused.ErrorCode}: {FirstLine(refused.Message)}");
        }

        if (exception is FormatException && exception.StackTrace?.Contains("Azure.", StringComparison.Ordinal) == true)
        {
            return (ExitCodes.Input, $"the storage connection string is invalid: {FirstLine(exception.Message)}");
        }

        return (ExitCodes.Failure, $"unexpected error: {FirstLine(exception.Message)} (run with --verbose for details)");
    }

    /// <summary>An argument that takes any string would swallow "--bogus": such tokens are usage errors instead.</summary>
    private static void RefuseOptionLikeArguments(Command command)
    {
        foreach (var argument in command.Arguments)
        {
            argument.Validators.Add(result =>
            {
                if (result.Tokens.FirstOrDefault(t => t.Value.Length > 1 && t.Value[0] == '-') is { } token)
                {
                    result.AddError($"Unrecognized command or argument '{token.Value}'");
                }
            });
        }

        foreach (var subcommand in command.Subcommands)
        {
            RefuseOptionLikeArguments(subcommand);
        }
    }

    private static IEnumerable<string> CommandPath(SymbolResult? result)
    {
        var names = new Stack<string>();
        for (var current = result; current is not null; current = current.Parent)
        {
            if (current is CommandResult commandResult)
            {
                names.Push(commandResult.Parent is null ? Name : commandResult.Command.Name);
            }
        }

        return names;
    }

    private static T? Find<T>(Exception exception, Func<T, bool>? predicate = null)
        where T : Exception
    {
        var pending = new Stack<Exception>();
        pending.Push(exception);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (current is T match && (predicate is null || predicate(match)))
            {
                return match;
            }

            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }

        return null;
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        return (end < 0 ? text : text[..end]).TrimEnd();
    }
}
