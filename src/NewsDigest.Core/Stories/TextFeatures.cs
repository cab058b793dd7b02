using System.Text.Json;
using System.Text.Json.Serialization;
using NewsDigest.Normalization;

namespace NewsDigest.Stories;

/// <summary>
/// What grouping reads from a document's text, worked out once at ingestion and stored with the document: its
/// distinct content words in the order first read, with their weights and lead counts, its names, its shingle count
/// and the days and years it names. A digest loads these instead of reading the text again, every day the document
/// is in a window.
/// </summary>
/// <remarks>
/// Features of another <see cref="Version"/>, or that do not hold together, are not used: the text is read again,
/// so a change to how text is read never mixes old features with new ones.
/// </remarks>
internal sealed record TextFeatures
{
    /// <summary>Raised whenever reading a text changes what it yields (words, names, shingles, dates).</summary>
    public const int CurrentVersion = 1;

    /// <summary>What follows each term in <see cref="Terms"/>: words are read at spaces, so no term holds one.</summary>
    public const char Separator = ' ';

    public required int Version { get; init; }

    /// <summary>
    /// The terms, each followed by a space: one string, not one per term (a window's documents are read a block at a
    /// time, and a string per term was most of what a stored document held).
    /// </summary>
    public required string Terms { get; init; }

    /// <summary>Per term: once per time in the body, three times per time in the headline.</summary>
    public required int[] Weights { get; init; }

    /// <summary>Per term first read in the headline or the lead (a prefix of <see cref="Terms"/>): its times there.</summary>
    public required int[] LeadCounts { get; init; }

    public required NamedEntity[] Entities { get; init; }

    /// <summary>Positions in <see cref="Entities"/> of the people the headline names.</summary>
    public required int[] HeadlinePeople { get; init; }

    public required int Shingles { get; init; }

    public required int[] MentionedDays { get; init; }

    public required int[] MentionedYears { get; init; }

    /// <summary>Characters in the paragraphs: copies of an article are ordered by it when the text is not read.</summary>
    public required int TextLength { get; init; }

    /// <summary>The features of a document's text, as grouping would read them.</summary>
    public static TextFeatures Of(string title, IReadOnlyList<string> paragraphs)
    {
        var draft = new DocumentFeatureDraft();
        draft.Read(title, paragraphs, published: null, new DocumentFeatureBuffers());
        return draft.ToTextFeatures();
    }

    /// <summary>The features of <paramref name="document"/>'s text, as grouping would read them.</summary>
    public static TextFeatures Of(NormalizedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Of(document.Title, document.Paragraphs);
    }

    /// <summary>Whether these are of this build's <see cref="CurrentVersion"/> and hold together, so a draft can load them.</summary>
    public bool IsCurrent()
    {
        if (Version != CurrentVersion || Terms is null || Weights is null || LeadCounts is null || Entities is null
            || HeadlinePeople is null || MentionedDays is null || MentionedYears is null
            || LeadCounts.Length > Weights.Length || Shingles < 0 || TextLength < 0)
        {
            return false;
        }

        var terms = Terms.AsSpan();
        for (var t = 0; t < Weights.Length; t++)
        {
            var end = terms.IndexOf(Separator);
            if (end <= 0 || Weights[t] <= 0 || (t < LeadCounts.Length && LeadCounts[t] <= 0))
            {
                return false;
            }

            terms = terms[(end + 1)..];
        }

        if (!terms.IsEmpty)
        {
            return false;
        }

        foreach (var entity in Entities)
        {
            if (entity is null || string.IsNullOrEmpty(entity.Name))
            {
                return false;
            }
        }

        foreach (var position in HeadlinePeople)
        {
            if ((uint)position >= (uint)Entities.Length)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Reads stored features, or null when they cannot be read (another version's shape, a name kind this build
    /// does not know) or are not current ones (<see cref="IsCurrent"/>): the document is then read whole and its text
    /// read again, never refused for its features. Checked here, where they come from storage, so the readers after
    /// it only ask whether a document has features.
    /// </summary>
    internal sealed class LenientConverter : JsonConverter<TextFeatures>
    {
        public override TextFeatures? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            // The reader is a copy until the features are read: on failure the original skips the whole value.
            var attempt = reader;
            try
            {
                var features = JsonSerializer.Deserialize<TextFeatures>(ref attempt, options);
                reader = attempt;
                return features is not null && features.IsCurrent() ? features : null;
            }
            catch (JsonException)
            {
                reader.Skip();
                return null;
            }
        }

        public override void Write(Utf8JsonWriter writer, TextFeatures value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value, options);
    }
}
