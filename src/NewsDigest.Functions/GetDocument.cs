using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NewsDigest.Queries;

namespace NewsDigest.Functions;

/// <summary>GET /api/documents/{id}: one stored document with its sources.</summary>
internal sealed class GetDocument(DocumentQueries documents)
{
    [Function(nameof(GetDocument))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "documents/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var response = await documents.GetAsync(id, request.ToQueryRequest(), cancellationToken);
        return response.ToActionResult(request);
    }
}
