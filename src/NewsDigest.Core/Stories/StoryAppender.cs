namespace NewsDigest.Stories;

/// <summary>
/// Adds a report to its story on a helper thread while the single pass goes on with what does not read the stories:
/// indexing the report's keys, and counting which stories share the next report's keys. The pass waits for the
/// addition before it reads any story again, so every story is read as the sequential pass would read it.
/// </summary>
/// <remarks>
/// One addition is in flight at a time. The helper spins while it waits (an addition comes every few microseconds, too
/// often to block and wake a thread), so the appender lives for the single pass only. Whichever thread claims an
/// addition first makes it: when the pass needs the stories and the helper has not started the addition (its core
/// busy with other work), the pass makes it itself rather than wait for the helper to be scheduled.
/// </remarks>
internal sealed class StoryAppender : IDisposable
{
    private readonly Thread? _helper;
    private StoryCluster? _story;
    private DocumentFeatures? _report;
    private float[]? _idf;
    private Exception? _failure;
    private int _posted;
    private int _claimed;
    private int _done;
    private volatile bool _stopping;

    public StoryAppender()
        : this(startHelper: true)
    {
    }

    /// <param name="startHelper">False for no helper thread: the pass then makes every addition itself (for tests).</param>
    internal StoryAppender(bool startHelper)
    {
        if (startHelper)
        {
            _helper = new Thread(Run) { IsBackground = true, Name = "story appender" };
            _helper.Start();
        }
    }

    /// <summary>Starts adding <paramref name="report"/> to <paramref name="story"/> (after the previous addition).</summary>
    public void Post(StoryCluster story, DocumentFeatures report, float[] idf)
    {
        Wait();
        (_story, _report, _idf) = (story, report, idf);
        // The release of this write publishes the fields (and everything the pass wrote before) to the helper.
        Volatile.Write(ref _posted, _posted + 1);
    }

    /// <summary>Waits until the last addition posted is done: the stories may be read again.</summary>
    public void Wait()
    {
        var posted = _posted;
        if (Volatile.Read(ref _done) != posted && TryClaim(posted))
        {
            // The helper has not started it: making it here is quicker than waiting for the helper's turn on a core.
            Append(posted);
        }

        var spin = default(SpinWait);
        while (Volatile.Read(ref _done) != posted)
        {
            spin.SpinOnce(sleep1Threshold: -1);
        }

        if (_failure is { } failure)
        {
            _failure = null;
            throw new InvalidOperationException("Adding a report to its story failed.", failure);
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
                Append(seen);
            }
        }
    }

    /// <summary>Claims addition <paramref name="posted"/> for the calling thread; false when the other thread has.</summary>
    private bool TryClaim(int posted) => Interlocked.CompareExchange(ref _claimed, posted, posted - 1) == posted - 1;

    private void Append(int posted)
    {
        try
        {
            _story!.Add(_report!, _idf!);
        }
        catch (Exception failure)
        {
            _failure = failure;
        }

        (_story, _report) = (null, null);
        Volatile.Write(ref _done, posted);
    }

    public void Dispose()
    {
        if (!_stopping)
        {
            Wait();
            _stopping = true;
            _helper?.Join();
        }
    }
}
