using NewsDigest.Stories;

namespace NewsDigest.Digest;

/// <summary>
/// A digest whose entries are ranked and listed but not yet summarised (<see cref="DigestEditor.Draft"/>): the
/// summaries read a few documents of each listed story, and those grouped without their text are read again first.
/// </summary>
internal sealed class DigestDraft
{
    private readonly StoryGrouping _grouping;
    private readonly List<List<SourceFacts>>[] _articles;
    private readonly string[] _headlines;
    private readonly IReadOnlyList<(int Group, DigestEntry Entry)> _listed;
    private readonly DigestContent _content;

    internal DigestDraft(
        StoryGrouping grouping,
        List<List<SourceFacts>>[] articles,
        string[] headlines,
        IReadOnlyList<(int Group, DigestEntry Entry)> listed,
        DigestContent content)
    {
        _grouping = grouping;
        _articles = articles;
        _headlines = headlines;
        _listed = listed;
        _content = content;
        var unread = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (group, _) in listed)
        {
            foreach (var document in DigestEditor.SummarisedDocuments(articles[group]))
            {
                if (!document.HasText && seen.Add(document.Id))
                {
                    unread.Add(document.Id);
                }
            }
        }

        Unread = unread;
    }

    /// <summary>Ids of the documents the summaries read that were grouped without their text, in listing order.</summary>
    public IReadOnlyList<string> Unread { get; }

    /// <summary>
    /// Summarises the listed stories and completes the digest; <paramref name="texts"/> holds the <see cref="Unread"/>
    /// documents with their text, by id (one missing, deleted since, adds nothing to its story's summary).
    /// </summary>
    public DigestEdition Finish(IReadOnlyDictionary<string, StoryDocument> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return DigestEditor.Finish(_grouping, _articles, _headlines, _listed, _content, texts);
    }
}
