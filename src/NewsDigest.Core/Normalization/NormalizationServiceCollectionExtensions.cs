using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsDigest.Normalization.Html;

namespace NewsDigest.Normalization;

internal static class NormalizationServiceCollectionExtensions
{
    public static IServiceCollection AddNormalization(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NormalizationOptions>()
            .Bind(configuration.GetSection(NormalizationOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton<TextDecoder>();
        services.AddSingleton<HtmlArticleExtractor>();
        services.AddSingleton<HtmlFragmentReader>();
        services.AddSingleton<WordPressPostReader>();
        services.AddSingleton<FeedReader>();
        services.AddSingleton<PlainTextReader>();
        services.AddSingleton<DocumentFinisher>();
        services.AddSingleton<DocumentNormalizer>();
        return services;
    }
}
