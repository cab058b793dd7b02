using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace NewsDigest.Queries;

internal static class QueriesServiceCollectionExtensions
{
    public static IServiceCollection AddQueries(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<QueriesOptions>()
            .Bind(configuration.GetSection(QueriesOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.DefaultListDays <= o.MaxListDays, "Queries:DefaultListDays must not exceed Queries:MaxListDays.")
            .ValidateOnStart();
        services.AddSingleton<StoredDigestResponder>();
        services.AddSingleton<SummaryQueries>();
        services.AddSingleton<DigestQueries>();
        services.AddSingleton<DocumentQueries>();
        return services;
    }
}
