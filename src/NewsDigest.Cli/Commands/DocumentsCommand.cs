using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using NewsDigest.Storage;

namespace NewsDigest.Cli.Commands;

internal static class DocumentsCommand
{
    public static Command Create()
    {
        var sinceOption = new Option<string?>("--since")
        {
            Description = "Only documents ingested at or after this time: an ISO 8601 date/time (2024-05-01, 2024-05-01T09:00Z) or an age (90m, 24h, 7d). Default: all.",
        };
        var command = new Command("documents", "List stored documents (oldest first) and rejected files.")
        {
            sinceOption,
        };
        command.SetAction((parseResult, cancellationToken) => StorageCommand.RunAsync(async host =>
        {
            var time = host.Services.GetRequiredService<TimeProvider>();
            var text = parseResult.GetValue(sinceOption);
            if (!TryParseSince(text, time.GetUtcNow(), out var since))
            {
                throw new CommandLine.CommandLineUsageException($"--since '{text}' is neither a date/time nor an age like 24h or 7d.");
            }

            var documents = host.Services.GetRequiredService<DocumentRepository>();
            var ledger = host.Services.GetRequiredService<IngestionLedger>();

            var count = 0;
            await foreach (var document in documents.ListIngestedAsync(since, time.GetUtcNow().AddMinutes(1), cancellationToken))
            {
                if (count++ == 0)
                {
                    // Stored times are UTC; the header says so, because the digest shows dates in its own time zone.
                    Console.WriteLine($"{"ingested (UTC)",-17} {"id",-32} {"published",-10} {"sources",7} {"source",-22} title");
                }

                Console.WriteLine(string.Join(
                    ' ',
                    document.IngestedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture).PadRight(17),
                    Cut(document.Id, 32).PadRight(32),
                    (document.Published?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-").PadRight(10),
                    Math.Max(document.SourceBlobCount, document.SourceBlobs.Count).ToString(CultureInfo.InvariantCulture).PadLeft(7),
                    Cut(document.Source.Name ?? document.Source.Host ?? "-", 22).PadRight(22),
                    Cut(document.Title, 70)));
            }

            Console.WriteLine($"{count} document(s). Times and dates are UTC.");

            var rejections = await ledger.ListRejectionsAsync(cancellationToken);
            if (rejections.Count > 0)
            {
                Console.WriteLine();
                Console.WriteLine($"{"rejected (UTC)",-17} {"reason",-12} {"format",-8} {"bytes",10} blob: message");
                foreach (var rejection in rejections.Where(r => r.RejectedAt >= since))
                {
                    Console.WriteLine(string.Join(
                        ' ',
                        rejection.RejectedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture).PadRight(17),
                        rejection.Reason.ToString().PadRight(12),
                        Cut(rejection.DetectedFormat, 8).PadRight(8),
                        rejection.Size.ToString("N0", CultureInfo.InvariantCulture).PadLeft(10),
                        Printable(rejection.BlobName) + ": " + rejection.Message));
                }
            }

            return 0;
        }));
        return command;
    }

    internal static bool TryParseSince(string? text, DateTimeOffset now, out DateTimeOffset since)
    {
        since = DateTimeOffset.UnixEpoch;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        text = text.Trim();
        if (text.Length > 1 && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount >= 0)
        {
            TimeSpan? age = char.ToUpperInvariant(text[^1]) switch
            {
                'M' => TimeSpan.FromMinutes(amount),
                'H' => TimeSpan.FromHours(amount),
                'D' => TimeSpan.FromDays(amount),
                _ => null,
            };
            if (age is { } value)
            {
                since = now - value;
                return true;
            }
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out since);
    }

    private static string Cut(string value, int width)
    {
        value = Printable(value);
        return value.Length <= width ? value : NewsDigest.Normalization.TextCleaner.Cut(value, width);
    }

    // Blob names may hold control characters; a listing must not let them move the cursor.
    private static string Printable(string value) =>
        string.Concat(value.Select(c => char.IsControl(c) ? '�' : c));
}
