using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NewsDigest.Queries;

namespace NewsDigest.Functions;

/// <summary>GET /api/digests: the digests of a date range (?from=yyyy-MM-dd&amp;to=yyyy-MM-dd), newest first.</summary>
internal sealed class ListDigests(DigestQueries digests)
{
    [Function(nameof(ListDigests))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "digests")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var response = await digests.ListAsync(request.QueryValue("from"), request.QueryValue("to"), request.ToQueryRequest(), cancellationToken);
        return response.ToActionResult(request);
    }
}
