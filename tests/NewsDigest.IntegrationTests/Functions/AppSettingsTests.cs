using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsDigest.IntegrationTests.Infra;

namespace NewsDigest.IntegrationTests.Functions;

/// <summary>
/// Every setting the Functions app reads (binding expressions, trigger connections, the options it binds at start-up)
/// is defined under the same name in local.settings.example.json and in the function app's settings that infra/
/// deploys (read from the compiled templates).
/// </summary>
public sealed class AppSettingsTests(CompiledTemplates templates) : IClassFixture<CompiledTemplates>
{
    /// <summary>Connections the host itself opens: its own storage, besides every trigger's connection.</summary>
    private const string HostStorage = "AzureWebJobsStorage";

    /// <summary>
    /// Settings whose form differs on purpose: locally Azurite is reached with a connection string (it cannot issue
    /// Entra ID tokens), in Azure with service URIs and the user-assigned identity; MailDev takes no SMTP login.
    /// </summary>
    private static readonly HashSet<string> FormDiffersByEnvironment = new(StringComparer.Ordinal)
    {
        "Storage__ConnectionString",
        "Storage__BlobServiceUri",
        "Storage__TableServiceUri",
        "Storage__ManagedIdentityClientId",
        "Email__UserName",
        "Email__Password",
    };

    private Dictionary<string, string> AzureSettings => CompiledTemplates.AppSettings(templates.Relay);

    [Fact]
    public void BindingExpressions_EveryName_IsDefinedLocallyAndInAzure()
    {
        SkipWhenUnavailable();
        var names = BindingValues()
            .SelectMany(v => v.Split('%').Where((_, i) => i % 2 == 1))
            .Select(n => n.Replace(":", "__", StringComparison.Ordinal))
            .Distinct()
            .ToList();

        Assert.Contains("Storage__InboxContainer", names);
        Assert.Contains("ReconcileInboxSchedule", names);
        Assert.All(names, name => Assert.True(FunctionsBuildOutput.LocalSettings().ContainsKey(name), $"{name} is not in local.settings.example.json."));
        Assert.All(names, name => Assert.True(AzureSettings.ContainsKey(name), $"{name} is not in the function app's settings in infra/."));
    }

    [Fact]
    public void BindingExpressions_InAzure_ResolveToValidValues()
    {
        SkipWhenUnavailable();
        var schedule = FunctionsBuildOutput.Binding("ReconcileInbox", "timerTrigger")["schedule"]!.GetValue<string>();

        Assert.True(NcrontabExpression.IsValid(HostFilesTests.ResolveSetting(schedule, AzureSettings)));
        Assert.Equal("inbox/{name}", HostFilesTests.ResolveSetting(
            FunctionsBuildOutput.Binding("IngestDocument", "blobTrigger")["path"]!.GetValue<string>(), AzureSettings));
    }

    [Fact]
    public void Connections_InAzure_AreIdentityBasedWithTheUserAssignedIdentity()
    {
        SkipWhenUnavailable();
        var settings = AzureSettings;

        Assert.All(Connections(), connection =>
        {
            Assert.Contains(connection + "__blobServiceUri", settings.Keys);
            Assert.Contains(connection + "__queueServiceUri", settings.Keys);
            Assert.Equal("managedidentity", settings[connection + "__credential"]);
            Assert.Contains(connection + "__clientId", settings.Keys);
            Assert.DoesNotContain(connection, settings.Keys);
        });
        Assert.Contains(HostStorage + "__tableServiceUri", settings.Keys);
    }

    [Fact]
    public void Connections_Locally_AreDefinedUnderTheSameName()
    {
        var local = FunctionsBuildOutput.LocalSettings();

        Assert.All(Connections(), connection => Assert.Equal("UseDevelopmentStorage=true", local.GetValueOrDefault(connection)));
    }

    [Fact]
    public void StartUpSettings_ReadByTheApp_AreDefinedLocallyAndInAzureAlike()
    {
        SkipWhenUnavailable();
        var read = SettingsReadAtStartUp();
        var local = AppOwnSettings(FunctionsBuildOutput.LocalSettings().Keys);
        var azure = AppOwnSettings(AzureSettings.Keys);

        // Nothing stale or misspelt: every setting either file gives is one the app reads.
        Assert.All(local.Concat(azure), name => Assert.True(read.Contains(name), $"{name} is set but the app never reads it."));
        // And the two agree, apart from how storage and SMTP are reached.
        Assert.Equal(local.Except(FormDiffersByEnvironment).Order(StringComparer.Ordinal), azure.Except(FormDiffersByEnvironment).Order(StringComparer.Ordinal));
        Assert.Contains("Digest__TimeZone", azure);
        Assert.Contains("Email__To", azure);
    }

