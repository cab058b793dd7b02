namespace NewsDigest.Cli.Evaluation;

/// <summary>
/// What one extractor produced for one page, in the shape the evaluation compares. <see cref="Text"/> is all the
/// article text found (for ours, figure captions sit where their figures were); <see cref="BodyOnlyText"/> leaves captions out.
/// </summary>
internal sealed record ExtractorOutput(
    string Text,
    string BodyOnlyText,
    string? Title,
    string? Byline,
    string? Excerpt,
    string? SiteName,
    DateTimeOffset? Published,
    string? Language);
