using System.CommandLine;
using NewsDigest.Cli.CommandLine;
using NewsDigest.Cli.Commands;

var root = new RootCommand("newsdigest: normalize, ingest and digest news documents from the command line.")
{
    NormalizeCommand.Create(),
    PreviewCommand.Create(),
    EvalCommand.Create(),
    IngestCommand.Create(),
    ReconcileCommand.Create(),
    DocumentsCommand.Create(),
    DigestCommand.Create(),
    SummaryCommand.Create(),
    BenchCommand.Create(),
};

return await CliApplication.RunAsync(root, args, Console.Error);
