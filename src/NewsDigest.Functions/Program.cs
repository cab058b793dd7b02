using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsDigest;

var builder = FunctionsApplication.CreateBuilder(args);

builder.ConfigureFunctionsWebApplication();

// Telemetry goes straight from the worker to Application Insights, authenticated with the managed identity
// named in APPLICATIONINSIGHTS_AUTHENTICATION_STRING (the component accepts no instrumentation-key-only data).
builder.Services
    .AddApplicationInsightsTelemetryWorkerService()
    .ConfigureFunctionsApplicationInsights();

// The Application Insights SDK keeps only warnings by default; the app's Information logs (documents
// ingested, digests sent) matter, so let the configured log levels decide instead.
builder.Logging.Services.Configure<LoggerFilterOptions>(options =>
{
    var sdkDefault = options.Rules.FirstOrDefault(rule =>
        rule.ProviderName == "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider");
    if (sdkDefault is not null)
    {
        options.Rules.Remove(sdkDefault);
    }
});

builder.Services.AddNewsDigest(builder.Configuration);

builder.Build().Run();
