using System.Diagnostics;

namespace Functional.Cli.Tests.Packaging;

/// <summary>What a child process printed.</summary>
public sealed record ProcessOutput(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Everything it printed, for failure messages.</summary>
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>Runs the .NET SDK and built programs as child processes with a clean environment.</summary>
public static class Shell
{
    /// <summary>The dotnet host running the tests (or the one on the PATH).</summary>
    public static string Dotnet =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>Runs <paramref name="program"/> in <paramref name="directory"/>; variables of the test
    /// host's own MSBuild and test runner are removed, <paramref name="environment"/> is added.</summary>
    public static ProcessOutput Run(string program, IEnumerable<string> args, string directory,
        IReadOnlyDictionary<string, string>? environment = null, int timeoutSeconds = 300)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var key in start.Environment.Keys.ToList())
            if (key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                || key.Equals("MSBuildExtensionsPath", StringComparison.OrdinalIgnoreCase)
                || key.Equals("MSBUILD_EXE_PATH", StringComparison.OrdinalIgnoreCase)
                || key.Equals("MSBuildSDKsPath", StringComparison.OrdinalIgnoreCase)
                || key.Equals("MSBuildLoadMicrosoftTargetsReadOnly", StringComparison.OrdinalIgnoreCase))
                start.Environment.Remove(key);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeoutSeconds * 1000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish in {timeoutSeconds} s");
        }
        return new ProcessOutput(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Runs the SDK (<c>dotnet …</c>) and asserts it succeeded.</summary>
    public static ProcessOutput DotnetOk(string directory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var r = Run(Dotnet, args, directory, environment);
        Assert.True(r.ExitCode == 0, $"dotnet {string.Join(' ', args)} failed: {r}");
        return r;
    }
}
