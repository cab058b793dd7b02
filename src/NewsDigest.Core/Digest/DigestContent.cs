namespace NewsDigest.Digest;

/// <summary>What one digest says, before rendering: the entries in rank order and the window they cover.</summary>
/// <param name="LocalDate">Local date the digest is for.</param>
/// <param name="TimeZone">IANA time zone of <paramref name="LocalDate"/>.</param>
/// <param name="ComposedAt">When it was compiled.</param>
/// <param name="WindowStart">Documents ingested from here ...</param>
/// <param name="WindowEnd">... up to here (exclusive).</param>
/// <param name="DocumentCount">Documents the digest covered.</param>
/// <param name="Entries">One entry per story with new documents, best first.</param>
/// <param name="FullDigestUrl">Public page with the full digest, when configured.</param>
internal sealed record DigestContent(
    DateOnly LocalDate,
    string TimeZone,
    DateTimeOffset ComposedAt,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    int DocumentCount,
    IReadOnlyList<DigestEntry> Entries,
    Uri? FullDigestUrl)
{
    /// <summary>Stories not listed: past <see cref="DigestOptions.MaxStories"/>, and in the email also those left out to keep it short.</summary>
    public int OmittedEntries { get; init; }
}

/// <summary>One story in a digest.</summary>
/// <param name="StoryId">Stable id of the story across digests.</param>
/// <param name="Headline">The story's headline.</param>
/// <param name="IsUpdate">The story appeared in an earlier digest; this entry says what is new.</param>
/// <param name="IsOlderCoverage">Every dated document was published long before the window: not news.</param>
/// <param name="Summary">Two to four sentences taken from the new documents, each with the document it came from.</param>
/// <param name="Sources">Every new document of the story.</param>
/// <param name="People">People the new documents name.</param>
/// <param name="Organisations">Organisations the new documents name.</param>
/// <param name="Places">Places the new documents name.</param>
/// <param name="IndependentSources">Independent outlets: copies of one article count once, and so do two articles of one outlet.</param>
internal sealed record DigestEntry(
    string StoryId,
    string Headline,
    bool IsUpdate,
    bool IsOlderCoverage,
    IReadOnlyList<SummarySentence> Summary,
    IReadOnlyList<DigestSource> Sources,
    IReadOnlyList<string> People,
    IReadOnlyList<string> Organisations,
    IReadOnlyList<string> Places,
    int IndependentSources)
{
    /// <summary>Sources left out of this rendering's list (the email lists a few per entry); never in the JSON, which lists all.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int OmittedSources { get; init; }
}

/// <summary>One document behind a digest entry.</summary>
/// <param name="DocumentId">Id of the stored document.</param>
/// <param name="Outlet">Publisher name or host; "Unknown outlet" when the document does not say.</param>
/// <param name="Title">The document's title.</param>
/// <param name="Published">Publication time, when known.</param>
/// <param name="Url">Link (http or https only), when known.</param>
/// <param name="IsOlderCoverage">Published long before the digest window.</param>
/// <param name="CopyOf">Id of the source this document is a copy of (same article, another copy), or null.</param>
internal sealed record DigestSource(
    string DocumentId,
    string Outlet,
    string Title,
    DateTimeOffset? Published,
    string? Url,
    bool IsOlderCoverage,
    string? CopyOf = null);

/// <summary>One summary sentence and the document it was taken from (one of the entry's sources).</summary>
internal sealed record SummarySentence(string Text, string DocumentId);
