namespace NewsDigest.IntegrationTests.Functions;

/// <summary>
/// The six-field NCRONTAB form the timer trigger accepts ({second} {minute} {hour} {day} {month} {day-of-week}):
/// each field a comma-separated list of <c>*</c>, a value or a range, each optionally with a <c>/step</c>.
/// </summary>
internal static class NcrontabExpression
{
    private static readonly (int Min, int Max, string[] Names)[] Fields =
    [
        (0, 59, []),
        (0, 59, []),
        (0, 23, []),
        (1, 31, []),
        (1, 12, ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]),
        (0, 6, ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]),
    ];

    public static bool IsValid(string expression)
    {
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length == Fields.Length && fields.Select((field, i) => IsValidField(field, Fields[i])).All(valid => valid);
    }

    private static bool IsValidField(string field, (int Min, int Max, string[] Names) range) =>
        field.Split(',').All(item => IsValidItem(item, range));

    private static bool IsValidItem(string item, (int Min, int Max, string[] Names) range)
    {
        var slash = item.Split('/');
        if (slash.Length > 2 || (slash.Length == 2 && !(int.TryParse(slash[1], out var step) && step >= 1 && step <= range.Max)))
        {
            return false;
        }

        if (slash[0] == "*")
        {
            return true;
        }

        var bounds = slash[0].Split('-');
        return bounds.Length <= 2
            && bounds.All(b => Value(b, range) is not null)
            && (bounds.Length == 1 || Value(bounds[0], range) <= Value(bounds[1], range));
    }

    private static int? Value(string text, (int Min, int Max, string[] Names) range)
    {
        var named = Array.FindIndex(range.Names, n => n.Equals(text, StringComparison.OrdinalIgnoreCase));
        if (named >= 0)
        {
            return named + range.Min;
        }

        return int.TryParse(text, out var value) && value >= range.Min && value <= range.Max ? value : null;
    }
}
