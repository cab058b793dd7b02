using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Text.Json.Nodes;
using NewsDigest.IntegrationTests.Infrastructure;

namespace NewsDigest.IntegrationTests.Infra;

/// <summary>
/// The templates in infra/ compiled once per test class with the Bicep CLI from the NuGet package the test
/// project restores (Azure.Bicep.CommandLine.linux-x64): ARM JSON from <c>bicep build</c>, and
/// <c>bicep snapshot</c>s, which evaluate a template for given parameters into the resources a deployment would
/// create (names, ids, role definition ids and literal settings resolved; values known only after deployment
/// stay <c>[reference(...)]</c> expressions).
/// </summary>
public sealed class CompiledTemplates : IAsyncLifetime
{
    private const string SubscriptionId = "00000000-0000-0000-0000-00000000a2b1";
    private const string TenantId = "00000000-0000-0000-0000-00000000c3d4";
    private const string Location = "swedencentral";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(3);

    private string? _workDirectory;

    /// <summary>Parameters of the snapshot most tests read: an SMTP relay, two recipients, Teams on.</summary>
    public static IReadOnlyDictionary<string, string> RelayParameters { get; } = new Dictionary<string, string>
    {
        ["environmentName"] = "'test'",
        ["location"] = $"'{Location}'",
        ["principalId"] = "'11111111-2222-3333-4444-555555555555'",
        ["emailRecipients"] = "['desk@example.com', 'editor@example.com']",
        ["emailSender"] = "'digest@example.com'",
        ["smtpHost"] = "'smtp.example.com'",
        ["smtpUsername"] = "'digest'",
        ["postToTeams"] = "true",
        ["digestLocalTime"] = "'06:45'",
        ["digestTimeZone"] = "'Europe/Berlin'",
    };

    /// <summary>Parameters with Azure Communication Services Email instead of a relay.</summary>
    public static IReadOnlyDictionary<string, string> CommunicationServicesParameters { get; } = new Dictionary<string, string>
    {
        ["environmentName"] = "'test'",
        ["location"] = $"'{Location}'",
        ["emailRecipients"] = "['desk@example.com']",
        ["deployEmail"] = "true",
        ["smtpEntraApplicationId"] = "'66666666-7777-8888-9999-000000000000'",
        ["smtpServicePrincipalObjectId"] = "'99999999-8888-7777-6666-555555555555'",
    };

    /// <summary>Only what azd supplies.</summary>
    public static IReadOnlyDictionary<string, string> MinimalParameters { get; } = new Dictionary<string, string>
    {
        ["environmentName"] = "'test'",
        ["location"] = $"'{Location}'",
    };

    /// <summary>Why the templates could not be compiled on this machine, or null when they were.</summary>
    public string? SkipReason { get; private set; }

    /// <summary>infra/main.bicep as ARM JSON.</summary>
    public JsonObject MainTemplate { get; private set; } = [];

    /// <summary>What infra/main.bicep deploys with <see cref="RelayParameters"/>.</summary>
    public IReadOnlyList<JsonObject> Relay { get; private set; } = [];

    /// <summary>What infra/main.bicep deploys with <see cref="CommunicationServicesParameters"/>.</summary>
    public IReadOnlyList<JsonObject> CommunicationServices { get; private set; } = [];

    /// <summary>What infra/main.bicep deploys with <see cref="MinimalParameters"/>.</summary>
    public IReadOnlyList<JsonObject> Minimal { get; private set; } = [];

    /// <summary>What infra/eventgrid.bicep (the post-deploy step) deploys.</summary>
    public IReadOnlyList<JsonObject> EventGrid { get; private set; } = [];

    /// <summary>Everything the Bicep CLI printed while building the templates and main.bicepparam (warnings, lint findings).</summary>
    public IReadOnlyList<string> Diagnostics { get; private set; } = [];

    public static string InfraDirectory => Path.Combine(NodeTools.RepositoryRoot, "infra");

    public static string FunctionsDirectory => Path.Combine(NodeTools.RepositoryRoot, "src", "NewsDigest.Functions");

