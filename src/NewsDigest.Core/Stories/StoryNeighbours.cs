using System.Runtime.InteropServices;

namespace NewsDigest.Stories;

/// <summary>
/// Which stories were weighed against each other's reports in the single pass: the stories a report was compared with
/// are the neighbours of the story it joined, and it of theirs. The merge pass looks for a story's match among its
/// neighbours, the stories the candidate search already found, instead of searching the key index again.
/// </summary>
internal sealed class StoryNeighbours
{
    private readonly List<List<int>?> _of = [];
    private readonly List<int> _mergedInto = [];

    /// <summary>Records that a report of <paramref name="story"/> was weighed against <paramref name="candidates"/>.</summary>
    public void Record(int story, ReadOnlySpan<int> candidates)
    {
        foreach (var other in candidates)
        {
            if (other != story)
            {
                Of(story).Add(other);
                Of(other).Add(story);
            }
        }
    }

    /// <summary>Records that <paramref name="story"/> joined <paramref name="target"/>: its neighbours are the target's now.</summary>
    public void Merge(int story, int target)
    {
        Grow(Math.Max(story, target));
        _mergedInto[story] = target;
        if (_of[story] is { } neighbours)
        {
            Of(target).AddRange(neighbours);
            _of[story] = null;
        }
    }

    /// <summary>The neighbours of <paramref name="story"/> (as they are now, after merges), most often met first.</summary>
    public void Closest(int story, Dictionary<int, int> met, List<(int Times, int Story)> closest)
    {
        met.Clear();
        closest.Clear();
        if (story >= _of.Count || _of[story] is not { } neighbours)
        {
            return;
        }

        foreach (var neighbour in CollectionsMarshal.AsSpan(neighbours))
        {
            var now = Resolve(neighbour);
            if (now != story)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(met, now, out _)++;
            }
        }

        foreach (var (neighbour, times) in met)
        {
            closest.Add((times, neighbour));
        }

        // Most often met, then the earlier story: a total order, so the result does not depend on the dictionary.
        closest.Sort(static (a, b) => a.Times != b.Times ? b.Times.CompareTo(a.Times) : a.Story.CompareTo(b.Story));
    }

    private int Resolve(int story)
    {
        while (story < _mergedInto.Count && _mergedInto[story] >= 0 && _mergedInto[story] != story)
        {
            story = _mergedInto[story];
        }

        return story;
    }

    private List<int> Of(int story)
    {
        Grow(story);
        return _of[story] ??= [];
    }

    private void Grow(int story)
    {
        while (_of.Count <= story)
        {
            _of.Add(null);
            _mergedInto.Add(-1);
        }
    }
}
