using System.ComponentModel.DataAnnotations;

namespace NewsDigest.Storage;

/// <summary>
/// Where the app keeps its blobs and tables. Locally a connection string (Azurite's
/// <c>UseDevelopmentStorage=true</c> by default); in Azure the service URIs with a managed identity.
/// </summary>
internal sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public string? ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    public Uri? BlobServiceUri { get; set; }

    public Uri? TableServiceUri { get; set; }

    /// <summary>Client id of the user-assigned managed identity; null uses the default credential chain.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>
    /// Prepended to every table and container name; lets tests and side-by-side deployments stay apart.
    /// Starts with a letter because table names must.
    /// </summary>
    [RegularExpression("^([a-z][a-z0-9]{0,19})?$")]
    public string NamePrefix { get; set; } = string.Empty;

    [Required]
    public string InboxContainer { get; set; } = "inbox";

    [Required]
    public string NormalizedContainer { get; set; } = "normalized";

    [Required]
    public string DigestContainer { get; set; } = "digests";

    /// <summary>Both service URIs set: identity-based access, which wins over the (default) connection string.</summary>
    internal bool UsesServiceUris => BlobServiceUri is not null && TableServiceUri is not null;
}
