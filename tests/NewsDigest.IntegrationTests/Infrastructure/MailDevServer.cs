using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace NewsDigest.IntegrationTests.Infrastructure;

/// <summary>
/// A real SMTP server for the tests: MailDev from eng/tools, on free loopback ports, in memory. Messages are read
/// back through its REST API (<c>GET /api/email</c>). One per test class; tests tell their messages apart by recipient.
/// </summary>
public sealed class MailDevServer : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private Process? _process;

    public int SmtpPort { get; private set; }

    public int WebPort { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var maildev = await NodeTools.GetToolAsync("maildev", TestContext.Current.CancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            (SmtpPort, WebPort) = (NodeTools.GetFreePort(), NodeTools.GetFreePort());
            _process = Process.Start(new ProcessStartInfo(maildev, $"--smtp {SmtpPort} --web {WebPort} --ip 127.0.0.1 --web-ip 127.0.0.1 --silent")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            }) ?? throw new InvalidOperationException("MailDev did not start.");
            _process.OutputDataReceived += (_, _) => { };
            _process.ErrorDataReceived += (_, _) => { };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
            try
            {
                await NodeTools.WaitForPortAsync(SmtpPort, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
                await NodeTools.WaitForPortAsync(WebPort, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
                _http.BaseAddress = new Uri($"http://127.0.0.1:{WebPort}/");
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
                Kill();
            }
        }
    }

    /// <summary>Every message received so far addressed to <paramref name="recipient"/>.</summary>
    public async Task<IReadOnlyList<JsonElement>> GetMessagesAsync(string recipient, CancellationToken cancellationToken)
    {
        var all = await _http.GetFromJsonAsync<JsonElement>("api/email", cancellationToken);
        return [.. all.EnumerateArray().Where(m => m.GetProperty("to").EnumerateArray()
            .Any(t => string.Equals(t.GetProperty("address").GetString(), recipient, StringComparison.OrdinalIgnoreCase)))];
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _http.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Kill()
    {
        if (_process is null)
        {
            return;
        }

        NodeTools.Stop(_process);
        _process = null;
    }
}
