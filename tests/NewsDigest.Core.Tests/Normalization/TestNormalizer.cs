using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsDigest.Normalization;

namespace NewsDigest.Tests.Normalization;

/// <summary>A <see cref="DocumentNormalizer"/> wired the way the application wires it.</summary>
internal static class TestNormalizer
{
    private static readonly Lazy<DocumentNormalizer> Default = new(() => Create());

    public static DocumentNormalizer Instance => Default.Value;

    public static Encoding Windows1252
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1252);
        }
    }

    public static DocumentNormalizer Create(int? maxDocumentBytes = null)
    {
        var settings = new Dictionary<string, string?>();
        if (maxDocumentBytes is not null)
        {
            settings["Normalization:MaxDocumentBytes"] = maxDocumentBytes.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddNormalization(configuration);
        return services.BuildServiceProvider().GetRequiredService<DocumentNormalizer>();
    }

    public static NormalizationResult Normalize(byte[] content, string? fileName = null, string? contentType = null) =>
        Instance.Normalize(new NormalizationInput(content, fileName, contentType));

    public static NormalizationResult Normalize(string text, string? fileName = null) =>
        Normalize(Encoding.UTF8.GetBytes(text), fileName);

    public static NormalizedDocument Single(NormalizationResult result)
    {
        Assert.Null(result.Rejection);
        return Assert.Single(result.Documents);
    }

    public static NormalizedDocument NormalizeSeed(string prefix)
    {
        var path = TestPaths.Seed(prefix);
        return Single(Normalize(File.ReadAllBytes(path), Path.GetFileName(path)));
    }
}
