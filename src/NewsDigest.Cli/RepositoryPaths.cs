namespace NewsDigest.Cli;

/// <summary>Where the tool finds the repository it was built from, and the evaluation corpora beside it.</summary>
internal static class RepositoryPaths
{
    /// <summary>The folder holding FunctionsApp.sln at or above the current directory (or the tool's own folder).</summary>
    public static string? FindRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "FunctionsApp.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        return null;
    }

    /// <summary>../shared/corpora/readability-test-pages beside the repository root; null outside a checkout.</summary>
    public static string? ReadabilityCorpus() =>
        FindRoot() is { } root
            ? Path.GetFullPath(Path.Combine(root, "..", "shared", "corpora", "readability-test-pages"))
            : null;
}
