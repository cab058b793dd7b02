using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NewsDigest.Digest;

namespace NewsDigest.Queries;

/// <summary>Validators and the conditional request rules of RFC 9110, section 13, for GET.</summary>
internal static class ConditionalRequests
{
    private static readonly string[] HttpDateFormats =
    [
        "r",                                // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
        "dddd, dd-MMM-yy HH:mm:ss 'GMT'",   // obsolete RFC 850 form
        "ddd MMM d HH:mm:ss yyyy",          // obsolete asctime() form
        "ddd MMM dd HH:mm:ss yyyy",
    ];

    /// <summary>
    /// The entity tag of one format of a stored digest. The digest's tag covers all its renderings, but a strong
    /// validator must differ between representations, so each format gets its own.
    /// </summary>
    public static string RepresentationTag(string storedTag, DigestFormat format)
    {
        var weak = storedTag.StartsWith("W/", StringComparison.Ordinal);
        var opaque = OpaqueTag(storedTag);
        return $"{(weak ? "W/" : string.Empty)}\"{opaque}-{ContentNegotiation.Name(format)}\"";
    }

    /// <summary>A strong entity tag computed from a body that is not stored (lists, documents, the pending summary).</summary>
    public static string ContentTag(string body)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(body), hash);
        return $"\"{Convert.ToHexStringLower(hash[..16])}\"";
    }

    /// <summary>
    /// Whether a GET gets 304: If-None-Match decides when present (weak comparison, <c>*</c> matches any current
    /// representation); otherwise If-Modified-Since does, when it is a valid HTTP date.
    /// </summary>
    public static bool IsNotModified(QueryRequest request, string entityTag, DateTimeOffset? lastModified)
    {
        if (!string.IsNullOrWhiteSpace(request.IfNoneMatch))
        {
            return IfNoneMatchMatches(request.IfNoneMatch, entityTag);
        }

        return lastModified is { } modified
            && TryParseHttpDate(request.IfModifiedSince, out var since)
            && TruncateToSeconds(modified) <= since;
    }

    public static bool IfNoneMatchMatches(string ifNoneMatch, string entityTag)
    {
        if (ifNoneMatch.Trim() == "*")
        {
            return true;
        }

        var opaque = OpaqueTag(entityTag);
        return HeaderLists.Split(ifNoneMatch, ',').Any(candidate => string.Equals(OpaqueTag(candidate), opaque, StringComparison.Ordinal));
    }

    public static bool TryParseHttpDate(string? value, out DateTimeOffset date)
    {
        date = default;
        return !string.IsNullOrWhiteSpace(value)
            && DateTimeOffset.TryParseExact(
                value.Trim(),
                HttpDateFormats,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowInnerWhite,
                out date);
    }

    public static string FormatHttpDate(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture);

    // HTTP dates carry whole seconds; without truncation a resource changed at 10:00:00.5 would never be "not modified since 10:00:00".
    private static DateTimeOffset TruncateToSeconds(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    /// <summary>The tag without its weakness marker and quotes; clients that forget the quotes still match.</summary>
    private static string OpaqueTag(string tag)
    {
        var value = tag.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        return value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;
    }
}
