using System.Globalization;
using System.Text;

namespace NewsDigest.Storage;

/// <summary>
/// Who owns a piece of content: the first ingestion to insert the content-hash row decides the document id and
/// where the document's row goes. Every later ingestion of the same content adds its blob to that document.
/// </summary>
internal sealed record ContentClaim(
    string ContentHash,
    string DocumentId,
    string DocumentPartition,
    string DocumentRow,
    DateTimeOffset IngestedAt);

/// <summary>What storing a document, or adding a source blob to an existing one, did.</summary>
internal enum SourceAddResult
{
    /// <summary>The document's row was created with this blob as its first source.</summary>
    Created,

    /// <summary>The blob was added to an existing document's sources.</summary>
    Added,
    AlreadyListed,

    /// <summary>The content is claimed but its document row is not written yet (its writer is busy or died).</summary>
    DocumentMissing,
}

/// <summary>A claim as the metadata of the document's normalized blob, which is written once, by the claim's winner.</summary>
internal static class ContentClaims
{
    private const string ContentHashKey = "contenthash";
    private const string DocumentIdKey = "documentid";
    private const string PartitionKey = "documentpartition";
    private const string RowKey = "documentrow";
    private const string IngestedAtKey = "ingestedat";
    private const string Base64Prefix = "b64:";

    public static Dictionary<string, string> ToMetadata(ContentClaim claim) => new(StringComparer.OrdinalIgnoreCase)
    {
        [ContentHashKey] = Encode(claim.ContentHash),
        [DocumentIdKey] = Encode(claim.DocumentId),
        [PartitionKey] = Encode(claim.DocumentPartition),
        [RowKey] = Encode(claim.DocumentRow),
        [IngestedAtKey] = claim.IngestedAt.ToString("O", CultureInfo.InvariantCulture),
    };

    /// <summary>The claim a normalized blob records; a blob without one (written by hand) is reported as bad data.</summary>
    public static ContentClaim FromMetadata(IDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        string Get(string key) => metadata.TryGetValue(key, out var value)
            ? value
            : throw new InvalidDataException($"A normalized document blob has no '{key}' metadata.");
        return new ContentClaim(
            Decode(Get(ContentHashKey)),
            Decode(Get(DocumentIdKey)),
            Decode(Get(PartitionKey)),
            Decode(Get(RowKey)),
            DateTimeOffset.Parse(Get(IngestedAtKey), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
    }

    public static bool SameContent(ContentClaim claim, string contentHash) =>
        string.Equals(claim.ContentHash, contentHash, StringComparison.Ordinal);

    // Metadata values are ASCII; hashes, ids and keys are plain ASCII already, anything else travels as base64.
    private static string Encode(string value) =>
        value.All(c => c is >= ' ' and <= '~') && !value.StartsWith(Base64Prefix, StringComparison.Ordinal)
            ? value
            : Base64Prefix + Convert.ToBase64String(Encoding.UTF8.GetBytes(value));

    private static string Decode(string value) =>
        value.StartsWith(Base64Prefix, StringComparison.Ordinal)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(value[Base64Prefix.Length..]))
            : value;
}
