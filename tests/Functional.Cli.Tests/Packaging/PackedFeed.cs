namespace Functional.Cli.Tests.Packaging;

/// <summary>
/// Packs the solution once, as a user's <c>dotnet pack</c> would, into a local feed in a temporary
/// folder, with a NuGet.config for consumers there. Nothing of the repository is touched: its files are
/// copied (without bin/obj) and packed in the copy, with a version unique to this run so no cached
/// package of the same version can stand in. Consumers restore into a private packages folder that falls
/// back on the user's (read-only) for the third-party packages (FSharp.Core, FsCheck), so no download is
/// needed once the solution itself has been restored.
/// </summary>
public sealed class PackedFeed : IDisposable
{
    /// <summary>The temporary folder holding everything.</summary>
    public string Root { get; }

    /// <summary>The local feed: the .nupkg files of <c>dotnet pack Functional.sln</c>.</summary>
    public string Feed { get; }

    /// <summary>The packages' version.</summary>
    public string Version { get; }

    /// <summary>Environment for consumer processes: the private packages folder.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    public PackedFeed()
    {
        Root = Path.Combine(Path.GetTempPath(), "functional-pack-" + Guid.NewGuid().ToString("N")[..12]);
        Feed = Path.Combine(Root, "feed");
        Version = $"0.2.0-check.{DateTime.UtcNow:yyyyMMddHHmmss}";
        Directory.CreateDirectory(Feed);
        var copy = Path.Combine(Root, "repo");
        CopyRepository(RepositoryRoot(), copy);
        Shell.DotnetOk(copy, null, "pack", "Functional.sln", "-c", "Release", "-o", Feed, $"-p:Version={Version}", "--disable-build-servers");

        var userPackages = System.Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } p
            ? p : Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var packages = Path.Combine(Root, "packages");
        File.WriteAllText(Path.Combine(Root, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="functional-local" value="{Feed}" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="user" value="{userPackages}" />
              </fallbackPackageFolders>
            </configuration>
            """);
        Environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = packages };
    }

    /// <summary>The folder above the tests holding Functional.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Functional.sln"))) return d.FullName;
        throw new DirectoryNotFoundException("Functional.sln not found above " + AppContext.BaseDirectory);
    }

    private static readonly HashSet<string> Skipped = ["bin", "obj", ".git", "TestResults", ".vs", ".idea"];

    /// <summary>Copies the repository's files without build output; iterative (no recursion over folders).</summary>
    private static void CopyRepository(string from, string to)
    {
        var pending = new Stack<(string From, string To)>();
        pending.Push((from, to));
        while (pending.Count > 0)
        {
            var (source, target) = pending.Pop();
            Directory.CreateDirectory(target);
            foreach (var file in Directory.GetFiles(source))
                if (!Skipped.Contains(Path.GetFileName(file)))   // a worktree's .git is a file
                    File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
            foreach (var directory in Directory.GetDirectories(source))
                if (!Skipped.Contains(Path.GetFileName(directory)))
                    pending.Push((directory, Path.Combine(target, Path.GetFileName(directory))));
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
