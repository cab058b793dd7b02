using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace NewsDigest.Digest;

internal static class DigestServiceCollectionExtensions
{
    public static IServiceCollection AddDigest(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }
}
