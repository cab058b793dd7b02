using System.Text;
using System.Text.Json;

namespace NewsDigest.Cli.Commands;

/// <summary>
/// Where a command's JSON Lines go: one object per line, each flushed as it ends. To a UTF-8 stream a line is
/// serialized straight into the stream a buffer at a time, never made whole: the line of a page-sized document
/// would otherwise be held twice more (its UTF-8 and its string) at the end of the run.
/// </summary>
internal sealed class JsonLinesOutput : IDisposable
{
    private const int BufferBytes = 1 << 16;

    private static readonly byte[] NewLine = Encoding.UTF8.GetBytes(Environment.NewLine);

    private readonly Stream? _utf8;
    private readonly TextWriter? _text;

    private JsonLinesOutput(Stream? utf8, TextWriter? text)
    {
        _utf8 = utf8;
        _text = text;
    }

    /// <summary>Lines written as UTF-8 bytes to <paramref name="stream"/>, closed with this output.</summary>
    public static JsonLinesOutput ToUtf8Stream(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new(new BufferedStream(stream, BufferBytes), null);
    }

    /// <summary>Lines written as text to <paramref name="writer"/>, in its own encoding.</summary>
    public static JsonLinesOutput ToWriter(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        return new(null, writer);
    }

    /// <summary>
    /// Standard output: its raw stream when the console writes UTF-8 (what <see cref="Console.Out"/> would write
    /// anyway, byte for byte), else <see cref="Console.Out"/> in the console's encoding.
    /// </summary>
    public static JsonLinesOutput ForConsole() =>
        Console.OutputEncoding.CodePage == Encoding.UTF8.CodePage
            ? ToUtf8Stream(Console.OpenStandardOutput())
            : ToWriter(Console.Out);

    public void Write(object line, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (_utf8 is not null)
        {
            JsonSerializer.Serialize(_utf8, line, line.GetType(), options);
            _utf8.Write(NewLine);
            _utf8.Flush();
        }
        else
        {
            _text!.WriteLine(JsonSerializer.Serialize(line, line.GetType(), options));
        }
    }

    public void Dispose() => _utf8?.Dispose();
}
