using System.Text.Json.Nodes;
using NewsDigest.IntegrationTests.Infrastructure;

namespace NewsDigest.IntegrationTests.Functions;

/// <summary>
/// The Release build output of src/NewsDigest.Functions: the files the Functions host reads when it starts the app
/// (<c>functions.metadata</c>, <c>extensions.json</c>, <c>host.json</c>, the worker's <c>.deps.json</c>). Core Tools
/// cannot be installed on every machine, so these are what the tests check instead of a running host.
/// </summary>
internal static class FunctionsBuildOutput
{
    /// <summary>
    /// artifacts/bin/NewsDigest.Functions/release beside this test assembly's own output folder
    /// (artifacts/bin/NewsDigest.IntegrationTests/&lt;configuration&gt;), wherever ArtifactsPath points.
    /// </summary>
    public static string Directory { get; } = Path.GetFullPath(
        Path.Combine(AppContext.BaseDirectory, "..", "..", "NewsDigest.Functions", "release"));

    public static string SourceDirectory => Path.Combine(NodeTools.RepositoryRoot, "src", "NewsDigest.Functions");

    public static JsonArray Metadata => ReadJson("functions.metadata").AsArray();

    public static JsonObject Extensions => ReadJson("extensions.json").AsObject();

    public static JsonObject HostJson => ReadJson("host.json").AsObject();

    public static JsonObject Dependencies => ReadJson("NewsDigest.Functions.deps.json").AsObject();

    public static JsonObject RuntimeConfig => ReadJson("NewsDigest.Functions.runtimeconfig.json").AsObject();

    /// <summary>The <c>Values</c> of local.settings.example.json, by name.</summary>
    public static Dictionary<string, string> LocalSettings() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(SourceDirectory, "local.settings.example.json")))!["Values"]!.AsObject()
            .ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal);

    /// <summary>One function's entry in functions.metadata.</summary>
    public static JsonObject Function(string name) =>
        Assert.Single(Metadata, f => f!["name"]!.GetValue<string>() == name)!.AsObject();

    /// <summary>The binding of a function that has <paramref name="type"/>, such as httpTrigger or timerTrigger.</summary>
    public static JsonObject Binding(string function, string type) =>
        Assert.Single(Function(function)["bindings"]!.AsArray(), b => b!["type"]!.GetValue<string>() == type)!.AsObject();

    private static JsonNode ReadJson(string fileName)
    {
        var path = Path.Combine(Directory, fileName);
        Assert.True(
            File.Exists(path),
            $"{path} is missing: build the Functions app in Release first (dotnet build src/NewsDigest.Functions -c Release; eng/test.sh does).");
        return JsonNode.Parse(File.ReadAllText(path))!;
    }
}
