using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NewsDigest.Cli;

/// <summary>The same services as the Functions app, configured from appsettings.json and environment variables.</summary>
internal static class CliHost
{
    public static IHost Build(Action<IConfigurationBuilder>? configure = null, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables();
        configure?.Invoke(builder.Configuration);

        // Standard output carries command results (JSON Lines, tables); logs go to standard error, and only with
        // --verbose: without it a command says what went wrong in one line of its own.
        builder.Logging.ClearProviders();
        if (CommandLine.CliApplication.Verbose)
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Logging.SetMinimumLevel(LogLevel.Information);
        }

        builder.Services.AddNewsDigest(builder.Configuration);
        services?.Invoke(builder.Services);
        return builder.Build();
    }
}
