using System.CommandLine;
using NewsDigest.Cli.Commands.Bench;

namespace NewsDigest.Cli.Commands;

/// <summary>Benchmarks that print figures; none of them asserts anything.</summary>
internal static class BenchCommand
{
    public static Command Create() => new("bench", "Run a benchmark and print its figures.")
    {
        NormalizationBenchmark.Create(),
        IngestionBenchmark.Create(),
        DigestBenchmark.Create(),
        SummaryBenchmark.Create(),
        HostilePageBenchmark.Create(),
    };
}