    [Theory]
    [InlineData("0 5 * * * *", true)]
    [InlineData("0 */2 * * * *", true)]
    [InlineData("0 30 9 * * MON-FRI", true)]
    [InlineData("0 5 * * *", false)]
    [InlineData("61 * * * * *", false)]
    [InlineData("0 0 25 * * *", false)]
    [InlineData("0 0 5-1 * * *", false)]
    public void NcrontabExpression_Expression_IsValidOnlyWithSixFieldsInRange(string expression, bool valid)
    {
        Assert.Equal(valid, NcrontabExpression.IsValid(expression));
    }

    private static IEnumerable<string> BindingValues() =>
        FunctionsBuildOutput.Metadata
            .SelectMany(f => f!["bindings"]!.AsArray())
            .SelectMany(b => b!.AsObject())
            .Where(p => p.Value is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out _))
            .Select(p => p.Value!.GetValue<string>())
            .Where(v => v.Contains('%', StringComparison.Ordinal));

    private static List<string> Connections() =>
    [
        HostStorage,
        .. FunctionsBuildOutput.Metadata
            .SelectMany(f => f!["bindings"]!.AsArray())
            .Select(b => b!["connection"]?.GetValue<string>())
            .OfType<string>()
            .Distinct(),
    ];

    /// <summary>
    /// The app's own settings in a list of setting names: not the host's (worker runtime, connections, telemetry),
    /// with list items (Email__To__0, Email__To__1) folded into their list.
    /// </summary>
    private static HashSet<string> AppOwnSettings(IEnumerable<string> names)
    {
        var connections = Connections();
        return names
            .Where(n => n.Contains("__", StringComparison.Ordinal))
            .Where(n => !connections.Any(c => n.StartsWith(c + "__", StringComparison.Ordinal)))
            .Select(n => int.TryParse(n[(n.LastIndexOf("__", StringComparison.Ordinal) + 2)..], out _) ? n[..n.LastIndexOf("__", StringComparison.Ordinal)] : n)
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The configuration keys the app looks up while binding and validating its options at start-up, recorded by
    /// registering exactly what the Functions app registers over a configuration that remembers every read.
    /// </summary>
    private static HashSet<string> SettingsReadAtStartUp()
    {
        var recorder = new RecordingConfigurationSource(FunctionsBuildOutput.LocalSettings()
            .ToDictionary(p => p.Key.Replace("__", ":", StringComparison.Ordinal), p => (string?)p.Value, StringComparer.OrdinalIgnoreCase));
        var configuration = new ConfigurationBuilder().Add(recorder).Build();
        var services = new ServiceCollection().AddLogging().AddNewsDigest(configuration);
        using var provider = services.BuildServiceProvider();

        var optionTypes = services
            .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IConfigureOptions<>))
            .Select(d => d.ServiceType.GetGenericArguments()[0])
            .Distinct()
            .ToList();
        Assert.NotEmpty(optionTypes);
        foreach (var type in optionTypes)
        {
            var options = provider.GetRequiredService(typeof(IOptions<>).MakeGenericType(type));
            _ = options.GetType().GetProperty(nameof(IOptions<>.Value))!.GetValue(options);
        }

        return recorder.Keys.Select(k => k.Replace(":", "__", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
    }

    private void SkipWhenUnavailable() => Assert.SkipWhen(templates.SkipReason is not null, templates.SkipReason ?? string.Empty);

    private sealed class RecordingConfigurationSource(IDictionary<string, string?> values) : IConfigurationSource
    {
        private readonly RecordingConfigurationProvider _provider = new(values);

        public IEnumerable<string> Keys => _provider.Read;

        public IConfigurationProvider Build(IConfigurationBuilder builder) => _provider;
    }

    private sealed class RecordingConfigurationProvider : ConfigurationProvider
    {
        private readonly HashSet<string> _read = new(StringComparer.OrdinalIgnoreCase);

        public RecordingConfigurationProvider(IDictionary<string, string?> values)
        {
            Data = new Dictionary<string, string?>(values, StringComparer.OrdinalIgnoreCase);
        }

        public IEnumerable<string> Read => _read;

        public override bool TryGet(string key, out string? value)
        {
            _read.Add(key);
            return base.TryGet(key, out value);
        }
    }
}
