using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsDigest.Normalization.Html;

namespace NewsDigest.Normalization;

/// <summary>Turns the bytes of one uploaded file into normalized documents or a typed rejection. Never throws for bad input.</summary>
internal sealed partial class DocumentNormalizer(
    IOptions<NormalizationOptions> options,
    TextDecoder decoder,
    HtmlArticleExtractor htmlExtractor,
    WordPressPostReader wordPress,
    FeedReader feeds,
    PlainTextReader plainText,
    DocumentFinisher finisher,
    ILogger<DocumentNormalizer> logger)
{
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 256 };

    private static readonly string[] UrlMetadataKeys = ["url", "source-url", "sourceurl", "source_url", "original-url", "link"];
    private static readonly string[] SourceMetadataKeys = ["source", "publisher", "source-name"];
    private static readonly string[] LanguageMetadataKeys = ["language", "lang", "content-language"];

    public NormalizationResult Normalize(NormalizationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Normalize(() => Decode(input.Content.Span, input.ContentType), input.FileName, input.Metadata);
    }

    /// <summary>
    /// Normalizes what <paramref name="content"/> holds from its position to its end. The bytes are read here and let
    /// go once decoded, so a page-sized file is not held through its parse as the bytes of a <see cref="NormalizationInput"/>
    /// are. Never throws for bad input; an <see cref="IOException"/> from reading the stream is the caller's.
    /// </summary>
    public NormalizationResult Normalize(
        Stream content,
        string? fileName = null,
        string? contentType = null,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Normalize(() => ReadAndDecode(content, contentType), fileName, metadata);
    }

    /// <param name="decode">Reads and decodes the content: what holds the bytes lives in its frame alone, gone once it returns.</param>
    private NormalizationResult Normalize(Func<DecodedContent> decode, string? fileName, IReadOnlyDictionary<string, string>? metadata)
    {
        try
        {
            var result = NormalizeContent(decode, fileName, metadata);
            if (result.Rejection is { } rejection)
            {
                LogRejected(fileName, rejection.Reason, rejection.Message);
            }

            return result;
        }
        catch (Exception exception) when (exception is not (OutOfMemoryException or IOException))
        {
            // Every known kind of bad input has its own rejection; reaching this is a defect, recorded as one.
            LogUnexpectedFailure(exception, fileName);
            return Reject(RejectionReason.Unsupported, $"the file could not be normalized ({exception.GetType().Name}: {exception.Message})", "unknown");
        }
    }

    private DecodedContent ReadAndDecode(Stream content, string? contentType)
    {
        var limit = options.Value.MaxDocumentBytes;
        if (content.CanSeek)
        {
            var length = content.Length - content.Position;
            if (length > limit)
            {
                // Refused without reading it into memory.
                return new DecodedContent(null, [], TooLarge(length, limit));
            }

            // A large page is decoded without its bytes on the heap when it is plain UTF-8, as nearly every one is.
            switch (decoder.TryDecodeUtf8(content, length, contentType))
            {
                case { Binary: { } binary }:
                    return new DecodedContent(null, [], Binary(binary));
                case { Text: { } native } streamed:
                    return new DecodedContent(null, streamed.Warnings, null, native);
                default:
                    var bytes = new byte[length];
                    content.ReadExactly(bytes);
                    return Decode(bytes, contentType);
            }
        }

        // One byte past the limit is enough to know the content is over it.
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while (buffer.Length <= limit && (read = content.Read(chunk, 0, (int)Math.Min(chunk.Length, limit + 1 - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), contentType);
    }

    private DecodedContent Decode(ReadOnlySpan<byte> bytes, string? contentType)
    {
        var limit = options.Value.MaxDocumentBytes;
        if (bytes.Length > limit)
        {
            return new DecodedContent(null, [], TooLarge(bytes.Length, limit));
        }

        if (bytes.IsEmpty)
        {
            return new DecodedContent(null, [], Reject(RejectionReason.Empty, "the file is empty", "empty"));
        }

        if (ContentSniffer.DetectBinary(bytes) is { } binary)
        {
            return new DecodedContent(null, [], Binary(binary));
        }

        var decoded = decoder.Decode(bytes, contentType);
        return decoded.Succeeded
            ? new DecodedContent(decoded.Text, decoded.Warnings, null)
            : new DecodedContent(null, [], Reject(RejectionReason.Undecodable, decoded.Failure!, "text"));
    }

    /// <summary>
    /// The text to read (HTML bounded by <see cref="NestingGuard"/>) and its kind; null text when it is blank.
    /// <paramref name="pageString"/> is <paramref name="page"/> when the page is a string already.
    /// </summary>
    private static (string? Text, TextKind Kind) Prepare(ReadOnlySpan<char> page, string? pageString, string? fileName)
    {
        if (TextCleaner.IsBlank(page))
        {
            return (null, TextKind.PlainText);
        }

        var kind = ContentSniffer.DetectText(page, fileName);
        if (kind != TextKind.Html)
        {
            return (pageString ?? new string(page), kind);
        }

        return (pageString is null ? NestingGuard.Flatten(page, out _) : NestingGuard.Flatten(pageString, out _), kind);
    }

    private static NormalizationResult Binary(string kind) =>
        Reject(RejectionReason.Binary, $"the file is binary ({kind}), not a document", kind);

    private static NormalizationResult TooLarge(long length, int limit) =>
        Reject(RejectionReason.TooLarge, $"the file is {length:N0} bytes, over the {limit:N0}-byte limit", "unknown");

    private NormalizationResult NormalizeContent(Func<DecodedContent> decode, string? fileName, IReadOnlyDictionary<string, string>? metadata)
    {
        var decoded = decode();
        if (decoded.Rejected is { } rejected)
        {
            return rejected;
        }

        var decodingWarnings = decoded.Warnings;
        string? text;
        TextKind kind;
        if (decoded.Native is { } native)
        {
            // A large page's decoded text is given back the moment it is bounded, before the parse starts.
            decoded = null;
            using (native)
            {
                (text, kind) = Prepare(native.Span, null, fileName);
            }
        }
        else
        {
            // Nothing below may keep the decoded page reachable but `text`: on a large page the HTML path swaps it for
            // the bounded markup before the parse, so the two copies and the DOM are never held at once.
            text = decoded.Text!;
            decoded = null;
            (text, kind) = Prepare(text, text, fileName);
        }

        if (text is null)
        {
            return Reject(RejectionReason.Empty, "the file holds only whitespace", "empty");
        }

        var (drafts, rejection) = kind switch
        {
            TextKind.Json => ReadJson(text),
            TextKind.Feed => ReadFeed(text),
            TextKind.Html => ReadHtml(text, metadata),
            TextKind.OtherXml => ([], new DocumentRejection(RejectionReason.Unsupported, "XML that is not an RSS or Atom feed", "xml")),
            _ => ([plainText.Read(text)], null),
        };

        // The page is read: let go of it before the drafts are finished (a method run once is not optimized, and
        // its locals stay reachable to its end).
        text = string.Empty;
        if (rejection is not null)
        {
            return NormalizationResult.Rejected(rejection);
        }

        var documents = drafts
            .Where(HasContent)
            .Select(d => finisher.Finish(ApplyMetadata(d, metadata), decodingWarnings))
            .ToList();
        if (documents.Count == 0)
        {
            return Reject(RejectionReason.NoContent, NoContentMessage(kind, drafts.Count), FormatName(kind));
        }

        return NormalizationResult.Success(documents);
    }

    private (IReadOnlyList<DocumentDraft>, DocumentRejection?) ReadJson(string text)
    {
        var repair = JsonRepairer.Repair(text);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(repair.Json, JsonOptions);
        }
        catch (JsonException exception)
        {
            return ([], new DocumentRejection(RejectionReason.Unsupported, $"malformed JSON that could not be repaired ({exception.Message})", "json"));
        }

        using (document)
        {
            var root = document.RootElement;
            var posts = root.ValueKind == JsonValueKind.Array
                ? root.EnumerateArray().Where(WordPressPostReader.IsPost).ToList()
                : WordPressPostReader.IsPost(root) ? [root] : [];
            if (posts.Count == 0)
            {
                return ([], new DocumentRejection(RejectionReason.Unsupported, WordPressPostReader.Describe(root), "json"));
            }

            return (posts.Select(p => wordPress.Read(p, repair.Warnings)).ToList(), null);
        }
    }

    private (IReadOnlyList<DocumentDraft>, DocumentRejection?) ReadFeed(string text)
    {
        var feed = feeds.Read(text);
        return (feed.Items, null);
    }

    private (IReadOnlyList<DocumentDraft>, DocumentRejection?) ReadHtml(string boundedHtml, IReadOnlyDictionary<string, string>? metadata)
    {
        var documentUrl = WordPressPostReader.AbsoluteHttpUrl(Metadata(metadata, UrlMetadataKeys)) is { } url ? new Uri(url) : null;
        var article = htmlExtractor.ExtractBounded(boundedHtml, documentUrl);
        var canonical = WordPressPostReader.AbsoluteHttpUrl(article.CanonicalUrl);
        var host = canonical is null ? null : new Uri(canonical).Host.ToLowerInvariant();
        var warnings = new List<string>();
        if (article.RemovedBlocks > 0)
        {
            warnings.Add(article.RemovedBlocks == 1 ? "1 boilerplate block removed" : $"{article.RemovedBlocks} boilerplate blocks removed");
        }

        var draft = new DocumentDraft(DocumentFormat.Html)
        {
            Title = article.Title,
            Subtitle = article.Subtitle,
            Authors = article.Authors.Count > 0 ? article.Authors : article.Byline is { Length: > 0 } byline ? [byline] : [],
            Published = article.Published,
            Modified = article.Modified,
            Url = canonical,
            SourceName = article.SiteName ?? WordPressPostReader.HostWithoutWww(host),
            SourceHost = host,
            Language = LanguageDetector.PrimaryTag(article.Language),
            Excerpt = article.Excerpt,
            Tags = article.Tags,
            Paragraphs = article.Paragraphs,
            Captions = article.Captions,
            Warnings = warnings,
            RequiresBody = true,
        };
        return ([draft], null);
    }

    /// <summary>What the upload said about the document fills only what the content itself leaves open.</summary>
    private static DocumentDraft ApplyMetadata(DocumentDraft draft, IReadOnlyDictionary<string, string>? metadata)
    {
        if (metadata is null || metadata.Count == 0)
        {
            return draft;
        }

        var url = draft.Url ?? WordPressPostReader.AbsoluteHttpUrl(Metadata(metadata, UrlMetadataKeys));
        return draft with
        {
            Url = url,
            SourceHost = draft.SourceHost ?? (url is null ? null : new Uri(url).Host.ToLowerInvariant()),
            SourceName = draft.SourceName ?? Metadata(metadata, SourceMetadataKeys),
            Language = draft.Language ?? LanguageDetector.PrimaryTag(Metadata(metadata, LanguageMetadataKeys)),
        };
    }

    private static string? Metadata(IReadOnlyDictionary<string, string>? metadata, string[] keys)
    {
        if (metadata is null)
        {
            return null;
        }

        foreach (var (key, value) in metadata)
        {
            if (keys.Contains(key, StringComparer.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(value))
            {
                return value;
            }
        }

        return null;
    }

    private static bool HasContent(DocumentDraft draft)
    {
        var hasBody = draft.Paragraphs.Any(p => !TextCleaner.IsBlank(p));
        return hasBody || (!draft.RequiresBody && !TextCleaner.IsBlank(draft.Title));
    }

    private static string NoContentMessage(TextKind kind, int drafts) => kind switch
    {
        TextKind.Html => "the page has no readable text (only scripts, styles or markup)",
        TextKind.Feed => drafts == 0 ? "the feed has no items" : "no feed item has a title or text",
        TextKind.Json => drafts == 1 ? "the WordPress post has neither title nor content" : "no WordPress post in the collection has a title or content",
        _ => "the file has no text left once boilerplate is removed",
    };

    private static string FormatName(TextKind kind) => kind switch
    {
        TextKind.Json => "wordpress-json",
        TextKind.Feed => "feed",
        TextKind.Html => "html",
        TextKind.OtherXml => "xml",
        _ => "text",
    };

    private static NormalizationResult Reject(RejectionReason reason, string message, string detectedFormat) =>
        NormalizationResult.Rejected(new DocumentRejection(reason, message, detectedFormat));

    /// <summary>The decoded text and what decoding warned of, or why the content was refused before it became text.</summary>
    /// <remarks>A large page's text may be in <paramref name="Native"/> memory instead, which the reader disposes.</remarks>
    private sealed record DecodedContent(string? Text, IReadOnlyList<string> Warnings, NormalizationResult? Rejected, NativeText? Native = null);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rejected {FileName}: {Reason} ({Detail})")]
    private partial void LogRejected(string? fileName, RejectionReason reason, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "Normalization of {FileName} failed unexpectedly")]
    private partial void LogUnexpectedFailure(Exception exception, string? fileName);
}
