using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsDigest.Delivery;
using NewsDigest.Digest;
using NewsDigest.Ingestion;
using NewsDigest.Normalization;
using NewsDigest.Queries;
using NewsDigest.Storage;
using NewsDigest.Stories;

namespace NewsDigest;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers everything the Functions app and the command-line tool share: options bound from
    /// <paramref name="configuration"/> and validated at start-up, storage clients and the feature services.
    /// </summary>
    public static IServiceCollection AddNewsDigest(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddSingleton(TimeProvider.System);
        services.AddNormalization(configuration);
        services.AddStorage(configuration);
        services.AddIngestion(configuration);
        services.AddStories(configuration);
        services.AddDigest(configuration);
        services.AddDelivery(configuration);
        services.AddQueries(configuration);
        return services;
    }
}
