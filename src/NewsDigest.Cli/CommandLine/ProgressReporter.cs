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
    private string _unit;
    private readonly TextWriter? _terminal;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly Timer? _ticker;
    private long? _total;
    private long _done;
    private long _lastDrawn;
    private int _lastLength;
    private bool _disposed;

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

        // Redrawn every second even between items, so a long step still shows the time going by.
        _ticker = _terminal is null ? null : new Timer(_ => Draw(force: true), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    /// <summary>Starts counting again, for a new phase of the work (and its own total and unit).</summary>
    public void Restart(long? total, string? unit = null)
    {
        Interlocked.Exchange(ref _done, 0);
        _total = total;
        _unit = unit ?? _unit;
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
        _ticker?.Dispose();
        if (_terminal is null)
        {
            return;
        }

        lock (_terminal)
        {
            _disposed = true;
            if (_lastLength == 0)
            {
                return;
            }

            _terminal.Write("\r" + new string(' ', _lastLength) + "\r");
            _terminal.Flush();
            _lastLength = 0;
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
            ? string.Create(CultureInfo.InvariantCulture, $"{_label} [{Bar(done, total)}] {done:N0}/{total:N0} {_unit}, {rate:N1}/s, {seconds:N0} s")
            : string.Create(CultureInfo.InvariantCulture, $"{_label}: {done:N0} {_unit}, {rate:N1}/s, {seconds:N0} s");
        lock (_terminal)
        {
            if (_disposed)
            {
                return;
            }

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
