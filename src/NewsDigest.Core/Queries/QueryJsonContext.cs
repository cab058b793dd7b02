using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsDigest.Queries;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(DigestListView))]
[JsonSerializable(typeof(DocumentView))]
internal sealed partial class QueryJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The API's bodies are JSON documents, never inlined into HTML, so text (Korean paragraphs, apostrophes in
    /// messages) is written as is rather than as \u escapes.
    /// </summary>
    public static QueryJsonContext Api { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    });
}
