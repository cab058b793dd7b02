using NewsDigest.Stories;

namespace NewsDigest.Digest;

/// <summary>Adds what a regrouping moved between remembered stories to the story updates a digest delivers.</summary>
internal static class StoryRefiling
{
    /// <summary>
    /// <paramref name="updates"/> with the documents each story gains from or loses to others, and one update for each
    /// story that changed without new documents (no entry: it only gave or received earlier documents, or is gone).
    /// </summary>
    public static IReadOnlyList<StoryUpdate> Apply(IReadOnlyList<StoryUpdate> updates, IReadOnlyList<StoryMembershipChange> changes)
    {
        ArgumentNullException.ThrowIfNull(updates);
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return updates;
        }

        var byStory = changes.Where(c => c.HasNewDocuments).ToDictionary(c => c.Profile.Id, StringComparer.Ordinal);
        var result = new List<StoryUpdate>(updates.Count + changes.Count);
        foreach (var update in updates)
        {
            result.Add(byStory.TryGetValue(update.Profile.Id, out var change)
                ? update with { DocumentIds = [.. update.DocumentIds, .. change.Joined], Left = change.Left }
                : update);
        }

        foreach (var change in changes.Where(c => !c.HasNewDocuments))
        {
            result.Add(new StoryUpdate(change.Profile, change.Joined) { Left = change.Left, Retired = change.Retired });
        }

        return result;
    }
}
