using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace NewsDigest.Normalization;

internal static class NormalizationServiceCollectionExtensions
{
    public static IServiceCollection AddNormalization(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }
}
