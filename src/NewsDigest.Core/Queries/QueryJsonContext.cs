using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsDigest.Queries;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(DigestListView))]
[JsonSerializable(typeof(DocumentView))]
internal sealed partial class QueryJsonContext : JsonSerializerContext;
