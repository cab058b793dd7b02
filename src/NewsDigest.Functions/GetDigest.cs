using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NewsDigest.Queries;

namespace NewsDigest.Functions;

/// <summary>GET /api/digests/{date}: the digest of one local date (yyyy-MM-dd).</summary>
internal sealed class GetDigest(DigestQueries digests)
{
    [Function(nameof(GetDigest))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "digests/{date}")] HttpRequest request,
        string date,
        CancellationToken cancellationToken)
    {
        var response = await digests.GetByDateAsync(date, request.ToQueryRequest(), cancellationToken);
        return response.ToActionResult(request);
    }
}
