using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
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

    /// <summary>
    /// As <see cref="Options"/>, but the text (paragraphs and captions) is skipped, not read: a large window's
    /// grouping needs only the features stored with it, and a window of 100,000 documents holds hundreds of megabytes
    /// of text.
    /// </summary>
    private static JsonSerializerOptions WithoutTextOptions { get; } = new(Options)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { SkipText } },
    };

    public static BinaryData Serialize(NormalizedDocument document) =>
        BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(document, Options));

    public static NormalizedDocument Deserialize(BinaryData json) =>
        json.ToObjectFromJson<NormalizedDocument>(Options)
        ?? throw new InvalidDataException("A normalized document blob holds JSON null.");

    /// <summary>The document without its paragraphs and captions (both empty): everything else as <see cref="Deserialize"/> reads it.</summary>
    public static NormalizedDocument DeserializeWithoutText(BinaryData json) =>
        json.ToObjectFromJson<NormalizedDocument>(WithoutTextOptions)
        ?? throw new InvalidDataException("A normalized document blob holds JSON null.");

    private static void SkipText(JsonTypeInfo type)
    {
        if (type.Type != typeof(NormalizedDocument))
        {
            return;
        }

        foreach (var property in type.Properties)
        {
            if ((property.AttributeProvider as MemberInfo)?.Name is nameof(NormalizedDocument.Paragraphs) or nameof(NormalizedDocument.Captions))
            {
                property.CustomConverter = SkippedList.Instance;
            }
        }
    }

    /// <summary>Reads past a list of strings without making them, as an empty list.</summary>
    private sealed class SkippedList : JsonConverter<IReadOnlyList<string>>
    {
        public static readonly SkippedList Instance = new();

        public override IReadOnlyList<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            reader.Skip();
            return [];
        }

        public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options) =>
            throw new NotSupportedException("Documents are written with their text.");
    }
}
