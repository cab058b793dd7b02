using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsDigest.Digest;

/// <summary>The structured digest the API serves (camelCase; the default encoder escapes HTML-significant characters).</summary>
internal static class JsonDigestRenderer
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Render(DigestContent content) => JsonSerializer.Serialize(
        new Document(
            content.LocalDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            content.TimeZone,
            content.ComposedAt,
            content.WindowStart,
            content.WindowEnd,
            content.DocumentCount,
            content.Entries.Count,
            content.OmittedEntries,
            content.FullDigestUrl?.AbsoluteUri,
            content.Entries),
        Options);

    private sealed record Document(
        string LocalDate,
        string TimeZone,
        DateTimeOffset ComposedAt,
        DateTimeOffset WindowStart,
        DateTimeOffset WindowEnd,
        int DocumentCount,
        int StoryCount,
        int OmittedStoryCount,
        string? FullDigestUrl,
        IReadOnlyList<DigestEntry> Entries);
}
