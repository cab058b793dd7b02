using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using NewsDigest.Digest;

namespace NewsDigest.Delivery;

/// <summary>Posts the rendered Adaptive Card message to the Teams Workflows webhook.</summary>
internal sealed class TeamsDigestSender(IHttpClientFactory httpClientFactory, IOptions<TeamsOptions> options)
{
    public bool IsEnabled => options.Value.Enabled;

    public async Task SendAsync(RenderedDigest rendered, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rendered);
        var settings = options.Value;
        var client = httpClientFactory.CreateClient(TeamsOptions.HttpClientName);
        client.Timeout = settings.Timeout;
        using var content = new StringContent(rendered.Card, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var response = await client.PostAsync(new Uri(settings.WebhookUrl!), content, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException(
                $"The Teams webhook answered {(int)response.StatusCode} {response.ReasonPhrase}: {(body.Length > 500 ? body[..500] : body)}",
                null,
                response.StatusCode);
        }
    }
}
