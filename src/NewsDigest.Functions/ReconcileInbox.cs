using Microsoft.Azure.Functions.Worker;
using NewsDigest.Ingestion;

namespace NewsDigest.Functions;

/// <summary>Ingests every inbox blob that has no ingestion record yet (a missed event, an outage, an upload made before deployment).</summary>
/// <remarks>
/// The schedule is the app setting <c>ReconcileInboxSchedule</c>, a flat name on purpose: on Consumption plans the
/// platform reads a timer's schedule setting by its exact name to wake an idle app, which a nested
/// (<c>Section__Key</c>) name does not survive.
/// </remarks>
internal sealed class ReconcileInbox(InboxReconciler reconciler)
{
    [Function(nameof(ReconcileInbox))]
    public async Task RunAsync([TimerTrigger("%ReconcileInboxSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        await reconciler.ReconcileAsync(cancellationToken);
    }
}