    public async ValueTask InitializeAsync()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            SkipReason = "The Bicep CLI package used here is linux-x64 only.";
            return;
        }

        var packageDirectory = typeof(CompiledTemplates).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "BicepPackageDirectory")?.Value;
        var bicep = string.IsNullOrEmpty(packageDirectory) ? null : Path.Combine(packageDirectory, "tools", "bicep");
        if (bicep is null || !File.Exists(bicep))
        {
            throw new InvalidOperationException(
                $"Bicep CLI not found at '{bicep}': restore the test project (it references Azure.Bicep.CommandLine.linux-x64).");
        }

        EnsureExecutable(bicep);
        var ct = TestContext.Current.CancellationToken;
        _workDirectory = Directory.CreateTempSubdirectory("newsdigest-infra-").FullName;

        var main = RunAsync(bicep, ["build", Path.Combine(InfraDirectory, "main.bicep"), "--stdout"], ct);
        var eventGrid = RunAsync(bicep, ["build", Path.Combine(InfraDirectory, "eventgrid.bicep"), "--stdout"], ct);
        var parameters = RunAsync(bicep, ["build-params", Path.Combine(InfraDirectory, "main.bicepparam"), "--stdout"], ct);
        var relay = SnapshotAsync(bicep, "relay", "main.bicep", RelayParameters, resourceGroup: null, ct);
        var communication = SnapshotAsync(bicep, "acs", "main.bicep", CommunicationServicesParameters, resourceGroup: null, ct);
        var minimal = SnapshotAsync(bicep, "minimal", "main.bicep", MinimalParameters, resourceGroup: null, ct);
        var subscription = SnapshotAsync(
            bicep,
            "eventgrid",
            "eventgrid.bicep",
            new Dictionary<string, string>
            {
                ["functionAppName"] = "'func-test'",
                ["systemTopicName"] = "'evgt-test'",
                ["inboxContainerName"] = "'inbox'",
            },
            resourceGroup: "rg-test",
            ct);
        await Task.WhenAll(main, eventGrid, parameters, relay, communication, minimal, subscription);

        MainTemplate = JsonNode.Parse((await main).Output)!.AsObject();
        Relay = await relay;
        CommunicationServices = await communication;
        Minimal = await minimal;
        EventGrid = await subscription;
        Diagnostics = [.. new[] { await main, await eventGrid, await parameters }
            .SelectMany(r => r.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
    }

    public ValueTask DisposeAsync()
    {
        if (_workDirectory is not null)
        {
            Directory.Delete(_workDirectory, recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The one predicted resource of <paramref name="type"/>.</summary>
    public static JsonObject Single(IEnumerable<JsonObject> resources, string type) =>
        Assert.Single(resources, r => Type(r) == type);

    public static IEnumerable<JsonObject> OfType(IEnumerable<JsonObject> resources, string type) =>
        resources.Where(r => Type(r) == type);

    public static string Type(JsonObject resource) => resource["type"]!.GetValue<string>();

    public static string Id(JsonObject resource) => resource["id"]!.GetValue<string>();

    /// <summary>The function app's settings, by name.</summary>
    public static Dictionary<string, string> AppSettings(IEnumerable<JsonObject> resources) =>
        Single(resources, "Microsoft.Web/sites")["properties"]!["siteConfig"]!["appSettings"]!.AsArray()
            .Select(s => s!.AsObject())
            .ToDictionary(s => s["name"]!.GetValue<string>(), s => s["value"]!.GetValue<string>(), StringComparer.Ordinal);

    [UnsupportedOSPlatform("windows")]
    private static void EnsureExecutable(string path)
    {
        // NuGet does not always keep the executable bit when it extracts a package.
        var mode = File.GetUnixFileMode(path);
        if ((mode & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
    }

    private async Task<IReadOnlyList<JsonObject>> SnapshotAsync(
        string bicep,
        string name,
        string template,
        IReadOnlyDictionary<string, string> parameters,
        string? resourceGroup,
        CancellationToken cancellationToken)
    {
        // A parameters file must name its template by a relative path; the snapshot is written beside it.
        var parametersFile = Path.Combine(_workDirectory!, name + ".bicepparam");
        var templatePath = Path.GetRelativePath(_workDirectory!, Path.Combine(InfraDirectory, template)).Replace('\\', '/');
        var lines = new List<string> { $"using '{templatePath}'" };
        lines.AddRange(parameters.Select(p => $"param {p.Key} = {p.Value}"));
        await File.WriteAllLinesAsync(parametersFile, lines, cancellationToken);

        List<string> arguments =
        [
            "snapshot", parametersFile, "--mode", "overwrite",
            "--subscription-id", SubscriptionId, "--tenant-id", TenantId, "--location", Location,
        ];
        if (resourceGroup is not null)
        {
            arguments.AddRange(["--resource-group", resourceGroup]);
        }

        var (_, errors) = await RunAsync(bicep, [.. arguments], cancellationToken);
        var snapshot = JsonNode.Parse(await File.ReadAllTextAsync(Path.ChangeExtension(parametersFile, ".snapshot.json"), cancellationToken))!;
        var diagnostics = snapshot["diagnostics"]?.AsArray() ?? [];
        return diagnostics.Count == 0 && errors.Length == 0
            ? [.. snapshot["predictedResources"]!.AsArray().Select(r => r!.AsObject())]
            : throw new InvalidOperationException($"bicep snapshot of {template} reported: {diagnostics.ToJsonString()} {errors}");
    }

    private static async Task<(string Output, string Errors)> RunAsync(string bicep, string[] arguments, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(bicep)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = InfraDirectory,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {bicep}.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CommandTimeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var (stdout, stderr) = (await output, await errors);
        return process.ExitCode == 0
            ? (stdout, stderr)
            : throw new InvalidOperationException($"bicep {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{stderr}");
    }
}
