using System.Diagnostics;
using System.Globalization;
using NewsDigest.Normalization.Html;

namespace NewsDigest.Cli.Evaluation;

/// <summary>Runs our extractor and SmartReader over the corpus: scores first (which also warms both up), then timing.</summary>
internal sealed class ExtractionEvaluation(IReadOnlyList<CorpusPage> pages)
{
    /// <summary>The address the readability test suite gives its pages; both extractors get the same one.</summary>
    private static readonly Uri PageUrl = new("http://fakehost/test/page.html");

    private readonly HtmlArticleExtractor extractor = new();

    /// <summary>Counts every page scored or timed, when set.</summary>
    public CommandLine.ProgressReporter? Progress { get; init; }

    public ExtractionScorecard Score(bool smartReader, string? dumpDirectory = null)
    {
        var scorecard = new ExtractionScorecard(smartReader ? "SmartReader" : "NewsDigest");
        foreach (var page in pages)
        {
            ExtractorOutput? output;
            try
            {
                output = smartReader ? RunSmartReader(page) : RunOurs(page);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                scorecard.Failures++;
                Console.Error.WriteLine($"{scorecard.Name} threw on {page.Name}: {exception.GetType().Name}: {exception.Message}");
                output = null;
            }

            scorecard.Score(page, output);
            Progress?.Advance();
            if (dumpDirectory is not null)
            {
                Directory.CreateDirectory(dumpDirectory);
                File.WriteAllText(Path.Combine(dumpDirectory, $"{page.Name}.{(smartReader ? "smartreader" : "ours")}.txt"), output?.Text ?? string.Empty);
                File.WriteAllText(Path.Combine(dumpDirectory, $"{page.Name}.expected.txt"), page.ExpectedText ?? string.Empty);
            }
        }

        return scorecard;
    }

    /// <summary>Extraction only, over strings already decoded in memory, one page after another on this thread.</summary>
    public Throughput Time(bool smartReader, int rounds)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        long totalTicks = 0;
        long slowestTicks = 0;
        var slowestPage = string.Empty;
        var failures = 0;
        long bytes = 0;
        var count = 0;
        for (var round = 0; round < rounds; round++)
        {
            foreach (var page in pages)
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    if (smartReader)
                    {
                        _ = new SmartReader.Reader(PageUrl.AbsoluteUri, page.Html).GetArticle();
                    }
                    else
                    {
                        _ = extractor.Extract(page.Html, PageUrl);
                    }
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    failures++;
                }

                var elapsed = Stopwatch.GetTimestamp() - start;
                totalTicks += elapsed;
                if (elapsed > slowestTicks)
                {
                    slowestTicks = elapsed;
                    slowestPage = page.Name;
                }

                bytes += page.ByteCount;
                count++;
                Progress?.Advance();
            }
        }

        var seconds = (double)totalTicks / Stopwatch.Frequency;
        return new Throughput(
            count / seconds,
            bytes / 1_000_000.0 / seconds,
            TimeSpan.FromSeconds((double)slowestTicks / Stopwatch.Frequency),
            slowestPage,
            failures);
    }

    private ExtractorOutput RunOurs(CorpusPage page)
    {
        var article = extractor.Extract(page.Html, PageUrl);
        return new ExtractorOutput(
            string.Join('\n', InReadingOrder(article)),
            string.Join('\n', article.Paragraphs),
            article.Title,
            article.Byline,
            article.Excerpt,
            article.SiteName,
            article.Published,
            article.Language);
    }

    /// <summary>Paragraphs with each figure caption put back where its figure was.</summary>
    private static IEnumerable<string> InReadingOrder(HtmlArticle article)
    {
        var caption = 0;
        for (var i = 0; i <= article.Paragraphs.Count; i++)
        {
            while (caption < article.Captions.Count && article.CaptionPositions[caption] <= i)
            {
                yield return article.Captions[caption++];
            }

            if (i < article.Paragraphs.Count)
            {
                yield return article.Paragraphs[i];
            }
        }
    }

    private static ExtractorOutput RunSmartReader(CorpusPage page)
    {
        var article = new SmartReader.Reader(PageUrl.AbsoluteUri, page.Html).GetArticle();
        DateTimeOffset? published = article.PublicationDate is { } date
            ? date.Kind switch
            {
                DateTimeKind.Local => new DateTimeOffset(date),
                _ => new DateTimeOffset(DateTime.SpecifyKind(date, DateTimeKind.Utc)),
            }
            : null;
        var text = string.IsNullOrEmpty(article.Content) ? string.Empty : HtmlToText.Convert(article.Content);
        return new ExtractorOutput(
            text,
            text,
            article.Title,
            string.IsNullOrWhiteSpace(article.Byline) ? article.Author : article.Byline,
            article.Excerpt,
            article.SiteName,
            published,
            article.Language);
    }
}

internal sealed record Throughput(double PagesPerSecond, double MegabytesPerSecond, TimeSpan Slowest, string SlowestPage, int Failures)
{
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{PagesPerSecond:F1} pages/s, {MegabytesPerSecond:F2} MB/s, slowest {Slowest.TotalMilliseconds:F0} ms ({SlowestPage})");
}
