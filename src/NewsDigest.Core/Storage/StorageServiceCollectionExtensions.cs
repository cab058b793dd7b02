using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace NewsDigest.Storage;

internal static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());

        services.AddSingleton<StorageClients>();
        services.AddSingleton<DocumentRepository>();
        services.AddSingleton<IngestionLedger>();
        return services;
    }
}

/// <summary>Storage needs either a connection string or both service URIs; one URI alone is a configuration mistake.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if ((options.BlobServiceUri is null) != (options.TableServiceUri is null))
        {
            return ValidateOptionsResult.Fail(
                "Storage: set both BlobServiceUri and TableServiceUri (identity-based access), or neither and a ConnectionString.");
        }

        if (!options.UsesServiceUris && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                "Storage: set ConnectionString (for example UseDevelopmentStorage=true for Azurite) or both BlobServiceUri and TableServiceUri.");
        }

        return ValidateOptionsResult.Success;
    }
}
