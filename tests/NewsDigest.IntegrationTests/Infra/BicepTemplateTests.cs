using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static NewsDigest.IntegrationTests.Infra.CompiledTemplates;

namespace NewsDigest.IntegrationTests.Infra;

/// <summary>
/// Pins the security properties of what infra/ deploys, read from the compiled templates, so that a later edit
/// cannot quietly weaken them.
/// </summary>
public sealed partial class BicepTemplateTests(CompiledTemplates templates) : IClassFixture<CompiledTemplates>
{
    private const string KeyVaultReference = "@Microsoft.KeyVault(SecretUri=";

    [Fact]
    public void Build_TemplatesAndParameters_ReportNoDiagnostics()
    {
        SkipWhenUnavailable();

        Assert.Empty(templates.Diagnostics);
    }

    [Fact]
    public void StorageAccount_Deployed_DisablesSharedKeyAndPublicBlobAccess()
    {
        SkipWhenUnavailable();
        var account = Single(templates.Relay, "Microsoft.Storage/storageAccounts")["properties"]!;

        Assert.False(account["allowSharedKeyAccess"]!.GetValue<bool>());
        Assert.False(account["allowBlobPublicAccess"]!.GetValue<bool>());
        Assert.True(account["defaultToOAuthAuthentication"]!.GetValue<bool>());
        var containers = OfType(templates.Relay, "Microsoft.Storage/storageAccounts/blobServices/containers").ToList();
        Assert.Equal(4, containers.Count);
        Assert.All(containers, c => Assert.Equal("None", c["properties"]!["publicAccess"]!.GetValue<string>()));
    }

