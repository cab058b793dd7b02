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
    // One table for every key, so a key costs one lookup (the table holds millions of signature bands, and each
    // lookup is a cache miss): a value of 0 or more is the one story that used the key, a negative value -(i + 1)
    // points to the list of stories i.
    private readonly KeyTable _owners;

    // The lists of the keys two or more stories used, all in one array: hundreds of thousands of small lists as
    // objects of their own were work for every garbage collection.
    private readonly OwnerLists _lists = new();

    /// <param name="documents">How many documents the index will take: the table of keys is sized for their signature bands.</param>
    public StoryKeyIndex(int documents = 0) =>
        _owners = new KeyTable((int)Math.Min(int.MaxValue, (long)documents * DistinctBandsPerDocument));

    /// <summary>
    /// The distinct signature bands a document adds to the index, a lower estimate: a quarter of its bands, the rest
    /// shared with the copies and excerpts of its article (16 to 20 a document in <c>bench digest</c>'s windows; the
    /// table still grows when a window's documents bring more).
    /// </summary>
    internal const int DistinctBandsPerDocument = NearDuplicateSignature.Length / RowsPerBand / 4;

    public void Add(int cluster, IEnumerable<long> keys)
    {
        foreach (var key in keys)
        {
            Add(cluster, key);
        }
    }

    /// <summary>Records that <paramref name="cluster"/> used <paramref name="keys"/> (a document's keys: no enumerator to allocate).</summary>
    public void Add(int cluster, ReadOnlySpan<long> keys)
    {
        foreach (var key in keys)
        {
            Add(cluster, key);
        }
    }

    private void Add(int cluster, long key)
    {
        ref var owner = ref _owners.GetValueRefOrAddDefault(key, out var exists);
        if (!exists || owner == cluster)
        {
            owner = cluster;
            return;
        }

        if (owner >= 0)
        {
            owner = -(_lists.New(owner, cluster) + 1);
            return;
        }

        // The stories that used the key last are kept, oldest first: the ones a new document most likely continues.
        _lists.MoveToEnd(-owner - 1, cluster, ClustersPerKey);
    }

    /// <summary>What a key's match counts for in a story's hits: a band 2 (strong evidence on its own), a term or name 1.</summary>
    public static int Weight(long key) => key < 0 ? 2 : 1;

    /// <summary>
    /// What adding <paramref name="key"/> for <paramref name="cluster"/> would change in the stories that used it:
    /// <see cref="OwnerLists.AlreadyListed"/> when none (the story is one of them), otherwise the story would join them
    /// and the one returned would go (<see cref="OwnerLists.NoneDropped"/> for none).
    /// </summary>
    public int Change(int cluster, long key)
    {
        if (!_owners.TryGetValue(key, out var owner))
        {
            return OwnerLists.NoneDropped;
        }

        if (owner >= 0)
        {
            return owner == cluster ? OwnerLists.AlreadyListed : OwnerLists.NoneDropped;
        }

        return _lists.Dropped(-owner - 1, cluster, ClustersPerKey);
    }

    /// <summary>
    /// Adds to the hits of every story that used one of <paramref name="keys"/> (a band 2, a term or name 1), key by
    /// key; the keys are looked up together first.
    /// </summary>
    public void CountOwners(ReadOnlySpan<long> keys, StoryCandidates hits)
    {
        // No key has int.MinValue: a value is a story (0 or more) or a list -(i + 1) of fewer than int.MaxValue lists.
        const int missing = int.MinValue;
        var owners = keys.Length <= 256 ? stackalloc int[keys.Length] : new int[keys.Length];
        _owners.GetValues(keys, owners, missing);
        // The first story of each shared key's list, read in a sweep of their own for the same reason: the lists are
        // scattered over the array, and the rest of each list shares a cache line or two with its first story.
        var firsts = keys.Length <= 256 ? stackalloc int[keys.Length] : new int[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            if (owners[i] < 0 && owners[i] != missing)
            {
                firsts[i] = _lists.First(-owners[i] - 1);
            }
        }

        for (var i = 0; i < keys.Length; i++)
        {
            var owner = owners[i];
            if (owner == missing)
            {
                continue;
            }

            var weight = Weight(keys[i]);
            if (owner >= 0)
            {
                hits.Count(owner, weight);
                continue;
            }

            hits.Count(firsts[i], weight);
            foreach (var shared in _lists.Rest(-owner - 1))
            {
                hits.Count(shared, weight);
            }
        }
    }
}
