using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NewsDigest.Cli.CommandLine;
using NewsDigest.Delivery;
using NewsDigest.Digest;

namespace NewsDigest.Cli.Commands;

/// <summary>
/// <c>digest [--preview DIR] [--send]</c>: composes the digest of everything since the last delivered one.
/// Without options it prints the plain-text rendering; <c>--preview</c> writes every rendering to files without
/// sending; <c>--send</c> delivers today's digest now through the configured channels, at most once per local date.
/// </summary>
internal static class DigestCommand
{
    public static Command Create()
    {
        var preview = new Option<DirectoryInfo?>("--preview")
        {
            Description = "Write digest.html, digest.txt, digest.md, digest.json and digest.card.json to this folder without sending.",
        };
        var send = new Option<bool>("--send")
        {
            Description = "Send today's digest now by the configured channels (Email, Teams); never twice for one local date.",
        };
        var command = new Command("digest", "Compose the digest; preview it to files or send it.");
        command.Options.Add(preview);
        command.Options.Add(send);
        command.SetAction((parseResult, cancellationToken) =>
            RunAsync(parseResult.GetValue(preview), parseResult.GetValue(send), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(DirectoryInfo? preview, bool send, CancellationToken cancellationToken)
    {
        if (preview is not null && File.Exists(preview.FullName))
        {
            throw new CommandLineUsageException($"--preview {preview.FullName} is a file; give a folder to write the previews to.");
        }

        if (preview is not null)
        {
            // Before composing, so a folder that cannot be written is reported at once, with or without storage.
            CreateFolder(preview);
        }

        using var host = CliHost.Build();
        await host.StartAsync(cancellationToken);

        try
        {
            if (preview is not null || !send)
            {
                var composer = host.Services.GetRequiredService<DigestComposer>();
                var (record, rendered) = await composer.ComposePendingAsync(cancellationToken);
                if (preview is null)
                {
                    Console.Write(rendered.Text);
                }
                else
                {
                    foreach (var format in Enum.GetValues<DigestFormat>())
                    {
                        var path = Path.Combine(preview.FullName, Path.GetFileName(DigestArchive.BlobName(record.LocalDate, format)));
                        await File.WriteAllTextAsync(path, rendered.Get(format), cancellationToken);
                        Console.WriteLine($"wrote {path}");
                    }

                    Console.WriteLine(string.Create(
                        CultureInfo.InvariantCulture,
                        $"preview of {record.LocalDate:yyyy-MM-dd}: {record.StoryCount} stories from {record.DocumentCount} documents received since {record.WindowStart.UtcDateTime:yyyy-MM-dd HH:mm} UTC."));
                }
            }

            if (send)
            {
                var result = await host.Services.GetRequiredService<DailyDigestService>().SendNowAsync(cancellationToken);
                Report(result, host.Services);
                return result.Outcome is DigestRunOutcome.Incomplete or DigestRunOutcome.NoChannels ? 1 : 0;
            }

            return 0;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static void CreateFolder(DirectoryInfo folder)
    {
        try
        {
            Directory.CreateDirectory(folder.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandFailedException(ExitCodes.Input, $"cannot write the preview to {folder.FullName}: {e.Message}", e);
        }
    }

    private static void Report(DigestRunResult result, IServiceProvider services)
    {
        var date = result.LocalDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Console.WriteLine(result.Outcome switch
        {
            DigestRunOutcome.Delivered => $"digest {date}: delivered ({result.Record?.StoryCount} stories from {result.Record?.DocumentCount} documents).",
            DigestRunOutcome.AlreadyDelivered => $"digest {date}: already delivered today; nothing sent.",
            DigestRunOutcome.NothingNew => $"digest {date}: nothing new since the last digest; nothing sent (Digest:SendWhenEmpty is off).",
            DigestRunOutcome.Busy => $"digest {date}: another run is delivering it right now; nothing sent.",
            DigestRunOutcome.NoChannels => $"digest {date}: no channel enabled; set Email__Enabled=true and/or Teams__Enabled=true.",
            DigestRunOutcome.Incomplete => $"digest {date}: not every channel got it; the next run retries the failed ones.",
            _ => $"digest {date}: {result.Outcome}.",
        });
        foreach (var (channel, state) in result.Channels)
        {
            var error = result.Errors.TryGetValue(channel, out var message) ? $" ({message})" : string.Empty;
            Console.WriteLine($"  {channel}: {state}{error}");
        }

        var email = services.GetRequiredService<IOptions<EmailOptions>>().Value;
        if (result.Channels.TryGetValue(DeliveryChannel.Email, out var sent) && sent == ChannelState.Sent)
        {
            Console.WriteLine($"  email sent to {string.Join(", ", email.To)} via {email.Host}:{email.Port}.");
        }
    }
}
