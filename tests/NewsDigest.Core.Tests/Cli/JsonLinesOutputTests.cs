using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NewsDigest.Cli.Commands;

namespace NewsDigest.Tests.Cli;

public sealed class JsonLinesOutputTests
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [Fact]
    public void Write_ToUtf8Stream_WritesTheBytesAUtf8WriterWould()
    {
        object[] lines =
        [
            new { File = "a.html", Paragraphs = new[] { "서울 “quoted” \"text\"", new string('x', 100_000) } },
            new { File = "b.html", Rejected = true },
        ];
        var bytes = new MemoryStream();
        var text = new StringWriter();
        using (var utf8 = JsonLinesOutput.ToUtf8Stream(bytes))
        {
            using var writer = JsonLinesOutput.ToWriter(text);
            foreach (var line in lines)
            {
                utf8.Write(line, Options);
                writer.Write(line, Options);
            }
        }

        Assert.Equal(2, text.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(text.ToString(), Encoding.UTF8.GetString(bytes.ToArray()));
    }

    [Fact]
    public void Write_ToUtf8Stream_EachLineIsOutAsItEnds()
    {
        var bytes = new MemoryStream();
        using var output = JsonLinesOutput.ToUtf8Stream(bytes);

        output.Write(new { File = "a.html" }, Options);

        Assert.Equal("{\"file\":\"a.html\"}" + Environment.NewLine, Encoding.UTF8.GetString(bytes.ToArray()));
    }
}