    [Fact]
    public void StorageAccount_Deployed_RequiresHttpsAndTls12()
    {
        SkipWhenUnavailable();
        var account = Single(templates.Relay, "Microsoft.Storage/storageAccounts")["properties"]!;

        Assert.True(account["supportsHttpsTrafficOnly"]!.GetValue<bool>());
        Assert.Equal("TLS1_2", account["minimumTlsVersion"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("inbox")]
    [InlineData("normalized")]
    [InlineData("digests")]
    public void StorageAccount_Deployed_HasContainer(string container)
    {
        SkipWhenUnavailable();

        Assert.Contains(
            OfType(templates.Relay, "Microsoft.Storage/storageAccounts/blobServices/containers"),
            c => Id(c).EndsWith("/containers/" + container, StringComparison.Ordinal));
    }

    [Fact]
    public void FunctionApp_Deployed_IsHttpsOnlyFlexConsumptionWithUserAssignedIdentity()
    {
        SkipWhenUnavailable();
        var site = Single(templates.Relay, "Microsoft.Web/sites");
        var properties = site["properties"]!;
        var config = properties["functionAppConfig"]!;
        var identityId = Id(Single(templates.Relay, "Microsoft.ManagedIdentity/userAssignedIdentities"));

        Assert.True(properties["httpsOnly"]!.GetValue<bool>());
        Assert.Equal("1.2", properties["siteConfig"]!["minTlsVersion"]!.GetValue<string>());
        Assert.Equal("Disabled", properties["siteConfig"]!["ftpsState"]!.GetValue<string>());
        Assert.Equal("UserAssigned", site["identity"]!["type"]!.GetValue<string>());
        Assert.NotNull(site["identity"]!["userAssignedIdentities"]![identityId]);
        Assert.Equal(identityId, properties["keyVaultReferenceIdentity"]!.GetValue<string>());
        Assert.Equal("FC1", Single(templates.Relay, "Microsoft.Web/serverfarms")["sku"]!["name"]!.GetValue<string>());
        Assert.Equal("dotnet-isolated", config["runtime"]!["name"]!.GetValue<string>());
        Assert.Equal("10.0", config["runtime"]!["version"]!.GetValue<string>());
        var deployment = config["deployment"]!["storage"]!;
        Assert.Equal("blobContainer", deployment["type"]!.GetValue<string>());
        Assert.Equal("UserAssignedIdentity", deployment["authentication"]!["type"]!.GetValue<string>());
        Assert.Equal(identityId, deployment["authentication"]!["userAssignedIdentityResourceId"]!.GetValue<string>());
        Assert.All(
            OfType(templates.Relay, "Microsoft.Web/sites/basicPublishingCredentialsPolicies"),
            policy => Assert.False(policy["properties"]!["allow"]!.GetValue<bool>()));
    }

    [Theory]
    [InlineData("AzureWebJobsStorage")]
    [InlineData("InboxStorage")]
    public void AppSettings_HostConnection_IsIdentityBased(string connection)
    {
        SkipWhenUnavailable();
        var settings = AppSettings(templates.Relay);

        Assert.Equal("managedidentity", settings[connection + "__credential"]);
        Assert.Contains("userAssignedIdentities", settings[connection + "__clientId"], StringComparison.Ordinal);
        Assert.Contains("primaryEndpoints.blob", settings[connection + "__blobServiceUri"], StringComparison.Ordinal);
        Assert.Contains("primaryEndpoints.queue", settings[connection + "__queueServiceUri"], StringComparison.Ordinal);
        Assert.DoesNotContain(connection, settings.Keys);
    }

    [Fact]
    public void AppSettings_AppStorage_UsesServiceUrisAndManagedIdentity()
    {
        SkipWhenUnavailable();
        var settings = AppSettings(templates.Relay);

        Assert.Contains("primaryEndpoints.blob", settings["Storage__BlobServiceUri"], StringComparison.Ordinal);
        Assert.Contains("primaryEndpoints.table", settings["Storage__TableServiceUri"], StringComparison.Ordinal);
        Assert.Contains("userAssignedIdentities", settings["Storage__ManagedIdentityClientId"], StringComparison.Ordinal);
        Assert.Equal("inbox", settings["Storage__InboxContainer"]);
        Assert.DoesNotContain("Storage__ConnectionString", settings.Keys);
    }

    [Fact]
    public void AppSettings_Deployed_ContainNoKeysOrConnectionStrings()
    {
        SkipWhenUnavailable();

        foreach (var settings in new[] { AppSettings(templates.Relay), AppSettings(templates.CommunicationServices) })
        {
            Assert.All(settings, setting =>
            {
                Assert.DoesNotMatch(SecretMaterial(), setting.Value);
                // The Application Insights connection string names an endpoint only; ingestion needs Entra ID.
                if (setting.Key != "APPLICATIONINSIGHTS_CONNECTION_STRING")
                {
                    Assert.DoesNotContain("connectionstring", setting.Key.Replace("_", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
                }
            });
        }

        // Nothing in the main deployment reads a key.
        Assert.DoesNotMatch(KeyListing(), templates.MainTemplate.ToJsonString());
    }

    [Theory]
    [InlineData("Email__Password", "smtp-password")]
    [InlineData("Teams__WebhookUrl", "teams-webhook-url")]
    public void AppSettings_Secret_IsVersionlessKeyVaultReference(string setting, string secretName)
    {
        SkipWhenUnavailable();
        var value = AppSettings(templates.Relay)[setting];

        Assert.Contains(KeyVaultReference, value, StringComparison.Ordinal);
        Assert.Contains("Microsoft.KeyVault/vaults/kv-", value, StringComparison.Ordinal);
        Assert.Contains($"'{secretName}'", value, StringComparison.Ordinal);
    }

    [Fact]
    public void AppSettings_RelayParameters_ConfigureEmailTeamsAndSchedule()
    {
        SkipWhenUnavailable();
        var settings = AppSettings(templates.Relay);

        Assert.Equal("True", settings["Email__Enabled"]);
        Assert.Equal("smtp.example.com", settings["Email__Host"]);
        Assert.Equal("587", settings["Email__Port"]);
        Assert.Equal("digest", settings["Email__UserName"]);
        Assert.Equal("digest@example.com", settings["Email__From"]);
        Assert.Equal("desk@example.com", settings["Email__To__0"]);
        Assert.Equal("editor@example.com", settings["Email__To__1"]);
        Assert.Equal("True", settings["Teams__Enabled"]);
        Assert.Equal("06:45", settings["Digest__LocalTime"]);
        Assert.Equal("Europe/Berlin", settings["Digest__TimeZone"]);
    }

    [Fact]
    public void AppSettings_CommunicationServices_UseItsSmtpEndpointAndSender()
    {
        SkipWhenUnavailable();
        var settings = AppSettings(templates.CommunicationServices);

        Assert.Equal("True", settings["Email__Enabled"]);
        Assert.Equal("smtp.azurecomm.net", settings["Email__Host"]);
        Assert.Equal("587", settings["Email__Port"]);
        Assert.Equal("newsdigest", settings["Email__UserName"]);
        Assert.Contains(KeyVaultReference, settings["Email__Password"], StringComparison.Ordinal);
        Assert.Contains("DoNotReply@", settings["Email__From"], StringComparison.Ordinal);
        Assert.Contains("mailFromSenderDomain", settings["Email__From"], StringComparison.Ordinal);
        Assert.Equal("False", settings["Teams__Enabled"]);
        var domain = Single(templates.CommunicationServices, "Microsoft.Communication/emailServices/domains");
        Assert.Equal("AzureManaged", domain["properties"]!["domainManagement"]!.GetValue<string>());
        var smtpUser = Single(templates.CommunicationServices, "Microsoft.Communication/communicationServices/smtpUsernames");
        Assert.Equal("66666666-7777-8888-9999-000000000000", smtpUser["properties"]!["entraApplicationId"]!.GetValue<string>());
    }

    [Fact]
    public void AppSettings_NothingConfigured_LeaveEmailAndTeamsOff()
    {
        SkipWhenUnavailable();
        var settings = AppSettings(templates.Minimal);

        // Half-configured channels would fail the app's start-up validation, so a bare deployment turns them off.
        Assert.Equal("False", settings["Email__Enabled"]);
        Assert.Equal("False", settings["Teams__Enabled"]);
        Assert.DoesNotContain("Email__UserName", settings.Keys);
        Assert.DoesNotContain("Email__Password", settings.Keys);
        Assert.DoesNotContain(settings.Keys, k => k.StartsWith("Email__To__", StringComparison.Ordinal));
        Assert.Empty(OfType(templates.Minimal, "Microsoft.Communication/communicationServices"));
    }

    [Fact]
    public void KeyVault_Deployed_UsesRbacSoftDeleteAndPurgeProtection()
    {
        SkipWhenUnavailable();
        var vault = Single(templates.Relay, "Microsoft.KeyVault/vaults")["properties"]!;

        Assert.True(vault["enableRbacAuthorization"]!.GetValue<bool>());
        Assert.True(vault["enableSoftDelete"]!.GetValue<bool>());
        Assert.True(vault["enablePurgeProtection"]!.GetValue<bool>());
        Assert.False(vault["enabledForTemplateDeployment"]!.GetValue<bool>());
    }

    [Fact]
    public void ApplicationInsights_Deployed_AcceptsOnlyEntraIdTelemetry()
    {
        SkipWhenUnavailable();
        var component = Single(templates.Relay, "Microsoft.Insights/components")["properties"]!;
        var workspaceId = Id(Single(templates.Relay, "Microsoft.OperationalInsights/workspaces"));

        Assert.True(component["DisableLocalAuth"]!.GetValue<bool>());
        Assert.Equal(workspaceId, component["WorkspaceResourceId"]!.GetValue<string>());
        var authentication = AppSettings(templates.Relay)["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"];
        Assert.StartsWith("[format('ClientId={0};Authorization=AAD', reference('", authentication, StringComparison.Ordinal);
        Assert.Contains("userAssignedIdentities", authentication, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "Microsoft.Storage/storageAccounts")] // Storage Blob Data Owner
    [InlineData("974c5e8b-45b9-4653-ba55-5f855dd0fb88", "Microsoft.Storage/storageAccounts")] // Storage Queue Data Contributor
    [InlineData("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "Microsoft.Storage/storageAccounts")] // Storage Table Data Contributor
    [InlineData("4633458b-17de-408a-b874-0445c86b69e6", "Microsoft.KeyVault/vaults")] // Key Vault Secrets User
    [InlineData("3913510d-42f4-4e42-8a64-420c390055eb", "Microsoft.Insights/components")] // Monitoring Metrics Publisher
    public void RoleAssignments_AppIdentity_GetsRoleOnThatResourceOnly(string roleDefinitionId, string scopeType)
    {
        SkipWhenUnavailable();
        var scope = Id(Single(templates.Relay, scopeType));

        var assignment = Assert.Single(
            OfType(templates.Relay, "Microsoft.Authorization/roleAssignments"),
            a => a["properties"]!["roleDefinitionId"]!.GetValue<string>().EndsWith("/roleDefinitions/" + roleDefinitionId, StringComparison.Ordinal)
                && a["properties"]!["principalId"]!.GetValue<string>().Contains("Microsoft.ManagedIdentity/userAssignedIdentities", StringComparison.Ordinal));
        Assert.Equal(scope, ScopeOf(assignment));
        Assert.Equal("ServicePrincipal", assignment["properties"]!["principalType"]!.GetValue<string>());
    }

    [Fact]
    public void RoleAssignments_Deployed_AreScopedToSingleResources()
    {
        SkipWhenUnavailable();
        var assignments = OfType(templates.Relay, "Microsoft.Authorization/roleAssignments")
            .Concat(OfType(templates.CommunicationServices, "Microsoft.Authorization/roleAssignments"))
            .ToList();

        Assert.NotEmpty(assignments);
        // A scope of the resource group or subscription would end right after its name.
        Assert.All(assignments, a => Assert.Matches(ResourceScope(), ScopeOf(a)));
    }

    [Fact]
    public void RoleAssignments_Deployer_CanUploadAndSetSecretsButNotOwnData()
    {
        SkipWhenUnavailable();
        var granted = OfType(templates.Relay, "Microsoft.Authorization/roleAssignments")
            .Where(a => a["properties"]!["principalId"]!.GetValue<string>() == "11111111-2222-3333-4444-555555555555")
            .Select(a => a["properties"]!["roleDefinitionId"]!.GetValue<string>().Split('/')[^1])
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(
            ["0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "b86a8fe4-44ce-4948-aee5-eccb2c155cd7", "ba92f5b4-2d11-453d-a403-e96b0029c9fe"],
            granted);
    }

    [Fact]
    public void EventGridSubscription_Deployed_DeliversInboxBlobCreatedToBlobTrigger()
    {
        SkipWhenUnavailable();
        var subscription = Single(templates.EventGrid, "Microsoft.EventGrid/systemTopics/eventSubscriptions")["properties"]!;
        var endpoint = subscription["destination"]!["properties"]!["endpointUrl"]!.GetValue<string>();

        Assert.Equal("WebHook", subscription["destination"]!["endpointType"]!.GetValue<string>());
        Assert.StartsWith("[format('https://{0}/runtime/webhooks/blobs?functionName=Host.Functions.{1}&code={2}'", endpoint, StringComparison.Ordinal);
        Assert.Contains("'IngestDocument'", endpoint, StringComparison.Ordinal);
        Assert.Contains("/sites/func-test/host/default", endpoint, StringComparison.Ordinal);
        Assert.Contains(".systemKeys.blobs_extension", endpoint, StringComparison.Ordinal);
        Assert.Equal(["Microsoft.Storage.BlobCreated"], subscription["filter"]!["includedEventTypes"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("/blobServices/default/containers/inbox/", subscription["filter"]!["subjectBeginsWith"]!.GetValue<string>());
        Assert.Contains(FunctionSources(), source => source.Contains("[Function(nameof(IngestDocument))]", StringComparison.Ordinal));
    }

    [Fact]
    public void AppSettings_FunctionBindings_HaveEverySettingTheyName()
    {
        SkipWhenUnavailable();
        var settings = AppSettings(templates.Relay);
        var sources = string.Join('\n', FunctionSources());
        var expressions = AppSettingExpression().Matches(sources).Select(m => m.Groups[1].Value).Distinct().ToList();
        var connections = ConnectionName().Matches(sources).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.NotEmpty(expressions);
        Assert.NotEmpty(connections);
        // App settings are environment variables, where the configuration separator ':' is spelled '__'.
        Assert.All(expressions, name => Assert.Contains(name.Replace(":", "__", StringComparison.Ordinal), settings.Keys));
        Assert.All(connections, name => Assert.Equal("managedidentity", settings.GetValueOrDefault(name + "__credential")));
    }

    private void SkipWhenUnavailable() => Assert.SkipWhen(templates.SkipReason is not null, templates.SkipReason ?? string.Empty);

    /// <summary>The resource a role assignment applies to: its id up to "/providers/Microsoft.Authorization/".</summary>
    private static string ScopeOf(JsonObject assignment)
    {
        var id = Id(assignment);
        return id[..id.IndexOf("/providers/Microsoft.Authorization/roleAssignments/", StringComparison.Ordinal)];
    }

    private static List<string> FunctionSources() =>
        [.. Directory.EnumerateFiles(FunctionsDirectory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText)];

    [GeneratedRegex("AccountKey=|SharedAccessSignature=|DefaultEndpointsProtocol=|sig=|listKeys\\(", RegexOptions.IgnoreCase)]
    private static partial Regex SecretMaterial();

    [GeneratedRegex("listKeys\\(|listAccountSas\\(|listServiceSas\\(|listConnectionStrings\\(", RegexOptions.IgnoreCase)]
    private static partial Regex KeyListing();

    [GeneratedRegex("^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/[^/]+/[^/]+/[^/]+$")]
    private static partial Regex ResourceScope();

    [GeneratedRegex("\"%([A-Za-z0-9_:]+)%")]
    private static partial Regex AppSettingExpression();

    [GeneratedRegex("Connection\\s*=\\s*\"([A-Za-z0-9_:]+)\"")]
    private static partial Regex ConnectionName();
}
