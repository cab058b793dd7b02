using static NewsDigest.Stories.StoryClusterer;

namespace NewsDigest.Stories;

/// <summary>
/// The scratch space of the candidate search, reused for every document of one grouping so that searching allocates
/// nothing: how many keys each story shares with the document (a dense array, since stories are numbered from 0),
/// the stories touched, and the <see cref="MaxCandidates"/> stories sharing the most keys.
/// </summary>
internal sealed class StoryCandidates
{
    private readonly SparseCounts<int> _hits = new();
    private readonly (int Hits, int Story)[] _best = new (int Hits, int Story)[MaxCandidates];
    private int _bestCount;

    /// <summary>The document's weighted terms, computed once for all candidates.</summary>
    public WeightedTerms Terms { get; } = new();

    /// <summary>The document's weighted lead terms, computed once for all candidates.</summary>
    public WeightedTerms Lead { get; } = new();

    /// <summary>The stories counted, in the order they were first counted (with no hits left if uncounted).</summary>
    public ReadOnlySpan<int> Touched => _hits.Touched;

    /// <summary>Forgets the previous document's counts and candidates.</summary>
    public void Clear()
    {
        _hits.Clear();
        _bestCount = 0;
    }

    /// <summary>Forgets the candidates only, keeping the counts: the same document searched again with another filter.</summary>
    public void ClearBest() => _bestCount = 0;

    /// <summary>How many hits <paramref name="story"/> has (key weights shared with the document).</summary>
    public int HitsOf(int story) => _hits[story];

    /// <summary>Adds <paramref name="weight"/> (positive) to the hits of <paramref name="story"/>.</summary>
    public void Count(int story, int weight) => _hits.Add(story, weight);

    /// <summary>
    /// Takes back <paramref name="weight"/> counted for <paramref name="story"/> (a key it no longer owns). A story
    /// left with no hits is no candidate; it must not be counted again before <see cref="Clear"/>.
    /// </summary>
    public void Uncount(int story, int weight) => _hits.Subtract(story, weight);

    /// <summary>
    /// Keeps <paramref name="story"/> among the best candidates if it is one: most shared keys first, then the most recent
    /// story. A partial selection (insertion into a short sorted array) gives the same first candidates as sorting all.
    /// </summary>
    public void Offer(int story)
    {
        var hits = _hits[story];
        if (hits == 0)
        {
            return;
        }

        var position = _bestCount;
        while (position > 0 && Precedes(hits, story, _best[position - 1]))
        {
            position--;
        }

        if (position >= _best.Length)
        {
            return;
        }

        var last = Math.Min(_bestCount, _best.Length - 1);
        Array.Copy(_best, position, _best, position + 1, last - position);
        _best[position] = (hits, story);
        _bestCount = Math.Min(_bestCount + 1, _best.Length);
    }

    /// <summary>The best candidates offered since <see cref="Clear"/>, best first.</summary>
    public ReadOnlySpan<(int Hits, int Story)> Best => _best.AsSpan(0, _bestCount);

    private static bool Precedes(int hits, int story, (int Hits, int Story) other) =>
        hits != other.Hits ? hits > other.Hits : story > other.Story;
}
