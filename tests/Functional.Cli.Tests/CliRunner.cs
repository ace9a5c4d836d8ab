using System.Diagnostics;
using System.Text.Json;

namespace Functional.Cli.Tests;

/// <summary>What one run of the tool printed.</summary>
public sealed record CliOutput(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The non-empty lines of standard error.</summary>
    public string[] ErrorLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Standard output parsed as JSON.</summary>
    public JsonElement Json => JsonDocument.Parse(Stdout).RootElement.Clone();
}

/// <summary>Runs the tool in-process through <see cref="Cli.Run"/>, or as the built program in a process.</summary>
public static class CliRunner
{
    public static CliOutput InProcess(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Cli.Run(args, stdout, stderr);
        return new CliOutput(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The built tool: the test project references the CLI project, so its dll (with its
    /// runtimeconfig) is copied beside the tests; otherwise the CLI project's own output folder.</summary>
    public static string ToolPath
    {
        get
        {
            var here = AppContext.BaseDirectory;
            var beside = Path.Combine(here, "Functional.Cli.dll");
            if (File.Exists(beside) && File.Exists(Path.Combine(here, "Functional.Cli.runtimeconfig.json"))) return beside;
            // tests/Functional.Cli.Tests/bin/<Configuration>/net10.0/ → samples/Functional.Cli/bin/<Configuration>/net10.0/
            var tfm = new DirectoryInfo(here.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = tfm.Parent!.Name;
            var repo = tfm.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
            return Path.Combine(repo, "samples", "Functional.Cli", "bin", configuration, tfm.Name, "Functional.Cli.dll");
        }
    }

    public static CliOutput AsProcess(params string[] args)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ToolPath);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the tool did not finish: {string.Join(' ', args)}");
        }
        return new CliOutput(process.ExitCode, stdout.Result, stderr.Result);
    }
}
