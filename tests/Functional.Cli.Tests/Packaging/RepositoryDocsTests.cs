using System.Text.RegularExpressions;

namespace Functional.Cli.Tests.Packaging;

/// <summary>The repository's documentation stands alone: nothing points outside it, its links resolve,
/// and the README's install commands name the version that <c>dotnet pack</c> produces.</summary>
public class RepositoryDocsTests
{
    private static readonly string Root = PackedFeed.RepositoryRoot();

    private static readonly string[] TextExtensions = [".md", ".cs", ".fs", ".fsx", ".csproj", ".fsproj", ".props", ".targets", ".sln", ".json", ".sh", ""];

    private static IEnumerable<string> RepositoryFiles()
    {
        var pending = new Stack<string>([Root]);
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            foreach (var file in Directory.GetFiles(directory))
                if (TextExtensions.Contains(Path.GetExtension(file)) && Path.GetFileName(file) != ".git") yield return file;
            foreach (var sub in Directory.GetDirectories(directory))
                if (Path.GetFileName(sub) is not ("bin" or "obj" or ".git" or "TestResults")) pending.Push(sub);
        }
    }

    [Fact]
    public void Nothing_in_the_repository_points_at_files_outside_it()
    {
        // Built from pieces so this file does not match itself.
        string[] outside = ["DESIGN" + ".md", ".." + "/shared", "/work" + "/shared", "shared" + "/seeds"];
        var offenders = RepositoryFiles()
            .SelectMany(file => outside.Where(File.ReadAllText(file).Contains).Select(o => $"{Path.GetRelativePath(Root, file)}: {o}"))
            .ToList();
        Assert.True(RepositoryFiles().Count() > 50, "the repository's files were not found");
        Assert.Empty(offenders);
    }

    [Fact]
    public void The_README_links_the_design_and_every_relative_link_resolves()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        Assert.Contains("(docs/design.md)", readme);
        foreach (var doc in Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Append(Path.Combine(Root, "README.md")))
            foreach (Match link in Regex.Matches(File.ReadAllText(doc), @"\]\((?!https?://|#)([^)#]+)"))
            {
                var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(doc)!, link.Groups[1].Value));
                Assert.True(File.Exists(target) || Directory.Exists(target), $"{Path.GetFileName(doc)} links {link.Groups[1].Value}, which does not exist");
            }
    }

    [Fact]
    public void The_install_commands_name_the_packed_version_and_the_tool_command()
    {
        var props = File.ReadAllText(Path.Combine(Root, "Directory.Build.props"));
        var version = Regex.Match(props, "<Version>([^<]+)</Version>").Groups[1].Value;
        Assert.Matches(@"^\d+\.\d+\.\d+", version);
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var install = readme[readme.IndexOf("## Install", StringComparison.Ordinal)..];
        install = install[..install.IndexOf("\n## ", 1, StringComparison.Ordinal)];
        Assert.Contains("dotnet pack Functional.sln", install);
        Assert.Contains($"dotnet add package Functional --version {version}", install);
        Assert.Contains($"dotnet add package Functional.FSharp --version {version}", install);
        Assert.Contains($"dotnet tool install -g Functional.Cli --version {version}", install);
        Assert.Contains("functional diff ", install);
    }
}
