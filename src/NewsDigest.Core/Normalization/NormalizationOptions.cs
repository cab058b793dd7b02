using System.ComponentModel.DataAnnotations;

namespace NewsDigest.Normalization;

/// <summary>Limits for document normalization (configuration section <c>Normalization</c>).</summary>
internal sealed class NormalizationOptions
{
    public const string SectionName = "Normalization";

    /// <summary>Files larger than this are refused before decoding; 20 MiB by default.</summary>
    [Range(1, int.MaxValue)]
    public int MaxDocumentBytes { get; set; } = 20 * 1024 * 1024;
}
