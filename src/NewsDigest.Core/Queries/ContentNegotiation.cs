using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NewsDigest.Digest;

namespace NewsDigest.Queries;

/// <summary>
/// Picks the representation a client gets: the <c>format</c> query value when there is one, else the best match
/// for the <c>Accept</c> header (RFC 9110, section 12.5.1), else JSON.
/// </summary>
internal static class ContentNegotiation
{
    /// <summary>What a digest is served as, in the order preferred when the client likes several equally.</summary>
    public static IReadOnlyList<DigestFormat> DigestFormats { get; } = [DigestFormat.Json, DigestFormat.Html, DigestFormat.Markdown, DigestFormat.Text];

    public static IReadOnlyList<DigestFormat> JsonOnly { get; } = [DigestFormat.Json];

    public static string MediaType(DigestFormat format) => format switch
    {
        DigestFormat.Json => "application/json",
        DigestFormat.Html => "text/html",
        DigestFormat.Markdown => "text/markdown",
        DigestFormat.Text => "text/plain",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not served over HTTP."),
    };

    public static string ContentType(DigestFormat format) => MediaType(format) + "; charset=utf-8";

    /// <summary>The <c>format</c> query value naming the format.</summary>
    public static string Name(DigestFormat format) => format switch
    {
        DigestFormat.Json => "json",
        DigestFormat.Html => "html",
        DigestFormat.Markdown => "markdown",
        DigestFormat.Text => "text",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not served over HTTP."),
    };

    /// <summary>Reads a <c>format</c> query value (json, html, markdown or md, text or txt; any case).</summary>
    public static bool TryParseFormatName(string? value, out DigestFormat format)
    {
        switch (value?.Trim().ToUpperInvariant())
        {
            case "JSON":
                format = DigestFormat.Json;
                return true;
            case "HTML" or "HTM":
                format = DigestFormat.Html;
                return true;
            case "MARKDOWN" or "MD":
                format = DigestFormat.Markdown;
                return true;
            case "TEXT" or "TXT" or "PLAIN":
                format = DigestFormat.Text;
                return true;
            default:
                format = default;
                return false;
        }
    }

    /// <summary>
    /// The format to serve from <paramref name="offered"/>, or why none fits. An empty <c>format</c> value and an
    /// Accept header with no valid media range count as absent.
    /// </summary>
    public static bool TryNegotiate(
        string? formatParameter,
        string? accept,
        IReadOnlyList<DigestFormat> offered,
        out DigestFormat format,
        [NotNullWhen(false)] out string? rejection)
    {
        if (!string.IsNullOrWhiteSpace(formatParameter))
        {
            if (TryParseFormatName(formatParameter, out format) && offered.Contains(format))
            {
                rejection = null;
                return true;
            }

            rejection = $"format '{Shorten(formatParameter)}' is not offered here; use one of: {string.Join(", ", offered.Select(Name))}.";
            return false;
        }

        var ranges = ParseAccept(accept);
        if (ranges.Count == 0)
        {
            format = offered[0];
            rejection = null;
            return true;
        }

        var best = -1.0;
        format = offered[0];
        foreach (var candidate in offered)
        {
            var quality = QualityOf(candidate, ranges);
            if (quality > best)
            {
                best = quality;
                format = candidate;
            }
        }

        if (best > 0)
        {
            rejection = null;
            return true;
        }

        rejection = $"Nothing in Accept '{Shorten(accept)}' is offered here; acceptable types are: {string.Join(", ", offered.Select(MediaType))}.";
        return false;
    }

    /// <summary>The quality the client gives a format: that of the most specific range matching it (0 when none does).</summary>
    internal static double QualityOf(DigestFormat format, IReadOnlyList<MediaRange> ranges)
    {
        var mediaType = MediaType(format);
        var slash = mediaType.IndexOf('/', StringComparison.Ordinal);
        var type = mediaType[..slash];
        var subtype = mediaType[(slash + 1)..];

        var specificity = -1;
        var quality = 0.0;
        foreach (var range in ranges)
        {
            var rangeSpecificity = Specificity(range, format, type, subtype);
            if (rangeSpecificity > specificity)
            {
                specificity = rangeSpecificity;
                quality = range.Quality;
            }
            else if (rangeSpecificity == specificity && rangeSpecificity >= 0)
            {
                quality = Math.Max(quality, range.Quality);
            }
        }

        return quality;
    }

    private static int Specificity(MediaRange range, DigestFormat format, string type, string subtype)
    {
        if (range.Type == "*")
        {
            return range.Subtype == "*" ? 0 : -1;
        }

        if (!string.Equals(range.Type, type, StringComparison.OrdinalIgnoreCase))
        {
            return -1;
        }

        if (range.Subtype == "*")
        {
            return 1;
        }

        return string.Equals(range.Subtype, subtype, StringComparison.OrdinalIgnoreCase)
            // Older tools still ask for the unregistered name.
            || (format == DigestFormat.Markdown && string.Equals(range.Subtype, "x-markdown", StringComparison.OrdinalIgnoreCase))
            ? 2
            : -1;
    }

    /// <summary>The valid media ranges of an Accept header; invalid members are skipped.</summary>
    internal static IReadOnlyList<MediaRange> ParseAccept(string? accept)
    {
        if (string.IsNullOrWhiteSpace(accept))
        {
            return [];
        }

        var ranges = new List<MediaRange>();
        foreach (var member in HeaderLists.Split(accept, ','))
        {
            var parts = HeaderLists.Split(member, ';');
            if (parts.Count == 0)
            {
                continue;
            }

            var mediaRange = parts[0];
            var slash = mediaRange.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0 || slash == mediaRange.Length - 1)
            {
                continue;
            }

            var type = mediaRange[..slash].Trim();
            var subtype = mediaRange[(slash + 1)..].Trim();
            if (!IsToken(type) || !IsToken(subtype) || (type == "*" && subtype != "*"))
            {
                continue;
            }

            var quality = 1.0;
            var valid = true;
            foreach (var parameter in parts.Skip(1))
            {
                var equals = parameter.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0 && string.Equals(parameter[..equals].Trim(), "q", StringComparison.OrdinalIgnoreCase))
                {
                    valid = TryParseQuality(parameter[(equals + 1)..].Trim(), out quality);
                    break;
                }
            }

            if (valid)
            {
                ranges.Add(new MediaRange(type, subtype, quality));
            }
        }

        return ranges;
    }

    private static bool TryParseQuality(string value, out double quality) =>
        double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out quality)
        && quality is >= 0 and <= 1;

    private static bool IsToken(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal));

    private static string Shorten(string? value) => value is { Length: > 64 } ? string.Concat(value.AsSpan(0, 64), "…") : value ?? string.Empty;
}

/// <summary>One member of an Accept header.</summary>
internal sealed record MediaRange(string Type, string Subtype, double Quality);
