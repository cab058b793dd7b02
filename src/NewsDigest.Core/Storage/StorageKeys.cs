using System.Security.Cryptography;
using System.Text;

namespace NewsDigest.Storage;

/// <summary>
/// Turns arbitrary names into PartitionKey/RowKey values the Table service accepts. Keys must not contain
/// <c>/ \ # ?</c> or control characters and are limited in size, while blob names may hold almost anything
/// (up to 1,024 characters, any Unicode). A key keeps a short readable ASCII part and adds a hash of the
/// whole name, so distinct names never share a key; the original name is stored as a property beside it.
/// </summary>
internal static class StorageKeys
{
    public const int ReadableLength = 60;

    private const int HashHexLength = 32;

    /// <summary>A safe, deterministic key for any string: readable ASCII part + "~" + 128 bits of its SHA-256.</summary>
    public static string ForName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var readable = new StringBuilder(Math.Min(name.Length, ReadableLength));
        foreach (var c in name)
        {
            if (readable.Length == ReadableLength)
            {
                break;
            }

            readable.Append(IsReadable(c) ? c : '_');
        }

        return readable + "~" + Hash(name)[..HashHexLength];
    }

    /// <summary>The id itself when it is already a short, plain key (as normalizer ids are); otherwise <see cref="ForName"/>.</summary>
    public static string ForId(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return id.Length <= 128 && id.All(IsReadable) && !id.Contains('~', StringComparison.Ordinal) ? id : ForName(id);
    }

    /// <summary>Lower-case hex SHA-256 of the UTF-8 bytes.</summary>
    public static string Hash(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    /// <summary>Whether the Table service accepts <paramref name="key"/> as a PartitionKey or RowKey.</summary>
    public static bool IsValidKey(string key) =>
        key.Length <= 512 && !key.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));

    /// <summary>An OData string literal (single quotes doubled).</summary>
    public static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    // Letters, digits and a few punctuation marks that mean nothing to the Table service, OData filters or URLs.
    private static bool IsReadable(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';
}
