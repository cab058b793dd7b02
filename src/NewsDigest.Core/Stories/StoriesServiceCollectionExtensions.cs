using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsDigest.Storage;

namespace NewsDigest.Stories;

internal static class StoriesServiceCollectionExtensions
{
    public static IServiceCollection AddStories(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddSingleton<StoryRepository>();
        return services;
    }
}
