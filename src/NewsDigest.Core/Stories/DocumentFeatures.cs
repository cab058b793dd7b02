using System.Runtime.InteropServices;
using NewsDigest.Normalization;
using static NewsDigest.Stories.StoryClusterer;

namespace NewsDigest.Stories;

internal sealed class DocumentFeatures
{
    private long[]? _keys;

    public required StoryDocument Document { get; init; }

    public required int[] TermIds { get; init; }

    public required float[] TermWeights { get; init; }

    public required IReadOnlyList<NamedEntity> Entities { get; init; }

    public required int[] EntityIds { get; init; }

    public required int Shingles { get; init; }

    public required int[] LeadIds { get; init; }

    public required float[] LeadWeights { get; init; }

    public required int[] PublishedDays { get; init; }

    public required int[] MentionedDays { get; init; }

    /// <summary>The years (1950 to 2099) the text names: an undated report was written in or after the latest.</summary>
    public required int[] MentionedYears { get; init; }

    public int LatestMentionedYear => MentionedYears.Length == 0 ? 0 : MentionedYears.Max();

    /// <summary>Ids of the people the headline names: who the development is about.</summary>
    public required int[] HeadlinePeople { get; init; }

    public static DocumentFeatures Build(StoryDocument document, StoryVocabulary vocabulary)
    {
        // Words are read as characters and counted by id: no string per token and no dictionary per document.
        var buffers = vocabulary.Buffers;
        var counts = buffers.Terms;
        // The headline and first paragraph say which development the article is about; later paragraphs add background.
        var lead = buffers.Lead;
        // The headline says what the story is about: it weighs like a few sentences.
        var title = new WordReader(document.Title, buffers.TokenBuffer(document.Title.Length));
        while (title.MoveNext())
        {
            var term = TextTokens.ContentForm(title.Current);
            if (term.Length > 0)
            {
                var id = vocabulary.Id(term);
                counts.Add(id, 3);
                lead.Add(id, 1);
            }
        }

        // Each paragraph is tokenized once: its words feed the term vector, the lead vector and the shingle count.
        var leadParagraphs = LeadParagraphs(document.Paragraphs);
        for (var p = 0; p < document.Paragraphs.Count; p++)
        {
            var paragraph = document.Paragraphs[p];
            var words = new WordReader(paragraph, buffers.TokenBuffer(paragraph.Length));
            while (words.MoveNext())
            {
                buffers.AddBodyWord(words.Current);
                var term = TextTokens.ContentForm(words.Current);
                if (term.Length == 0)
                {
                    continue;
                }

                var id = vocabulary.Id(term);
                counts.Add(id, 1);
                if (p < leadParagraphs)
                {
                    lead.Add(id, 1);
                }
            }
        }

        var (ids, weights) = counts.ToUnitVector();
        var (leadIds, leadWeights) = lead.ToUnitVector();

        var entities = EntityExtractor.Extract(document.Title, document.Paragraphs, buffers.Entities);
        // Extraction returns one entity per key, so the ids run parallel to the entities.
        var entityIds = new int[entities.Count];
        for (var e = 0; e < entityIds.Length; e++)
        {
            entityIds[e] = buffers.EntityId(vocabulary, entities[e].Name);
        }

        vocabulary.CountDocument(ids, entityIds);
        return new DocumentFeatures
        {
            Document = document,
            TermIds = ids,
            TermWeights = weights,
            Entities = entities,
            EntityIds = entityIds,
            HeadlinePeople = HeadlinePeopleOf(document.Title, entities, entityIds),
            Shingles = buffers.CountShingles(),
            LeadIds = leadIds,
            LeadWeights = leadWeights,
            PublishedDays = EventDates.Published(document.Published),
            MentionedDays = EventDates.Mentioned(document.Paragraphs),
            MentionedYears = EventDates.Years(document.Title, document.Paragraphs),
        };
    }

    private static int[] HeadlinePeopleOf(string title, IReadOnlyList<NamedEntity> entities, int[] entityIds)
    {
        var count = 0;
        Span<int> found = stackalloc int[8];
        for (var e = 0; e < entities.Count && count < found.Length; e++)
        {
            if (entities[e].Kind == EntityKind.Person && title.Contains(entities[e].Name, StringComparison.OrdinalIgnoreCase))
            {
                found[count++] = entityIds[e];
            }
        }

        return count == 0 ? [] : found[..count].ToArray();
    }

    /// <summary>How many leading paragraphs make up the lead: whole paragraphs until about <see cref="LeadWords"/> words.</summary>
    private static int LeadParagraphs(IReadOnlyList<string> paragraphs)
    {
        var words = 0;
        for (var p = 0; p < paragraphs.Count; p++)
        {
            words += paragraphs[p].AsSpan().Count(' ') + 1;
            if (words >= LeadWords)
            {
                return p + 1;
            }
        }

        return paragraphs.Count;
    }

    /// <summary>
    /// The document's index keys: its signature bands, its most distinctive shared terms and its rarest shared
    /// names. Computed once per grouping (the weights do not change during it) and used to search and to index.
    /// </summary>
    public long[] Keys(float[] idf, float keyIdf)
    {
        if (_keys is not null)
        {
            return _keys;
        }

        var values = Document.Signature.Values;
        var bands = values.Count / RowsPerBand;
        var ranked = TermIds.Length <= 512 ? stackalloc (float Weight, int Position)[TermIds.Length] : new (float Weight, int Position)[TermIds.Length];
        var terms = 0;
        for (var i = 0; i < TermIds.Length; i++)
        {
            if (idf[TermIds[i]] <= keyIdf)
            {
                ranked[terms++] = (TermWeights[i] * idf[TermIds[i]], i);
            }
        }

        var names = 0;
        var rankedNames = EntityIds.Length <= 512 ? stackalloc (float Weight, int Position)[EntityIds.Length] : new (float Weight, int Position)[EntityIds.Length];
        for (var i = 0; i < EntityIds.Length; i++)
        {
            if (idf[EntityIds[i]] <= keyIdf)
            {
                rankedNames[names++] = (idf[EntityIds[i]], i);
            }
        }

        var keys = new long[bands + Math.Min(terms, DistinctiveTermsPerDocument) + Math.Min(names, DistinctiveNamesPerDocument)];
        var count = 0;
        for (var band = 0; band + RowsPerBand <= values.Count; band += RowsPerBand)
        {
            var hash = HashCode.Combine(values[band], values[band + 1]);
            // Band keys are negative so they never collide with term ids.
            keys[count++] = long.MinValue + ((long)band << 32) + (uint)hash;
        }

        count = AddStrongest(keys, count, ranked[..terms], TermIds, DistinctiveTermsPerDocument);
        AddStrongest(keys, count, rankedNames[..names], EntityIds, DistinctiveNamesPerDocument);
        _keys = keys;
        return _keys;
    }

    /// <summary>Adds the ids of the <paramref name="count"/> heaviest entries, ties in their original order.</summary>
    private static int AddStrongest(long[] keys, int next, Span<(float Weight, int Position)> ranked, int[] ids, int count)
    {
        ranked.Sort(static (a, b) => a.Weight != b.Weight ? b.Weight.CompareTo(a.Weight) : a.Position.CompareTo(b.Position));
        for (var i = 0; i < ranked.Length && i < count; i++)
        {
            keys[next++] = ids[ranked[i].Position];
        }

        return next;
    }
}
