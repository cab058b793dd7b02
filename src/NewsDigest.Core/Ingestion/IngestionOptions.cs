using System.ComponentModel.DataAnnotations;

namespace NewsDigest.Ingestion;

/// <summary>How ingestion and inbox reconciliation behave (configuration section <c>Ingestion</c>).</summary>
internal sealed class IngestionOptions
{
    public const string SectionName = "Ingestion";

    /// <summary>Blobs ingested at once by a reconciliation run.</summary>
    [Range(1, 64)]
    public int ReconcileParallelism { get; set; } = 4;

    /// <summary>
    /// How long an ingestion that finds its content claimed by another one, whose document is not written yet,
    /// waits before it concludes the other one died and writes the document itself.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ClaimTakeoverAfter { get; set; } = TimeSpan.FromSeconds(30);
}
