using System.Collections.ObjectModel;
using NewsDigest.Normalization;

namespace NewsDigest.Stories;

/// <summary>What story grouping and the digest need of one document.</summary>
internal sealed record StoryDocument(
    string Id,
    string Title,
    IReadOnlyList<string> Paragraphs,
    DateTimeOffset? Published,
    DateTimeOffset IngestedAt,
    string? Url,
    DocumentSource Source,
    NearDuplicateSignature Signature)
{
    /// <summary>
    /// What grouping needs of a stored document. One read without its text (no paragraphs, current features: see
    /// <see cref="Storage.DocumentRepository.GetAsync(string, bool, CancellationToken)"/>) comes without its text,
    /// its features loaded instead; the few a digest summarises are read again.
    /// </summary>
    public static StoryDocument From(NormalizedDocument document, DateTimeOffset ingestedAt)
    {
        ArgumentNullException.ThrowIfNull(document);
        // Current or none: stored features are checked as they are read (TextFeatures.LenientConverter).
        var features = document.TextFeatures;
        var read = new StoryDocument(
            document.Id,
            document.Title,
            document.Paragraphs,
            document.Published,
            ingestedAt,
            document.Url,
            document.Source,
            document.Signature)
        {
            Features = features,
        };

        // No paragraphs, yet features of a text: it was read without its text, and the features stand for it.
        return features is { TextLength: > 0 } && document.Paragraphs.Count == 0
            ? read with { HasText = false, TextLength = features.TextLength }
            : read;
    }

    /// <summary>
    /// The features of its text stored at ingestion, when they are of this build's version: grouping loads them
    /// instead of reading <see cref="Paragraphs"/> (the two give the same draft). Null means the text is read. Only
    /// current ones get here: checked as a stored document is read, or by <see cref="WithFeaturesInsteadOfText"/>.
    /// </summary>
    public TextFeatures? Features { get; private init; }

    /// <summary>When the development happened as far as the document says: its publication time, else its arrival.</summary>
    public DateTimeOffset EventTime => Published ?? IngestedAt;

    /// <summary>Characters in its paragraphs, kept when the text is let go (copies of an article are ordered by it).</summary>
    public int TextLength { get; private init; } = Length(Paragraphs);

    /// <summary>Whether <see cref="Paragraphs"/> holds the text: false once <see cref="WithoutText"/> let it go.</summary>
    public bool HasText { get; private init; } = true;

    /// <summary>
    /// The document without its paragraphs, for a large window: grouping reads the text once into features, and only
    /// the few documents a digest summarises are read again (<see cref="TextLength"/> and everything else stay).
    /// </summary>
    public StoryDocument WithoutText() => HasText ? this with { Paragraphs = [], HasText = false, Features = null } : this;

    /// <summary>
    /// <see cref="WithoutText()"/>, holding <paramref name="source"/> (equal to its own) instead of its own source
    /// object: a large window's documents come from far fewer outlets, and one object per outlet is less to trace.
    /// </summary>
    public StoryDocument WithoutText(DocumentSource source)
    {
        if (source != Source)
        {
            throw new ArgumentException("The source must be equal to the document's own.", nameof(source));
        }

        return HasText || !ReferenceEquals(source, Source) ? this with { Paragraphs = [], HasText = false, Features = null, Source = source } : this;
    }

    /// <summary>
    /// The document as a large window reads it from storage: without its paragraphs, with the features of its text
    /// stored at ingestion (current ones: see <see cref="TextFeatures.IsCurrent"/>), which grouping loads instead.
    /// </summary>
    /// <exception cref="ArgumentException">The features are of another version or do not hold together.</exception>
    public StoryDocument WithFeaturesInsteadOfText(TextFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (!features.IsCurrent())
        {
            throw new ArgumentException("The text features are of another version or do not hold together.", nameof(features));
        }

        return this with { Paragraphs = [], HasText = false, TextLength = features.TextLength, Features = features };
    }

    private static int Length(IReadOnlyList<string> paragraphs)
    {
        var length = 0;
        for (var p = 0; p < paragraphs.Count; p++)
        {
            length += paragraphs[p].Length;
        }

        return length;
    }
}

/// <summary>A story as it is remembered between digests: enough to recognise a later document as an update.</summary>
/// <param name="Id">Stable story id.</param>
/// <param name="Headline">Headline it was last shown with.</param>
/// <param name="FirstSeen">Earliest event time of its documents.</param>
/// <param name="LastSeen">Latest event time of its documents.</param>
/// <param name="DocumentCount">Documents it has gathered.</param>
/// <param name="Terms">Centroid of its documents' term vectors (the strongest terms only).</param>
/// <param name="LeadTerms">Centroid of its documents' headline and first-paragraph terms.</param>
/// <param name="Entities">Names its documents mention, with how many documents mention each.</param>
/// <param name="Signatures">Near-duplicate signatures of its most recent documents.</param>
/// <param name="PublishedDays">Calendar days its documents were published on (month * 31 + day).</param>
/// <param name="MentionedDays">Calendar days its documents name in their text (month * 31 + day).</param>
/// <param name="MentionedYears">Years its documents name in their text.</param>
/// <param name="SaidSentences">Sentences earlier digests already used for it.</param>
internal sealed record StoryProfile(
    string Id,
    string Headline,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    int DocumentCount,
    IReadOnlyDictionary<string, float> Terms,
    IReadOnlyDictionary<string, float> LeadTerms,
    IReadOnlyList<StoryEntity> Entities,
    IReadOnlyList<StorySignature> Signatures,
    IReadOnlyList<int> PublishedDays,
    IReadOnlyList<int> MentionedDays,
    IReadOnlyList<int> MentionedYears,
    IReadOnlyList<string> SaidSentences)
{
    /// <summary>No surnames: shared by the stories whose headlines name nobody, rather than an empty table each.</summary>
    internal static readonly IReadOnlyDictionary<string, int> NoPeople = ReadOnlyDictionary<string, int>.Empty;

    /// <summary>Surnames the headlines of its documents name, with how many headlines name each: who the story is about.</summary>
    public IReadOnlyDictionary<string, int> HeadlinePeople { get; init; } = NoPeople;
}

internal readonly record struct StoryEntity(string Name, EntityKind Kind, int Count);

internal readonly record struct StorySignature(NearDuplicateSignature Signature, int Shingles);
