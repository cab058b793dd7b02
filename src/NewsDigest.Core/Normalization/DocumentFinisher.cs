namespace NewsDigest.Normalization;

/// <summary>
/// The clean-up every format shares: text cleaned and NFC-normalized, interface crumbs and repeated paragraphs
/// removed, a title when there is none, language detected when undeclared, then the id, hash and signature.
/// </summary>
internal sealed class DocumentFinisher
{
    /// <summary>Real headlines stay well under this; longer ones are cut at a word or text-element boundary.</summary>
    public const int MaxTitleChars = 300;

    public NormalizedDocument Finish(DocumentDraft draft, IEnumerable<string> extraWarnings)
    {
        var warnings = new List<string>(draft.Warnings);
        warnings.AddRange(extraWarnings);

        var title = TextCleaner.Clean(draft.Title);
        if (title.Length > MaxTitleChars)
        {
            // A "title" of thousands of characters is a scrape error; it would swamp every listing and digest.
            warnings.Add($"title shortened from {title.Length:N0} characters");
            title = TextCleaner.Shorten(title, MaxTitleChars);
        }

        var captions = Distinct(draft.Captions);
        var captionSet = captions.ToHashSet(StringComparer.Ordinal);
        var paragraphs = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int repeated = 0, crumbs = 0;
        foreach (var raw in draft.Paragraphs)
        {
            var (paragraph, removed) = InterfaceCrumbs.Remove(TextCleaner.Clean(raw));
            crumbs += removed;
            if (paragraph.Length == 0)
            {
                continue;
            }

            // A scrape that repeats the headline as the first line, or a caption inside the body, is not body text.
            if ((paragraphs.Count == 0 && paragraph == title) || captionSet.Contains(paragraph))
            {
                continue;
            }

            if (!seen.Add(paragraph))
            {
                repeated++;
                continue;
            }

            paragraphs.Add(paragraph);
        }

        if (repeated > 0)
        {
            warnings.Add(repeated == 1 ? "1 repeated paragraph removed" : $"{repeated} repeated paragraphs removed");
        }

        if (crumbs > 0)
        {
            warnings.Add(crumbs == 1 ? "1 interface word removed from the text" : $"{crumbs} interface words removed from the text");
        }

        if (title.Length == 0 && paragraphs.Count > 0)
        {
            title = TextCleaner.FirstSentence(paragraphs[0]);
            warnings.Add("no headline; title taken from the first sentence");
        }

        if (draft.Published is null)
        {
            warnings.Add("publication date unknown");
        }

        // The body is the paragraphs joined by line feeds; it is hashed and fingerprinted without being joined, as a
        // page-sized body would be one more copy of the text.
        var contentHash = ContentFingerprint.Sha256Hex(paragraphs);
        var url = draft.Url;
        var id = paragraphs.Count > 0 ? contentHash[..32] : ContentFingerprint.Sha256Hex(title + "\n" + url)[..32];
        var (wordCount, signature) = ContentFingerprint.Fingerprint(paragraphs);
        if (wordCount == 0)
        {
            signature = ContentFingerprint.Fingerprint(title).Signature;
        }

        var excerpt = TextCleaner.Clean(draft.Excerpt);
        var sourceName = TextCleaner.Clean(draft.SourceName);

        return new NormalizedDocument
        {
            Id = id,
            Format = draft.Format,
            Title = title,
            Subtitle = NullIfEmpty(TextCleaner.Clean(draft.Subtitle)),
            Published = draft.Published?.ToUniversalTime(),
            Modified = draft.Modified?.ToUniversalTime(),
            Url = url,
            Source = new DocumentSource(NullIfEmpty(sourceName), draft.SourceHost),
            Authors = Distinct(draft.Authors),
            Language = draft.Language ?? LanguageDetector.Detect(paragraphs.Prepend(title)),
            Excerpt = NullIfEmpty(excerpt),
            Tags = Distinct(draft.Tags),
            Paragraphs = paragraphs,
            Captions = captions,
            WordCount = wordCount,
            ContentHash = contentHash,
            Signature = signature,
            Warnings = warnings.Distinct(StringComparer.Ordinal).ToList(),
        };
    }

    private static List<string> Distinct(IEnumerable<string> values)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in values)
        {
            var clean = TextCleaner.Clean(value);
            if (clean.Length > 0 && seen.Add(clean))
            {
                result.Add(clean);
            }
        }

        return result;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
