using System.Globalization;

namespace NewsDigest.Queries;

/// <summary>Dates in URLs: exactly <c>yyyy-MM-dd</c>, a real calendar date.</summary>
internal static class QueryDates
{
    public const string Pattern = "yyyy-MM-dd";

    public static bool TryParse(string? value, out DateOnly date) =>
        DateOnly.TryParseExact(value?.Trim(), Pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static string Format(DateOnly date) => date.ToString(Pattern, CultureInfo.InvariantCulture);
}
