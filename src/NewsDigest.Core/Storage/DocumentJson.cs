using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using NewsDigest.Normalization;

namespace NewsDigest.Storage;

/// <summary>How a normalized document is written to (and read from) the <c>normalized</c> container.</summary>
internal static class DocumentJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public static BinaryData Serialize(NormalizedDocument document) =>
        BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(document, Options));

    public static NormalizedDocument Deserialize(BinaryData json) =>
        json.ToObjectFromJson<NormalizedDocument>(Options)
        ?? throw new InvalidDataException("A normalized document blob holds JSON null.");
}
