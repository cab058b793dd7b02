using System.Runtime.InteropServices;

namespace NewsDigest.Stories;

/// <summary>
/// Keeps the key index of the single pass on a helper thread while the pass scores reports and adds them to their
/// stories: once a report's story is chosen, the helper adds the report's keys to the index, then counts the
/// candidates of the report after next (the stories sharing its keys, <see cref="StoryKeyIndex.CountOwners"/>, and
/// its weighted terms). That count reads the index before the next report's keys are in it, so when the next report's
/// story is chosen the pass corrects the count for the keys the two share (<see cref="StoryKeyIndex.Change"/>):
/// every report is scored against the candidates a count after all the reports before it gives.
/// </summary>
/// <remarks>
/// One report is in the helper's hands at a time. The helper spins while it waits (a report comes every few tens of
/// microseconds, too often to block and wake a thread), so the indexer lives for the single pass only. Whichever
/// thread claims a report first does its work: when the pass needs the helper done and the helper has not started
/// (its core busy with other work), the pass does the work itself rather than wait for the helper to be scheduled.
/// </remarks>
internal sealed class StoryIndexer : IDisposable
{
    private readonly StoryKeyIndex _index;
    private readonly IReadOnlyList<DocumentFeatures> _reports;
    private readonly float[] _idf;
    private readonly float _keyIdf;
    private readonly StoryCandidates[] _counted = [new(), new()];
    private readonly HashSet<long> _before = [];

    // For each of the two reports counted, its keys the report before it has as well: the only ones whose stories can
    // change when the report before it is indexed.
    private readonly List<long>[] _shared = [[], []];
    private readonly Thread? _helper;
    private int _story;
    private Exception? _failure;

    // Reports are numbered from 1 here (their position in the pass + 1), so that 0 is none.
    private int _posted;
    private int _claimed;
    private int _done;
    private volatile bool _stopping;

    /// <param name="index">The key index, written by the indexer only from now on.</param>
    /// <param name="reports">The reports in the order of the pass, the keys of the first two worked out.</param>
    /// <param name="idf">The term weights.</param>
    /// <param name="keyIdf">The highest weight of a term that is a key.</param>
    /// <param name="startHelper">False for no helper thread: the pass then does every report's work itself (for tests).</param>
    public StoryIndexer(StoryKeyIndex index, IReadOnlyList<DocumentFeatures> reports, float[] idf, float keyIdf, bool startHelper = true)
    {
        (_index, _reports, _idf, _keyIdf) = (index, reports, idf, keyIdf);
        for (var position = 0; position < Math.Min(2, reports.Count); position++)
        {
            CountAt(position);
        }

        if (startHelper)
        {
            _helper = new Thread(Run) { IsBackground = true, Name = "story indexer" };
            _helper.Start();
        }
    }

    /// <summary>
    /// The candidates of the report at <paramref name="position"/>, counted with every report before it indexed:
    /// final once the report before it is posted, and read until its own is.
    /// </summary>
    public StoryCandidates Candidates(int position) => _counted[position % 2];

    /// <summary>
    /// Hands over the report at <paramref name="position"/> (the one after the last posted), which goes into story
    /// <paramref name="story"/>: the next report's count is corrected for it, then the helper indexes its keys and
    /// counts the report after next, whose keys must be worked out by now.
    /// </summary>
    public void Post(int position, int story)
    {
        Finish();
        if (position + 1 < _reports.Count)
        {
            // The helper is idle and the index without this report's keys: what adding them will change is read here.
            Correct(story, CollectionsMarshal.AsSpan(_shared[(position + 1) % 2]), _counted[(position + 1) % 2]);
        }

        _story = story;
        // The release of this write publishes the fields (and everything the pass wrote before) to the helper.
        Volatile.Write(ref _posted, position + 1);
    }

