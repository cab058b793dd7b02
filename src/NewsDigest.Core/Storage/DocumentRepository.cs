namespace NewsDigest.Storage;

/// <summary>Reads and writes documents: metadata in the documents table, the full normalized JSON in the normalized container.</summary>
internal sealed class DocumentRepository
{
    /// <summary>Every document first ingested in [<paramref name="since"/>, <paramref name="until"/>), oldest first.</summary>
    public IAsyncEnumerable<DocumentSummary> ListIngestedAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        _ = since;
        _ = until;
        _ = cancellationToken;
        throw new NotImplementedException("Document storage is not written yet.");
    }

    /// <summary>One document by id with its sources, or null when there is none.</summary>
    public Task<StoredDocument?> GetAsync(string id, CancellationToken cancellationToken)
    {
        _ = id;
        _ = cancellationToken;
        throw new NotImplementedException("Document storage is not written yet.");
    }
}
