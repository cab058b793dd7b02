using System.CommandLine;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
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
                Console.Error.WriteLine($"ingest: no such file or folder: {path}");
                return 1;
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
        return 0;
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

/// <summary>Runs a command against storage and turns the usual local problems into one clear line instead of a stack trace.</summary>
internal static class StorageCommand
{
    public static async Task<int> RunAsync(Func<IHost, Task<int>> run)
    {
        try
        {
            using var host = CliHost.Build();
            try
            {
                return await run(host);
            }
            catch (Exception exception) when (StorageFailures.IsTransient(exception))
            {
                var storage = host.Services.GetRequiredService<StorageClients>();
                Console.Error.WriteLine($"Storage is not reachable ({storage.BlobService.Uri.GetLeftPart(UriPartial.Authority)}, {storage.TableService.Uri.GetLeftPart(UriPartial.Authority)}).");
                Console.Error.WriteLine("Locally, start Azurite first (installed by the repository's eng/tools):");
                Console.Error.WriteLine("  npm ci --prefix eng/tools && eng/tools/node_modules/.bin/azurite --silent --inMemoryPersistence --skipApiVersionCheck --loose &");
                Console.Error.WriteLine("or set Storage__ConnectionString to another account.");
                return 2;
            }
            catch (Azure.RequestFailedException exception)
            {
                Console.Error.WriteLine($"Storage refused the request: {exception.Status} {exception.ErrorCode}: {FirstLine(exception.Message)}");
                return 2;
            }
        }
        catch (OptionsValidationException exception)
        {
            Console.Error.WriteLine($"Configuration is invalid: {exception.Message}");
            return 2;
        }
        catch (FormatException exception)
        {
            Console.Error.WriteLine($"Storage connection string is invalid: {exception.Message}");
            return 2;
        }
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? text : text[..end].TrimEnd();
    }
}