    /// <summary>Waits until the helper is done with the last report posted: its keys indexed, the report after next counted.</summary>
    public void Finish()
    {
        var posted = _posted;
        if (Volatile.Read(ref _done) != posted && TryClaim(posted))
        {
            // The helper has not started it: doing it here is quicker than waiting for the helper's turn on a core.
            Work(posted);
        }

        var spin = default(SpinWait);
        while (Volatile.Read(ref _done) != posted)
        {
            spin.SpinOnce(sleep1Threshold: -1);
        }

        if (_failure is { } failure)
        {
            _failure = null;
            throw new InvalidOperationException("Indexing a report's keys or counting a report's candidates failed.", failure);
        }
    }

    /// <summary>
    /// Counts the candidates of <paramref name="report"/> into <paramref name="candidates"/>, forgetting the previous
    /// report's: the stories sharing its keys, with its terms and lead weighted once for every story scored.
    /// </summary>
    public static void Count(DocumentFeatures report, StoryKeyIndex index, float[] idf, float keyIdf, StoryCandidates candidates)
    {
        candidates.Clear();
        index.CountOwners(report.Keys(idf, keyIdf), candidates);
        candidates.Terms.Load(report.TermIds, report.TermWeights, idf);
        candidates.Lead.Load(report.LeadIds, report.LeadWeights, idf);
    }

    /// <summary>
    /// Counts the report at <paramref name="position"/> into its candidates, and notes which of its keys the report
    /// before it has too (that report's keys are still there: they go once indexed).
    /// </summary>
    private void CountAt(int position)
    {
        var report = _reports[position];
        Count(report, _index, _idf, _keyIdf, _counted[position % 2]);
        var shared = _shared[position % 2];
        shared.Clear();
        if (position > 0)
        {
            _before.Clear();
            foreach (var key in _reports[position - 1].Keys(_idf, _keyIdf))
            {
                _before.Add(key);
            }

            foreach (var key in report.Keys(_idf, _keyIdf))
            {
                if (_before.Contains(key))
                {
                    shared.Add(key);
                }
            }
        }
    }

    /// <summary>
    /// Brings <paramref name="counted"/>, the candidates of a report counted before the report ahead of it was
    /// indexed, to what counting them once <paramref name="story"/> has used that report's keys gives: each of the
    /// <paramref name="shared"/> keys whose stories that changes counts for the story, and no longer for the one it
    /// pushes out.
    /// </summary>
    private void Correct(int story, ReadOnlySpan<long> shared, StoryCandidates counted)
    {
        foreach (var key in shared)
        {
            var dropped = _index.Change(story, key);
            if (dropped == OwnerLists.AlreadyListed)
            {
                continue;
            }

            var weight = StoryKeyIndex.Weight(key);
            counted.Count(story, weight);
            if (dropped != OwnerLists.NoneDropped)
            {
                // Never the story counted above: a story counted back is never counted again, as Uncount asks.
                counted.Uncount(dropped, weight);
            }
        }
    }

    private void Run()
    {
        var seen = 0;
        while (true)
        {
            var spin = default(SpinWait);
            while (Volatile.Read(ref _posted) == seen)
            {
                if (_stopping)
                {
                    return;
                }

                spin.SpinOnce(sleep1Threshold: -1);
            }

            seen = _posted;
            if (TryClaim(seen))
            {
                Work(seen);
            }
        }
    }

    /// <summary>Claims report <paramref name="posted"/> for the calling thread; false when the other thread has.</summary>
    private bool TryClaim(int posted) => Interlocked.CompareExchange(ref _claimed, posted, posted - 1) == posted - 1;

    /// <summary>Indexes the keys of report <paramref name="posted"/> (numbered from 1) and counts the report after next.</summary>
    private void Work(int posted)
    {
        var position = posted - 1;
        try
        {
            var report = _reports[position];
            _index.Add(_story, report.Keys(_idf, _keyIdf));
            report.ForgetKeys();
            if (position + 2 < _reports.Count)
            {
                CountAt(position + 2);
            }
        }
        catch (Exception failure)
        {
            _failure = failure;
        }

        Volatile.Write(ref _done, posted);
    }

    /// <summary>Stops the helper thread once it is done with what it has claimed (<see cref="Finish"/> waits for the rest).</summary>
    public void Dispose()
    {
        if (!_stopping)
        {
            _stopping = true;
            _helper?.Join();
        }
    }
}
