using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NewsDigest.Queries;

namespace NewsDigest.Functions;

/// <summary>GET /api/summary/latest: the latest delivered digest, in the format the client asks for (JSON, HTML, Markdown or text).</summary>
internal sealed class GetLatestSummary(SummaryQueries summaries)
{
    [Function(nameof(GetLatestSummary))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "summary/latest")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var response = await summaries.GetLatestAsync(request.ToQueryRequest(), cancellationToken);
        return response.ToActionResult(request);
    }
}
