using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NewsDigest.Queries;

namespace NewsDigest.Functions;

/// <summary>GET /api/summary/pending: what the next digest would say if it were compiled now; stores and sends nothing.</summary>
internal sealed class GetPendingSummary(SummaryQueries summaries)
{
    [Function(nameof(GetPendingSummary))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "summary/pending")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var response = await summaries.GetPendingAsync(request.ToQueryRequest(), cancellationToken);
        return response.ToActionResult(request);
    }
}
