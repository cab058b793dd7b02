using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsDigest.Normalization;

namespace NewsDigest.Tests.Normalization;

public sealed class NormalizationServiceCollectionExtensionsTests
{
    [Fact]
    public void AddNormalization_NoConfiguration_UsesTwentyMebibyteLimitAndSingletons()
    {
        using var services = Build([]);

        Assert.Equal(20 * 1024 * 1024, services.GetRequiredService<IOptions<NormalizationOptions>>().Value.MaxDocumentBytes);
        Assert.Same(services.GetRequiredService<DocumentNormalizer>(), services.GetRequiredService<DocumentNormalizer>());
    }

    [Fact]
    public void AddNormalization_ZeroSizeLimit_FailsValidation()
    {
        using var services = Build(new() { ["Normalization:MaxDocumentBytes"] = "0" });

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<NormalizationOptions>>().Value);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddNormalization(configuration).BuildServiceProvider();
    }
}
