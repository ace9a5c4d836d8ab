using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Xml.Linq;

namespace Functional.Cli.Tests.Packaging;

/// <summary>
/// What a stranger does with the README's Install section: <c>dotnet pack</c> the solution, reference
/// the packages from a fresh C# and a fresh F# project, install the tool and run <c>functional</c>.
/// </summary>
public class PackageTests(PackedFeed packed) : IClassFixture<PackedFeed>
{
    private static readonly string[] Expected = ["Functional", "Functional.Cli", "Functional.FSharp"];

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    [Fact]
    public void Packing_the_solution_gives_exactly_the_library_the_FSharp_layer_and_the_tool()
    {
        var names = Directory.GetFiles(packed.Feed).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(Expected.Select(id => $"{id}.{packed.Version}.nupkg"), names);

        foreach (var id in Expected)
        {
            using var zip = ZipFile.OpenRead(Path.Combine(packed.Feed, $"{id}.{packed.Version}.nupkg"));
            var entries = zip.Entries.Select(e => e.FullName).ToHashSet();
            XNamespace ns = XDocument.Load(zip.GetEntry($"{id}.nuspec")!.Open()).Root!.Name.Namespace;
            var metadata = XDocument.Load(zip.GetEntry($"{id}.nuspec")!.Open()).Root!.Element(ns + "metadata")!;
            string Field(string name) => metadata.Element(ns + name)?.Value ?? "";

            Assert.Equal(id, Field("id"));
            Assert.Equal("MIT", Field("license"));
            Assert.Equal("expression", metadata.Element(ns + "license")!.Attribute("type")!.Value);
            Assert.True(Field("description").Length > 40, $"{id}: description '{Field("description")}'");
            Assert.NotEqual("", Field("authors"));
            Assert.Equal("PACKAGE.md", Field("readme"));

            // The package README is for package users: no links or paths into the repository.
            using var reader = new StreamReader(zip.GetEntry("PACKAGE.md")!.Open());
            var readme = reader.ReadToEnd();
            Assert.StartsWith("# ", readme);
            Assert.DoesNotMatch(@"\]\((?!https?://)", readme);                  // no relative Markdown links
            foreach (var repositoryPath in new[] { "DESIGN", "../", "src/", "samples/", "tests/", ".ci" })
                Assert.DoesNotContain(repositoryPath, readme);

            var library = id == "Functional.Cli" ? "tools/net10.0/any/Functional.Cli" : $"lib/net10.0/{id}";
            Assert.Contains($"{library}.dll", entries);
            Assert.Contains($"{library}.xml", entries);                          // XML documentation
        }

        using var tool = ZipFile.OpenRead(Path.Combine(packed.Feed, $"Functional.Cli.{packed.Version}.nupkg"));
        var settings = XDocument.Load(tool.GetEntry("tools/net10.0/any/DotnetToolSettings.xml")!.Open());
        Assert.Equal("functional", settings.Descendants("Command").Single().Attribute("Name")!.Value);
    }

    [Fact]
    public void A_fresh_CSharp_project_builds_and_runs_against_the_package()
    {
        var project = Path.Combine(packed.Root, "csharp-consumer");
        Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(project, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <InvariantGlobalization>true</InvariantGlobalization>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Functional" Version="{packed.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "Program.cs"), """
            using Functional;
            using Functional.Symbolic;
            using static Functional.AD;

            Func<Scalar[], Scalar> f = x => x[0] * x[1] + Scalar.Exp(x[0] * x[1]) - Scalar.Sin(x[1]);
            double[] point = [1.0, 2.0];
            double[] g = Grad(f)(point.ToScalars()).ToDoubles();
            Console.WriteLine(string.Join(" ", g.Select(v => v.ToString("R"))));
            Console.WriteLine(Derivative(Scalar.Sin, 3)(0.5).Value.ToString("R"));
            Console.WriteLine(Expr.Parse("x^3 + ln(x)").Diff("x").Evaluate(new Dictionary<string, double> { ["x"] = 2 }).ToString("R"));
            """);
        var lines = BuildAndRun(project, "Consumer.dll");
        var e2 = Math.Exp(2);
        var gradient = lines[0].Split(' ').Select(Number).ToArray();
        Assert.Equal(2 + 2 * e2, gradient[0], 12);            // x2 + x2·e^(x1 x2)
        Assert.Equal(1 + e2 - Math.Cos(2), gradient[1], 12);  // x1 + x1·e^(x1 x2) − cos x2
        Assert.Equal(-Math.Cos(0.5), Number(lines[1]), 14);
        Assert.Equal(12.5, Number(lines[2]), 14);             // 3x² + 1/x at 2
    }

