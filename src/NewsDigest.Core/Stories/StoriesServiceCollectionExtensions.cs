using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace NewsDigest.Stories;

internal static class StoriesServiceCollectionExtensions
{
    public static IServiceCollection AddStories(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }
}
