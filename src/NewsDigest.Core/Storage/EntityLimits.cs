using System.Text.Encodings.Web;
using System.Text.Json;
using Azure.Data.Tables;

namespace NewsDigest.Storage;

/// <summary>
/// The Table service's size limits, enforced here because Azurite does not: an entity is at most 1 MiB and a
/// string property at most 64 KiB (32 K UTF-16 characters). Text that may be long is cut, never the body
/// (which lives in a blob), and lists are spread over several properties or shortened with a count kept.
/// </summary>
internal static class EntityLimits
{
    public const int MaxEntityBytes = 1024 * 1024;

    public const int MaxStringChars = 32 * 1024;

    // Names stay readable (no \uXXXX for every non-ASCII character), which also keeps them short.
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary><paramref name="value"/> cut to at most <paramref name="maxChars"/> characters, ending in "…" when cut, on a text-element boundary.</summary>
    public static string Truncate(string value, int maxChars) => Normalization.TextCleaner.Cut(value, maxChars);

    /// <summary>
    /// The values as JSON arrays, each at most <see cref="MaxStringChars"/> characters, at most
    /// <paramref name="maxChunks"/> of them; values that do not fit are left out (the caller keeps the count).
    /// A single value longer than a chunk is cut.
    /// </summary>
    public static IReadOnlyList<string> Pack(IEnumerable<string> values, int maxChunks, out int packedCount)
    {
        ArgumentNullException.ThrowIfNull(values);
        var chunks = new List<string>();
        var current = new List<string>();
        var currentLength = 2;
        packedCount = 0;
        foreach (var raw in values)
        {
            var value = raw;
            var length = JsonSerializer.Serialize(value, JsonOptions).Length + 1;
            while (length + 2 > MaxStringChars)
            {
                value = Truncate(value, value.Length / 2);
                length = JsonSerializer.Serialize(value, JsonOptions).Length + 1;
            }

            if (currentLength + length > MaxStringChars)
            {
                chunks.Add(JsonSerializer.Serialize(current, JsonOptions));
                current = [];
                currentLength = 2;
                if (chunks.Count == maxChunks)
                {
                    return chunks;
                }
            }

            current.Add(value);
            currentLength += length;
            packedCount++;
        }

        if (current.Count > 0 || chunks.Count == 0)
        {
            chunks.Add(JsonSerializer.Serialize(current, JsonOptions));
        }

        return chunks;
    }

    /// <summary>The values <see cref="Pack"/> stored under <paramref name="propertyName"/>, <paramref name="propertyName"/>1, 2, ….</summary>
    public static List<string> Unpack(TableEntity entity, string propertyName)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var values = new List<string>();
        for (var i = 0; ; i++)
        {
            var json = entity.GetString(i == 0 ? propertyName : propertyName + i);
            if (json is null)
            {
                return values;
            }

            values.AddRange(JsonSerializer.Deserialize<List<string>>(json) ?? []);
        }
    }

    /// <summary>Stores <paramref name="values"/> packed under <paramref name="propertyName"/>, <paramref name="propertyName"/>1, …, removing chunks left from a longer list.</summary>
    public static int SetPacked(TableEntity entity, string propertyName, IEnumerable<string> values, int maxChunks)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var chunks = Pack(values, maxChunks, out var packed);
        for (var i = 0; i < maxChunks; i++)
        {
            var name = i == 0 ? propertyName : propertyName + i;
            if (i < chunks.Count)
            {
                entity[name] = chunks[i];
            }
            else
            {
                entity.Remove(name);
            }
        }

        return packed;
    }

    /// <summary>
    /// Stores a long text over <paramref name="propertyName"/>, <paramref name="propertyName"/>1, … (at most
    /// <paramref name="maxChunks"/>, each at most <see cref="MaxStringChars"/>); the caller bounds the text first.
    /// </summary>
    public static void SetChunked(TableEntity entity, string propertyName, string value, int maxChunks)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > (long)maxChunks * MaxStringChars)
        {
            throw new InvalidOperationException($"Property {propertyName} has {value.Length} characters; at most {maxChunks * MaxStringChars} fit.");
        }

        var offset = 0;
        for (var i = 0; i < maxChunks; i++)
        {
            var name = i == 0 ? propertyName : propertyName + i;
            if (i == 0 || offset < value.Length)
            {
                var length = Math.Min(MaxStringChars, value.Length - offset);

                // A chunk never ends inside a surrogate pair, so each property is valid UTF-16 on its own.
                if (length > 0 && offset + length < value.Length && char.IsHighSurrogate(value[offset + length - 1]))
                {
                    length--;
                }

                entity[name] = value.Substring(offset, length);
                offset += length;
            }
            else
            {
                entity.Remove(name);
            }
        }
    }

    /// <summary>The text <see cref="SetChunked"/> stored, or null when there is none.</summary>
    public static string? GetChunked(TableEntity entity, string propertyName)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var first = entity.GetString(propertyName);
        if (first is null)
        {
            return null;
        }

        var builder = new System.Text.StringBuilder(first);
        for (var i = 1; entity.GetString(propertyName + i) is { } next; i++)
        {
            builder.Append(next);
        }

        return builder.ToString();
    }

    /// <summary>
    /// The entity's size as the Table service counts it: 4 bytes + 2 per key character + for each property
    /// 8 bytes + 2 per name character + the value (strings 4 + 2 per character, binary 4 + length).
    /// </summary>
    public static long EstimateSize(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        long size = 4 + ((long)(entity.PartitionKey?.Length ?? 0) + (entity.RowKey?.Length ?? 0)) * 2;
        foreach (var (name, value) in entity)
        {
            if (name is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")
            {
                continue;
            }

            size += 8 + (name.Length * 2) + value switch
            {
                null => 0,
                string s => 4 + (s.Length * 2L),
                byte[] b => 4 + b.Length,
                BinaryData d => 4 + d.ToMemory().Length,
                bool => 1,
                int => 4,
                long or double or DateTime or DateTimeOffset => 8,
                Guid => 16,
                _ => 8,
            };
        }

        return size;
    }

    /// <summary>Throws when the entity breaks a limit: a bug in the code that built it, not bad input.</summary>
    public static void EnsureWithinLimits(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        foreach (var (name, value) in entity)
        {
            if (value is string s && s.Length > MaxStringChars)
            {
                throw new InvalidOperationException($"Property {name} has {s.Length} characters; the Table service allows {MaxStringChars}.");
            }
        }

        var size = EstimateSize(entity);
        if (size > MaxEntityBytes)
        {
            throw new InvalidOperationException($"Entity {entity.PartitionKey}/{entity.RowKey} is {size} bytes; the Table service allows {MaxEntityBytes}.");
        }
    }
}
