using System.Text.Json.Nodes;

namespace NewsDigest.IntegrationTests.Functions;

/// <summary>
/// What the Functions host reads from the Release build output: the functions and their triggers, the extensions
/// it loads, host.json, and the worker packages the app runs on.
/// </summary>
public sealed class HostFilesTests
{
    public static TheoryData<string, string> Triggers => new()
    {
        { "IngestDocument", "blobTrigger" },
        { "ReconcileInbox", "timerTrigger" },
        { "SendDailyDigest", "timerTrigger" },
        { "GetLatestSummary", "httpTrigger" },
        { "GetPendingSummary", "httpTrigger" },
        { "GetDigest", "httpTrigger" },
        { "ListDigests", "httpTrigger" },
        { "GetDocument", "httpTrigger" },
    };

    public static TheoryData<string, string> Routes => new()
    {
        { "GetLatestSummary", "summary/latest" },
        { "GetPendingSummary", "summary/pending" },
        { "GetDigest", "digests/{date}" },
        { "ListDigests", "digests" },
        { "GetDocument", "documents/{id}" },
    };

    [Fact]
    public void Metadata_Build_ListsExactlyTheEightFunctions()
    {
        var names = FunctionsBuildOutput.Metadata.Select(f => f!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal);

        Assert.Equal(Triggers.Select(row => row.Data.Item1).Order(StringComparer.Ordinal), names);
    }

    [Theory]
    [MemberData(nameof(Triggers))]
    public void Metadata_Function_HasOneTriggerOfItsKind(string function, string trigger)
    {
        var triggers = FunctionsBuildOutput.Function(function)["bindings"]!.AsArray()
            .Where(b => b!["type"]!.GetValue<string>().EndsWith("Trigger", StringComparison.Ordinal))
            .Select(b => b!["type"]!.GetValue<string>());

        Assert.Equal([trigger], triggers);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public void Metadata_HttpFunction_IsAGetOnItsRouteBehindAFunctionKey(string function, string route)
    {
        var binding = FunctionsBuildOutput.Binding(function, "httpTrigger");

        Assert.Equal(route, binding["route"]!.GetValue<string>());
        Assert.Equal(["get"], binding["methods"]!.AsArray().Select(m => m!.GetValue<string>().ToLowerInvariant()));
        Assert.Equal("Function", binding["authLevel"]!.GetValue<string>());
        Assert.Contains(FunctionsBuildOutput.Function(function)["bindings"]!.AsArray(), b => b!["type"]!.GetValue<string>() == "http");
    }

    [Fact]
    public void Metadata_IngestDocument_IsAnEventGridBlobTriggerOnTheInboxContainer()
    {
        var binding = FunctionsBuildOutput.Binding("IngestDocument", "blobTrigger");

        Assert.Equal("%Storage:InboxContainer%/{name}", binding["path"]!.GetValue<string>());
        Assert.Equal("EventGrid", binding["source"]!.GetValue<string>());
        Assert.Equal("InboxStorage", binding["connection"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("ReconcileInbox")]
    [InlineData("SendDailyDigest")]
    public void Metadata_Timer_HasAValidScheduleLocallyAndInAzure(string function)
    {
        var schedule = FunctionsBuildOutput.Binding(function, "timerTrigger")["schedule"]!.GetValue<string>();
        var local = FunctionsBuildOutput.LocalSettings();

        var resolved = ResolveSetting(schedule, local);

        Assert.True(NcrontabExpression.IsValid(resolved), $"'{resolved}' (from '{schedule}') is not a six-field NCRONTAB expression.");
    }

    [Fact]
    public void Dependencies_WorkerPackages_ShareOneVersion()
    {
        // A mix (Worker 2.51 with Worker.Core 2.52) compiles but fails every invocation in a real host.
        var libraries = FunctionsBuildOutput.Dependencies["libraries"]!.AsObject().Select(p => p.Key).ToList();
        string[] family = ["Microsoft.Azure.Functions.Worker", "Microsoft.Azure.Functions.Worker.Core", "Microsoft.Azure.Functions.Worker.Grpc"];

        var versions = family.Select(name => Assert.Single(libraries, l => l.StartsWith(name + "/", StringComparison.Ordinal)).Split('/')[1]).ToList();

        Assert.Single(versions.Distinct());
    }

    [Fact]
    public void Extensions_Build_ListBlobStorageAndTheMetadataLoaderOnly()
    {
        var extensions = FunctionsBuildOutput.Extensions["extensions"]!.AsArray().Select(e => e!.AsObject()).ToList();

        // Timer and HTTP triggers are built into the host, so the worker build lists no extension for them.
        Assert.Equal(2, extensions.Count);
        Assert.Contains(extensions, e => e["typeName"]!.GetValue<string>().StartsWith(
            "Microsoft.Azure.WebJobs.Extensions.Storage.AzureStorageBlobsWebJobsStartup, Microsoft.Azure.WebJobs.Extensions.Storage.Blobs,", StringComparison.Ordinal));
        Assert.Contains(extensions, e => e["typeName"]!.GetValue<string>().StartsWith(
            "Microsoft.Azure.WebJobs.Extensions.FunctionMetadataLoader.Startup,", StringComparison.Ordinal));
        Assert.All(extensions, e => Assert.True(
            File.Exists(Path.Combine(FunctionsBuildOutput.Directory, e["hintPath"]!.GetValue<string>())),
            $"{e["hintPath"]} is not in the build output."));
    }

    [Fact]
    public void RuntimeConfig_Collector_ConservesMemoryAsTheToolDoes()
    {
        // The digest's memory is measured with the command-line tool: the worker must run with the same collector setting.
        var options = FunctionsBuildOutput.RuntimeConfig["runtimeOptions"]!["configProperties"]!;

        Assert.Equal(7, options["System.GC.ConserveMemory"]!.GetValue<int>());
        Assert.Null(options["System.GC.Server"]);
    }

    [Fact]
    public void HostJson_Output_IsForTheV4HostWithDocumentedSettingsOnly()
    {
        var host = FunctionsBuildOutput.HostJson;
        string[] topLevel = ["version", "functionTimeout", "logging", "extensions", "aggregator", "concurrency", "healthMonitor", "retry", "singleton", "watchDirectories", "telemetryMode"];
        string[] blobSettings = ["maxDegreeOfParallelism", "poisonBlobThreshold"];

        Assert.Equal("2.0", host["version"]!.GetValue<string>());
        // Extension bundles are for non-.NET workers; the isolated worker brings its extensions in .azurefunctions.
        Assert.All(host.Select(p => p.Key), key => Assert.Contains(key, topLevel));
        Assert.All(host["extensions"]!.AsObject().Select(p => p.Key), key => Assert.Equal("blobs", key));
        Assert.All(host["extensions"]!["blobs"]!.AsObject().Select(p => p.Key), key => Assert.Contains(key, blobSettings));
        Assert.True(TimeSpan.TryParse(host["functionTimeout"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, out var timeout));
        Assert.InRange(timeout, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(30));
    }

    /// <summary>A binding value with its <c>%Name%</c> expressions replaced from app settings (':' spelled '__').</summary>
    internal static string ResolveSetting(string value, IReadOnlyDictionary<string, string> settings)
    {
        var parts = value.Split('%');
        for (var i = 1; i < parts.Length; i += 2)
        {
            var name = parts[i].Replace(":", "__", StringComparison.Ordinal);
            Assert.True(settings.TryGetValue(name, out var resolved), $"Setting '{name}' is not defined.");
            parts[i] = resolved;
        }

        return string.Concat(parts);
    }
}
