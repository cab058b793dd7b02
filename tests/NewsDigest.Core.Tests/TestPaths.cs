using System.Reflection;

namespace NewsDigest.Tests;

/// <summary>Where the repository's sample documents and the shared evaluation corpora are.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = typeof(TestPaths).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .First(a => a.Key == "RepositoryRoot").Value!;

    public static string Seeds => Path.Combine(RepositoryRoot, "seeds");

    /// <summary><c>../shared/corpora</c> beside the repository; absent on a user's machine, so tests skip without it.</summary>
    public static string Corpora => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "corpora"));

    public static string Seed(string prefix) =>
        Directory.EnumerateFiles(Seeds, prefix + "_*").Single();
}
