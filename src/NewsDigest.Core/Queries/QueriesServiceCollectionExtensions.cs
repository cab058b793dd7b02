using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace NewsDigest.Queries;

internal static class QueriesServiceCollectionExtensions
{
    public static IServiceCollection AddQueries(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }
}
