using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace NewsDigest.Delivery;

internal static class DeliveryServiceCollectionExtensions
{
    public static IServiceCollection AddDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }
}
