using System.CommandLine;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NewsDigest.Queries;

namespace NewsDigest.Cli.Commands;

/// <summary>
/// The latest summary exactly as <c>GET /api/summary/latest</c> returns it: the body on standard output, or the
/// problem details on standard error with a non-zero exit code.
/// </summary>
internal static class SummaryCommand
{
    public static Command Create()
    {
        var formatOption = new Option<string?>("--format", "-f")
        {
            Description = "json (default), html, markdown (md) or text (txt); the same values as ?format= over HTTP.",
        };
        var command = new Command("summary", "Print the latest summary exactly as GET /api/summary/latest returns it.")
        {
            formatOption,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult.GetValue(formatOption), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string? format, CancellationToken cancellationToken)
    {
        using var host = CliHost.Build();
        var queries = host.Services.GetRequiredService<SummaryQueries>();
        var response = await queries.GetLatestAsync(new QueryRequest("/api/summary/latest", Format: format), cancellationToken);

        if (response.StatusCode != 200)
        {
            await Console.Error.WriteLineAsync($"summary: HTTP {response.StatusCode}");
            await Console.Error.WriteLineAsync(response.Body);
            return 1;
        }

        // Raw UTF-8 bytes, so that the output is byte for byte what the HTTP API sends.
        await using var standardOutput = Console.OpenStandardOutput();
        await standardOutput.WriteAsync(Encoding.UTF8.GetBytes(response.Body), cancellationToken);
        return 0;
    }
}
