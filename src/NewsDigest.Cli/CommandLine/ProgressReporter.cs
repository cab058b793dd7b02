using System.Diagnostics;
using System.Globalization;

namespace NewsDigest.Cli.CommandLine;

/// <summary>
/// Progress of long work on standard error, only when standard error is a terminal (so redirected output and JSON
/// Lines stay clean): a bar when the total is known, else a count, with the rate, redrawn at most five times a second
/// and erased when done.
/// </summary>
internal sealed class ProgressReporter : IDisposable
{
    private const int BarWidth = 24;
    private static readonly long RedrawTicks = Stopwatch.Frequency / 5;

    private readonly string _label;
    private readonly string _unit;
    private readonly TextWriter? _terminal;
    private readonly long _started = Stopwatch.GetTimestamp();
    private long? _total;
    private long _done;
    private long _lastDrawn;
    private int _lastLength;

    /// <param name="label">What is running, e.g. "eval".</param>
    /// <param name="total">How many items there will be, when known.</param>
    /// <param name="unit">What the items are, e.g. "pages".</param>
    /// <param name="terminal">Where to draw; by default standard error when it is a terminal, else nowhere.</param>
    public ProgressReporter(string label, long? total, string unit, TextWriter? terminal = null)
    {
        _label = label;
        _total = total;
        _unit = unit;
        _terminal = terminal ?? (Console.IsErrorRedirected ? null : Console.Error);
    }

    /// <summary>Changes the total (for work whose size is known only once it has started, or a new phase).</summary>
    public void Restart(long? total)
    {
        Interlocked.Exchange(ref _done, 0);
        _total = total;
        Draw(force: true);
    }

    /// <summary>Counts finished items; safe to call from several threads.</summary>
    public void Advance(long count = 1)
    {
        Interlocked.Add(ref _done, count);
        Draw(force: false);
    }

    public void Dispose()
    {
        if (_terminal is null || _lastLength == 0)
        {
            return;
        }

        lock (_terminal)
        {
            _terminal.Write("\r" + new string(' ', _lastLength) + "\r");
            _terminal.Flush();
        }
    }

    private void Draw(bool force)
    {
        if (_terminal is null)
        {
            return;
        }

        var now = Stopwatch.GetTimestamp();
        var last = Interlocked.Read(ref _lastDrawn);
        if (!force && now - last < RedrawTicks || Interlocked.CompareExchange(ref _lastDrawn, now, last) != last)
        {
            return;
        }

        var done = Interlocked.Read(ref _done);
        var seconds = Stopwatch.GetElapsedTime(_started).TotalSeconds;
        var rate = seconds > 0 ? done / seconds : 0;
        var line = _total is { } total && total > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{_label} [{Bar(done, total)}] {done:N0}/{total:N0} {_unit}, {rate:N1}/s")
            : string.Create(CultureInfo.InvariantCulture, $"{_label}: {done:N0} {_unit}, {rate:N1}/s");
        lock (_terminal)
        {
            _terminal.Write("\r" + line.PadRight(_lastLength));
            _terminal.Flush();
            _lastLength = line.Length;
        }
    }

    private static string Bar(long done, long total)
    {
        var filled = (int)Math.Clamp(done * BarWidth / total, 0, BarWidth);
        return new string('#', filled) + new string('.', BarWidth - filled);
    }
}
