using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsDigest.Storage;

/// <summary>
/// Shrinks a JSON document until it fits a size: long strings are cut, then the largest list or map is halved
/// (lists keep their newest half, maps of numbers their highest-weighted half) until the text is short enough.
/// Works on the JSON alone, so what is stored stays bounded whatever fields the stored record gains.
/// </summary>
internal static class BoundedJson
{
    public static readonly JsonSerializerOptions Compact = new(JsonSerializerDefaults.Web)
    {
        // Non-Latin text stays one character per character instead of six (\uXXXX).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary><paramref name="json"/> itself when it is at most <paramref name="maxChars"/> long; otherwise a smaller equivalent.</summary>
    public static string Bound(string json, int maxChars, int maxStringChars)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length <= maxChars)
        {
            return json;
        }

        var root = JsonNode.Parse(json);
        if (root is null)
        {
            return json;
        }

        CutStrings(root, maxStringChars);
        var text = root.ToJsonString(Compact);
        while (text.Length > maxChars && Largest(root) is { } largest)
        {
            Halve(largest);
            text = root.ToJsonString(Compact);
        }

        return text;
    }

    private static void CutStrings(JsonNode node, int maxStringChars)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    if (child is JsonValue value && value.TryGetValue<string>(out var s) && s.Length > maxStringChars)
                    {
                        obj[name] = EntityLimits.Truncate(s, maxStringChars);
                    }
                    else if (child is not null)
                    {
                        CutStrings(child, maxStringChars);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && value.TryGetValue<string>(out var s) && s.Length > maxStringChars)
                    {
                        array[i] = EntityLimits.Truncate(s, maxStringChars);
                    }
                    else if (array[i] is { } child)
                    {
                        CutStrings(child, maxStringChars);
                    }
                }

                break;
        }
    }

    /// <summary>The list or map (below the root) with the longest text that still has more than one item.</summary>
    private static JsonNode? Largest(JsonNode root)
    {
        JsonNode? best = null;
        var bestLength = 0;
        var stack = new Stack<JsonNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            IEnumerable<JsonNode?> children = node switch
            {
                JsonObject obj => obj.Select(p => p.Value),
                JsonArray array => array,
                _ => [],
            };
            var count = node switch { JsonObject obj => obj.Count, JsonArray array => array.Count, _ => 0 };
            if (node != root && count > 1)
            {
                var length = node.ToJsonString(Compact).Length;
                if (length > bestLength)
                {
                    best = node;
                    bestLength = length;
                }
            }

            foreach (var child in children)
            {
                if (child is JsonObject or JsonArray)
                {
                    stack.Push(child);
                }
            }
        }

        return best;
    }

    private static void Halve(JsonNode node)
    {
        switch (node)
        {
            case JsonArray array:
                // Lists grow at the end: the oldest items go first.
                var drop = array.Count / 2;
                for (var i = 0; i < drop; i++)
                {
                    array.RemoveAt(0);
                }

                break;
            case JsonObject obj:
                var keep = obj
                    .OrderByDescending(p => p.Value is JsonValue v && v.TryGetValue<double>(out var weight) ? weight : 0)
                    .Take(obj.Count - (obj.Count / 2))
                    .Select(p => p.Key)
                    .ToHashSet(StringComparer.Ordinal);
                foreach (var name in obj.Select(p => p.Key).Where(k => !keep.Contains(k)).ToList())
                {
                    obj.Remove(name);
                }

                break;
        }
    }
}
