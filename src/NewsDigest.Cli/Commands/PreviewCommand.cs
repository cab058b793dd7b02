using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsDigest.Digest;
using NewsDigest.Normalization;
using NewsDigest.Stories;

namespace NewsDigest.Cli.Commands;

/// <summary>
/// <c>preview &lt;file-or-folder&gt;... [--format json|markdown|html|text] [--output PATH]</c>: the digest the files
/// would make if they were received now, grouped and composed as the daily digest is (same editor, options and
/// renderers), with no storage and no delivery. Refused files are reported on standard error and the rest go on.
/// Exit codes: 0 every file read, 2 at least one file refused, 1 usage error.
/// </summary>
internal static class PreviewCommand
{
    public const int ExitRejected = 2;
    public const int ExitUsage = 1;

    private static readonly string[] Formats = ["json", "markdown", "html", "text"];

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files or folders (folders are read recursively).",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format")
        {
            Description = "json (the API's shape, each source with its file), markdown, html or text.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong(Formats);
        var output = new Option<FileInfo?>("--output") { Description = "Write the digest to this file instead of standard output." };
        var command = new Command("preview", "Show the digest a set of files would make, without storing or sending anything.");
        command.Arguments.Add(paths);
        command.Options.Add(format);
        command.Options.Add(output);
        command.SetAction((parseResult, cancellationToken) => Task.FromResult(Run(
            parseResult.GetValue(paths) ?? [],
            parseResult.GetValue(format) ?? "text",
            parseResult.GetValue(output)?.FullName,
            Console.Out,
            Console.Error,
            TimeProvider.System,
            cancellationToken)));
        return command;
    }

    public static int Run(
        IReadOnlyList<string> paths,
        string format,
        string? outputPath,
        TextWriter output,
        TextWriter error,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var missing = paths.Where(p => !File.Exists(p) && !Directory.Exists(p)).ToList();
        foreach (var path in missing)
        {
            error.WriteLine($"preview: no such file or folder: {path}");
        }

        if (missing.Count > 0 || paths.Count == 0)
        {
            return ExitUsage;
        }

        if (!Formats.Contains(format, StringComparer.Ordinal))
        {
            error.WriteLine($"preview: unknown format '{format}' (json, markdown, html or text).");
            return ExitUsage;
        }

        // The application's own services, never started: only normalization, options and renderers are used, no storage.
        using var host = CliHost.Build();
        var services = host.Services;
        DigestOptions options;
        NormalizationOptions normalization;
        try
        {
            options = services.GetRequiredService<IOptions<DigestOptions>>().Value;
            normalization = services.GetRequiredService<IOptions<NormalizationOptions>>().Value;
        }
        catch (OptionsValidationException exception)
        {
            error.WriteLine($"preview: invalid configuration: {string.Join("; ", exception.Failures)}");
            return ExitUsage;
        }

        var now = timeProvider.GetUtcNow();
        var normalizer = services.GetRequiredService<DocumentNormalizer>();
        var documents = new List<StoryDocument>();
        // One document per content, as ingestion keeps it; its first file names it.
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var rejected = false;
        foreach (var file in paths.SelectMany(NormalizeCommand.ExpandPath))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Read(file, normalization.MaxDocumentBytes, error) is not { } content)
            {
                rejected = true;
                continue;
            }

            var result = normalizer.Normalize(new NormalizationInput(content, Path.GetFileName(file)));
            if (result.Rejection is { } rejection)
            {
                error.WriteLine($"preview: {file}: rejected ({JsonNamingPolicy.CamelCase.ConvertName(rejection.Reason.ToString())}): {rejection.Message}");
                rejected = true;
                continue;
            }

            foreach (var document in result.Documents)
            {
                if (files.TryAdd(document.Id, file))
                {
                    documents.Add(StoryDocument.From(document, now));
                }
            }
        }

        var zone = options.FindTimeZone();
        var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var window = new DigestWindow(localDate, options.TimeZone, now, now - options.InitialLookback, now);
        var edition = DigestEditor.Compose(documents, [], window, options, options.FullDigestUrl(localDate));
        var rendered = services.GetRequiredService<DigestRenderer>().Render(edition.Content);
        var text = format switch
        {
            "json" => WithFiles(rendered.Json, files),
            "markdown" => rendered.Markdown,
            "html" => rendered.Html,
            _ => rendered.Text,
        };

        if (outputPath is null)
        {
            output.Write(text);
        }
        else
        {
            try
            {
                File.WriteAllText(outputPath, text);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"preview: cannot write {outputPath}: {exception.Message}");
                return ExitUsage;
            }
        }

        return rejected ? ExitRejected : 0;
    }

    private static byte[]? Read(string file, int maxBytes, TextWriter error)
    {
        try
        {
            var length = new FileInfo(file).Length;
            if (length > maxBytes)
            {
                error.WriteLine($"preview: {file}: rejected (tooLarge): the file is {length:N0} bytes, over the {maxBytes:N0}-byte limit");
                return null;
            }

            return File.ReadAllBytes(file);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"preview: {file}: rejected (unreadable): {exception.Message}");
            return null;
        }
    }

    /// <summary>The API's JSON with each source's file added (the path as given), so a reader can find every document.</summary>
    private static string WithFiles(string json, Dictionary<string, string> files)
    {
        var root = JsonNode.Parse(json)!;
        foreach (var entry in root["entries"]?.AsArray() ?? [])
        {
            foreach (var source in entry?["sources"]?.AsArray() ?? [])
            {
                if (source is JsonObject item && item["documentId"]?.GetValue<string>() is { } id && files.TryGetValue(id, out var file))
                {
                    item["file"] = file;
                }
            }
        }

        return root.ToJsonString(Indented);
    }
}
