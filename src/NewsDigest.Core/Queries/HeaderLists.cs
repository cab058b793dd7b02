using System.Text;

namespace NewsDigest.Queries;

/// <summary>Splits HTTP header lists, leaving separators inside quoted strings alone.</summary>
internal static class HeaderLists
{
    /// <summary>The trimmed, non-empty members of <paramref name="value"/> separated by <paramref name="separator"/>.</summary>
    public static IReadOnlyList<string> Split(string value, char separator)
    {
        var members = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == '\\' && quoted && i + 1 < value.Length)
            {
                current.Append(c);
                c = value[++i];
            }
            else if (c == separator && !quoted)
            {
                Add(members, current);
                continue;
            }

            current.Append(c);
        }

        Add(members, current);
        return members;
    }

    private static void Add(List<string> members, StringBuilder current)
    {
        var member = current.ToString().Trim();
        if (member.Length > 0)
        {
            members.Add(member);
        }

        current.Clear();
    }
}
