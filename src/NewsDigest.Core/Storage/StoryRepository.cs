using System.Net;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using NewsDigest.Digest;
using NewsDigest.Normalization;
using NewsDigest.Stories;

namespace NewsDigest.Storage;

/// <summary>
/// Stories between digests: the <c>stories</c> table (one row per story: centroid terms, names, recent signatures,
/// sentences already said) and the <c>storymembers</c> table (a row per story and document, and one per document
/// pointing back at its story).
/// </summary>
internal sealed class StoryRepository(StorageClients clients)
{
    public const string StoriesTable = "stories";
    public const string MembersTable = "storymembers";

    private const string StoryPartition = "story";
    // The profile is spread over at most this many properties (about 800 KB of the entity's 1 MiB).
    private const int MaxProfileChunks = 12;
    private const int MaxProfileChars = MaxProfileChunks * EntityLimits.MaxStringChars;
    private const int MaxProfileStringChars = 2_000;
    private const int MaxHeadlineChars = 1_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Stories updated since <paramref name="since"/>: the ones a new document may continue.</summary>
    public async Task<IReadOnlyList<StoryProfile>> ListRecentAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var table = clients.GetTable(StoriesTable);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {StoryPartition} and UpdatedAt ge {since}");
        var stories = new List<StoryProfile>();
        try
        {
            await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                stories.Add(FromJson(JsonSerializer.Deserialize<StoryJson>(EntityLimits.GetChunked(row, "Profile") ?? "{}", Json)!));
            }
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return [];
        }

        return stories;
    }

    /// <summary>The story a document was filed under by a delivered digest, or null.</summary>
    public async Task<string?> GetStoryOfAsync(string documentId, CancellationToken cancellationToken)
    {
        var table = clients.GetTable(MembersTable);
        try
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(DocumentPartition(documentId), "story", cancellationToken: cancellationToken);
            return row.HasValue ? row.Value!.GetString("StoryId") : null;
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Document ids filed under a story, in id order.</summary>
    public async Task<IReadOnlyList<string>> ListMembersAsync(string storyId, CancellationToken cancellationToken)
    {
        var table = clients.GetTable(MembersTable);
        var members = new List<string>();
        try
        {
            await foreach (var row in table.QueryAsync<TableEntity>(
                TableClient.CreateQueryFilter($"PartitionKey eq {StoryMembersPartition(storyId)}"), cancellationToken: cancellationToken))
            {
                members.Add(row.GetString("DocumentId") ?? row.RowKey);
            }
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return [];
        }

        return members;
    }

    /// <summary>Writes what a delivered digest changed (idempotent: upserts only, so a repeat does no harm).</summary>
    public async Task SaveAsync(IReadOnlyList<StoryUpdate> updates, DateTimeOffset updatedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var stories = await clients.GetTableAsync(StoriesTable, cancellationToken);
        var members = await clients.GetTableAsync(MembersTable, cancellationToken);
        foreach (var update in updates)
        {
            // Whatever a document brought (a 40,000-character title, thousands of names), the row stays within the limits.
            var profile = update.Profile;
            var json = BoundedJson.Bound(JsonSerializer.Serialize(ToJson(profile), BoundedJson.Compact), MaxProfileChars, MaxProfileStringChars);
            var row = new TableEntity(StoryPartition, profile.Id)
            {
                ["Headline"] = EntityLimits.Truncate(profile.Headline, MaxHeadlineChars),
                ["UpdatedAt"] = updatedAt,
                ["DocumentCount"] = profile.DocumentCount,
            };
            EntityLimits.SetChunked(row, "Profile", json, MaxProfileChunks);
            EntityLimits.EnsureWithinLimits(row);
            await stories.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);

            foreach (var chunk in update.DocumentIds.Chunk(100))
            {
                var actions = chunk.Select(id => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(StoryMembersPartition(profile.Id), Key(id))
                {
                    ["DocumentId"] = id,
                    ["AddedAt"] = updatedAt,
                })).ToList();
                await members.SubmitTransactionAsync(actions, cancellationToken);
            }

            foreach (var id in update.DocumentIds)
            {
                await members.UpsertEntityAsync(
                    new TableEntity(DocumentPartition(id), "story") { ["StoryId"] = profile.Id, ["DocumentId"] = id, ["AddedAt"] = updatedAt },
                    TableUpdateMode.Replace,
                    cancellationToken);
            }
        }

        // Documents a regrouping moved leave their earlier story, and a story left with none is gone. After the
        // upserts above, so a document is never without a story; deleting what is already gone does no harm.
        foreach (var update in updates)
        {
            foreach (var id in update.Left)
            {
                await DeleteIfExistsAsync(members, StoryMembersPartition(update.Profile.Id), Key(id), cancellationToken);
            }

            if (update.Retired)
            {
                await DeleteIfExistsAsync(stories, StoryPartition, update.Profile.Id, cancellationToken);
            }
        }
    }

    private static async Task DeleteIfExistsAsync(TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            // Already gone: a repeated delivery deletes it twice.
        }
    }

    public static string SerializeUpdates(IReadOnlyList<StoryUpdate> updates) =>
        JsonSerializer.Serialize(updates.Select(u => new UpdateJson(ToJson(u.Profile), u.DocumentIds, u.Left, u.Retired)).ToList(), Json);

    public static IReadOnlyList<StoryUpdate> DeserializeUpdates(string json) =>
        [.. (JsonSerializer.Deserialize<List<UpdateJson>>(json, Json) ?? [])
            .Select(u => new StoryUpdate(FromJson(u.Story), u.DocumentIds) { Left = u.Left ?? [], Retired = u.Retired })];

    private static string StoryMembersPartition(string storyId) => "s-" + Key(storyId);

    private static string DocumentPartition(string documentId) => "d-" + Key(documentId);

    /// <summary>Table keys may not contain '/', '\', '#', '?' or control characters.</summary>
    private static string Key(string value) =>
        new([.. value.Select(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c) ? '_' : c)]);

    private static StoryJson ToJson(StoryProfile profile) => new(
        profile.Id,
        profile.Headline,
        profile.FirstSeen,
        profile.LastSeen,
        profile.DocumentCount,
        new Dictionary<string, float>(profile.Terms, StringComparer.Ordinal),
        new Dictionary<string, float>(profile.LeadTerms, StringComparer.Ordinal),
        [.. profile.Entities.Select(e => new EntityJson(e.Name, e.Kind.ToString(), e.Count))],
        [.. profile.Signatures.Select(s => new SignatureJson(s.Signature.ToBase64(), s.Shingles))],
        [.. profile.PublishedDays],
        [.. profile.MentionedDays],
        [.. profile.MentionedYears],
        [.. profile.SaidSentences],
        new Dictionary<string, int>(profile.HeadlinePeople, StringComparer.Ordinal));

    private static StoryProfile FromJson(StoryJson json) => new(
        json.Id,
        json.Headline,
        json.FirstSeen,
        json.LastSeen,
        json.DocumentCount,
        json.Terms ?? [],
        json.Lead ?? [],
        [.. (json.Entities ?? []).Select(e => new StoryEntity(e.Name, Enum.TryParse<EntityKind>(e.Kind, out var kind) ? kind : EntityKind.Other, e.Count))],
        [.. (json.Signatures ?? []).Select(s => new StorySignature(NearDuplicateSignature.FromBase64(s.Value), s.Shingles))],
        json.PublishedDays ?? [],
        json.MentionedDays ?? [],
        json.MentionedYears ?? [],
        json.Said ?? [])
    {
        HeadlinePeople = json.HeadlinePeople ?? [],
    };

    private sealed record StoryJson(
        string Id,
        string Headline,
        DateTimeOffset FirstSeen,
        DateTimeOffset LastSeen,
        int DocumentCount,
        Dictionary<string, float>? Terms,
        Dictionary<string, float>? Lead,
        List<EntityJson>? Entities,
        List<SignatureJson>? Signatures,
        List<int>? PublishedDays,
        List<int>? MentionedDays,
        List<int>? MentionedYears,
        List<string>? Said,
        Dictionary<string, int>? HeadlinePeople);

    private sealed record EntityJson(string Name, string Kind, int Count);

    private sealed record SignatureJson(string Value, int Shingles);

    private sealed record UpdateJson(StoryJson Story, IReadOnlyList<string> DocumentIds, IReadOnlyList<string>? Left = null, bool Retired = false);
}
