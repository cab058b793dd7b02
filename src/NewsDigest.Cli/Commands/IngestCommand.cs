using System.CommandLine;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsDigest.Ingestion;
using NewsDigest.Storage;

namespace NewsDigest.Cli.Commands;

internal static class IngestCommand
{
    public static Command Create()
    {
        var pathsArgument = new Argument<string[]>("paths")
        {
            Description = "Files or folders to upload (folders recursively; the blob name is the path below the folder).",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("ingest", "Upload files or folders to the inbox container, as a user would. Run 'reconcile' to process them locally (Azurite sends no events).")
        {
            pathsArgument,
        };
        command.SetAction((parseResult, cancellationToken) =>
            StorageCommand.RunAsync(host => UploadAsync(host, parseResult.GetValue(pathsArgument) ?? [], cancellationToken)));
        return command;
    }

    private static async Task<int> UploadAsync(IHost host, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var files = new List<(string Path, string BlobName)>();
        var missing = 0;
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add((path, Path.GetFileName(path)));
            }
            else if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Order(StringComparer.Ordinal)
                    .Select(file => (file, Path.GetRelativePath(path, file).Replace(Path.DirectorySeparatorChar, '/'))));
            }
            else
            {
                // Reported, and the other paths are still uploaded.
                Console.Error.WriteLine($"newsdigest ingest: no such file or folder: {path}");
                missing++;
            }
        }

        var storage = host.Services.GetRequiredService<StorageClients>();
        var inbox = await storage.GetContainerAsync(storage.Options.InboxContainer, cancellationToken);
        foreach (var (path, blobName) in files)
        {
            await using var stream = File.OpenRead(path);
            await inbox.GetBlobClient(blobName).UploadAsync(
                stream,
                new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = ContentTypes.Guess(path) } },
                cancellationToken);
            Console.WriteLine($"uploaded {inbox.Name}/{blobName} ({stream.Length:N0} bytes)");
        }

        Console.WriteLine($"{files.Count} file(s) uploaded to {inbox.Uri}.");
        return missing > 0 ? CommandLine.ExitCodes.Input : CommandLine.ExitCodes.Success;
    }
}

/// <summary>The content type a browser or storage explorer would give a file, from its extension.</summary>
internal static class ContentTypes
{
    public static string Guess(string path) => Path.GetExtension(path).ToUpperInvariant() switch
    {
        ".TXT" or ".TEXT" or ".MD" => "text/plain; charset=utf-8",
        ".HTML" or ".HTM" or ".XHTML" => "text/html",
        ".JSON" => "application/json",
        ".XML" => "application/xml",
        ".RSS" => "application/rss+xml",
        ".ATOM" => "application/atom+xml",
        ".PNG" => "image/png",
        ".JPG" or ".JPEG" => "image/jpeg",
        ".GIF" => "image/gif",
        ".PDF" => "application/pdf",
        _ => "application/octet-stream",
    };
}

/// <summary>Runs a command against storage; failures (storage down, bad configuration) become one line in <see cref="CommandLine.CliApplication"/>.</summary>
internal static class StorageCommand
{
    public static async Task<int> RunAsync(Func<IHost, Task<int>> run)
    {
        using var host = CliHost.Build();
        return await run(host);
    }
}
