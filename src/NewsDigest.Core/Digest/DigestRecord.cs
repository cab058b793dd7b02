namespace NewsDigest.Digest;

/// <summary>One compiled digest as the digests table records it.</summary>
/// <param name="LocalDate">The local date (in <paramref name="TimeZone"/>) the digest is for.</param>
/// <param name="TimeZone">IANA time zone id.</param>
/// <param name="ComposedAt">When it was compiled.</param>
/// <param name="DeliveredAt">When every configured channel had it; null while any channel is still pending.</param>
/// <param name="WindowStart">Documents ingested from here ...</param>
/// <param name="WindowEnd">... up to here (exclusive).</param>
/// <param name="StoryCount">Entries in the digest.</param>
/// <param name="DocumentCount">Documents it covered.</param>
/// <param name="ETag">Strong validator of the stored renderings (quoted, as HTTP sends it).</param>
public sealed record DigestRecord(
    DateOnly LocalDate,
    string TimeZone,
    DateTimeOffset ComposedAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    int StoryCount,
    int DocumentCount,
    string ETag);

public enum DigestFormat
{
    Json,
    Html,
    Text,
    Markdown,
    Card,
}

/// <summary>A digest rendered in every format it is stored and served in.</summary>
public sealed record RenderedDigest(string Json, string Html, string Text, string Markdown, string Card)
{
    public string Get(DigestFormat format) => format switch
    {
        DigestFormat.Json => Json,
        DigestFormat.Html => Html,
        DigestFormat.Text => Text,
        DigestFormat.Markdown => Markdown,
        DigestFormat.Card => Card,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}