    [Fact]
    public void A_fresh_FSharp_project_builds_without_warnings_and_runs_against_the_package()
    {
        var project = Path.Combine(packed.Root, "fsharp-consumer");
        Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(project, "Consumer.fsproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <InvariantGlobalization>true</InvariantGlobalization>
              </PropertyGroup>
              <ItemGroup>
                <Compile Include="Program.fs" />
              </ItemGroup>
              <ItemGroup>
                <PackageReference Include="Functional.FSharp" Version="{packed.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "Program.fs"), """
            open Functional
            open Functional.FSharp

            let f (v: Scalar[]) = v.[0] * v.[1] + exp (v.[0] * v.[1]) - sin v.[1]
            let g = scalars [| 1.0; 2.0 |] |> grad f |> floats
            printfn "%s" (g |> Array.map (fun v -> v.ToString "R") |> String.concat " ")
            printfn "%s" ((diff sin 0.5).Value.ToString "R")
            printfn "%s" ((diff (fun x -> pown x 3 + scalar 2.0 * x) 2.0).Value.ToString "R")
            printfn "%O" ("x^3 + sin(x)" |> Sym.parse |> Sym.diff "x" |> Sym.simplify)
            """);
        var lines = BuildAndRun(project, "Consumer.dll");
        var e2 = Math.Exp(2);
        var gradient = lines[0].Split(' ').Select(Number).ToArray();
        Assert.Equal(2 + 2 * e2, gradient[0], 12);
        Assert.Equal(1 + e2 - Math.Cos(2), gradient[1], 12);
        Assert.Equal(Math.Cos(0.5), Number(lines[1]), 15);
        Assert.Equal(14, Number(lines[2]), 13);               // 3x² + 2 at 2
        Assert.Equal("3*x^2 + cos(x)", lines[3]);
    }

    [Fact]
    public void The_tool_installs_and_runs_as_functional()
    {
        var tools = Path.Combine(packed.Root, "tools");
        Shell.DotnetOk(packed.Root, packed.Environment,
            "tool", "install", "Functional.Cli", "--tool-path", tools, "--version", packed.Version, "--add-source", packed.Feed);
        var functional = Path.Combine(tools, OperatingSystem.IsWindows() ? "functional.exe" : "functional");
        Assert.True(File.Exists(functional), $"{functional} was not installed");
        var runtime = new Dictionary<string, string> { ["DOTNET_ROOT"] = Path.GetDirectoryName(Path.GetFullPath(ResolveDotnet()))! };

        var r = Shell.Run(functional, ["diff", "x1*x2 + exp(x1*x2) - sin(x2)", "--at", "x1=1,x2=2", "--json", "--check"], packed.Root, runtime);
        Assert.True(r.ExitCode == 0, r.ToString());
        var json = JsonDocument.Parse(r.Stdout).RootElement;
        Assert.Equal(8.47975867210497, json.GetProperty("value").GetDouble(), 14);
        var reverse = json.GetProperty("gradient").GetProperty("reverse").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.Equal(2 + 2 * Math.Exp(2), reverse[0], 12);

        var help = Shell.Run(functional, ["--help"], packed.Root, runtime);
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("functional [command] [options]", help.Stdout);

        var bad = Shell.Run(functional, ["diff", "1/(x-1)", "--at", "x=1", "--check"], packed.Root, runtime);
        Assert.Equal(Cli.CheckFailed, bad.ExitCode);
        Assert.StartsWith("functional diff: check failed:", bad.Stderr);
    }

    private string[] BuildAndRun(string project, string assembly)
    {
        var output = Path.Combine(project, "out");
        Shell.DotnetOk(project, packed.Environment, "build", "-c", "Release", "-o", output, "--disable-build-servers");
        var run = Shell.Run(Shell.Dotnet, [Path.Combine(output, assembly)], project, packed.Environment);
        Assert.True(run.ExitCode == 0, run.ToString());
        return run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>The real path of the dotnet host, for DOTNET_ROOT (the apphost of a tool needs it when
    /// the SDK is not installed in a default location).</summary>
    private static string ResolveDotnet()
    {
        var host = Shell.Dotnet;
        if (Path.IsPathRooted(host)) return new FileInfo(host).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? host;
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(directory, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
            if (File.Exists(candidate)) return new FileInfo(candidate).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? candidate;
        }
        throw new FileNotFoundException("dotnet is not on the PATH");
    }
}
