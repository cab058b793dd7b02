using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using NewsDigest.Ingestion;

namespace NewsDigest.Cli.Commands;

internal static class ReconcileCommand
{
    public static Command Create()
    {
        var command = new Command("reconcile", "Ingest every inbox blob that has no ingestion record, once (what the hourly timer does).");
        command.SetAction((_, cancellationToken) => StorageCommand.RunAsync(async host =>
        {
            var report = await host.Services.GetRequiredService<InboxReconciler>().ReconcileAsync(cancellationToken);
            Console.WriteLine(
                $"scanned {report.Scanned}, ingested {report.Ingested}, duplicates {report.Duplicates}, "
                + $"skipped {report.Skipped}, rejected {report.Rejected}, failed {report.Failed}");
            foreach (var blob in report.FailedBlobs)
            {
                Console.WriteLine($"  failed: {blob} (the next run tries again)");
            }

            if (report.Rejected > 0)
            {
                Console.WriteLine("Run 'documents' to see why files were rejected.");
            }

            return report.Failed > 0 ? 1 : 0;
        }));
        return command;
    }
}
