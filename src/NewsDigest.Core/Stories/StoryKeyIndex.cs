using System.Runtime.InteropServices;
using NewsDigest.Normalization;
using static NewsDigest.Stories.StoryClusterer;

namespace NewsDigest.Stories;

/// <summary>
/// Which stories used each key last (at most <see cref="ClustersPerKey"/>, oldest first). Most keys (signature
/// bands above all) only ever have one story, so those are kept without a list of their own.
/// </summary>
internal sealed class StoryKeyIndex
{
    private readonly Dictionary<long, int> _single = [];
    private readonly Dictionary<long, List<int>> _shared = [];

    public void Add(int cluster, IEnumerable<long> keys)
    {
        foreach (var key in keys)
        {
            Add(cluster, key);
        }
    }

    /// <summary>Records that <paramref name="cluster"/> used <paramref name="keys"/> (a document's keys: no enumerator to allocate).</summary>
    public void Add(int cluster, long[] keys)
    {
        foreach (var key in keys)
        {
            Add(cluster, key);
        }
    }

    private void Add(int cluster, long key)
    {
        if (!_shared.TryGetValue(key, out var owners))
        {
            ref var single = ref CollectionsMarshal.GetValueRefOrAddDefault(_single, key, out var exists);
            if (!exists || single == cluster)
            {
                single = cluster;
                return;
            }

            owners = [single, cluster];
            _single.Remove(key);
            _shared[key] = owners;
            return;
        }

        if (owners[^1] == cluster)
        {
            return;
        }

        owners.Remove(cluster);
        owners.Add(cluster);
        if (owners.Count > ClustersPerKey)
        {
            // Keep the stories that mentioned the key last: the ones a new document most likely continues.
            owners.RemoveAt(0);
        }
    }

    /// <summary>Adds <paramref name="weight"/> to the hits of every story that used <paramref name="key"/>.</summary>
    public void CountOwners(long key, int weight, StoryCandidates hits)
    {
        if (_single.TryGetValue(key, out var single))
        {
            hits.Count(single, weight);
            return;
        }

        if (_shared.TryGetValue(key, out var owners))
        {
            foreach (var owner in CollectionsMarshal.AsSpan(owners))
            {
                hits.Count(owner, weight);
            }
        }
    }
}
