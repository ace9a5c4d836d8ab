using System.Text.Json;

namespace Functional.Cli.Tests;

/// <summary>The shape of <c>--json</c> (its documented keys) and the human report, in-process.</summary>
public class JsonOutputTests
{
    private const string Seed = "x1*x2 + exp(x1*x2) - sin(x2)";
    private static readonly double[] SeedGradient = [16.7781121978613, 8.805202935477793];

    [Fact]
    public void Json_has_exactly_the_keys_of_the_design()
    {
        var r = CliRunner.InProcess("diff", Seed, "--at", "x1=1,x2=2", "--json", "--hessian");
        Assert.Equal(Cli.Success, r.ExitCode);
        Assert.Equal("", r.Stderr);
        Assert.Single(r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var json = r.Json;
        Assert.Equal(["expr", "vars", "value", "gradient", "hessian", "derivatives"], Json.Keys(json));
        Assert.Equal(Seed, json.GetProperty("expr").GetString());
        Assert.Equal(["x1", "x2"], json.GetProperty("vars").EnumerateArray().Select(v => v.GetString()!));
        Assert.Equal(8.47975867210497, json.GetProperty("value").GetDouble());
        Assert.Equal(["forward", "reverse", "symbolic", "numeric"], Json.Keys(json.GetProperty("gradient")));
        Assert.Equal(["forward-over-reverse", "symbolic", "numeric"], Json.Keys(json.GetProperty("hessian")));
        Assert.Equal(["x1", "x2"], Json.Keys(json.GetProperty("derivatives")));
        Assert.Equal("x2*exp(x1*x2) + x2", json.GetProperty("derivatives").GetProperty("x1").GetString());
        Assert.Equal("x1*exp(x1*x2) + x1 - cos(x2)", json.GetProperty("derivatives").GetProperty("x2").GetString());
        foreach (var method in json.GetProperty("gradient").EnumerateObject())
        {
            var g = Json.Vector(method.Value);
            Assert.Equal(2, g.Length);
            for (var i = 0; i < 2; i++) Assert.Equal(SeedGradient[i], g[i], method.Name == "numeric" ? 1e-9 : 1e-13);
        }
        foreach (var method in json.GetProperty("hessian").EnumerateObject())
            Assert.Equal(2, Json.Matrix(method.Value).GetLength(0));
    }

    [Fact]
    public void Exact_modes_reproduce_the_seed_gradient_to_the_last_digit()
    {
        var gradient = CliRunner.InProcess("diff", Seed, "--at", "x1=1,x2=2", "--json").Json.GetProperty("gradient");
        foreach (var method in new[] { "forward", "reverse", "symbolic" })
            Assert.Equal(SeedGradient, Json.Vector(gradient.GetProperty(method)));
    }

    [Fact]
    public void Without_hessian_the_hessian_key_is_null()
    {
        var json = CliRunner.InProcess("diff", Seed, "--at", "x1=1,x2=2", "--json").Json;
        Assert.Equal(JsonValueKind.Null, json.GetProperty("hessian").ValueKind);
    }

    [Fact]
    public void Undefined_values_are_NaN_and_Infinity_strings_in_valid_json()
    {
        var log = CliRunner.InProcess("diff", "log(x)", "--at", "x=-1", "--json");
        Assert.Equal(Cli.Success, log.ExitCode);
        Assert.Equal("NaN", log.Json.GetProperty("value").GetString());
        Assert.Equal(-1, Json.Vector(log.Json.GetProperty("gradient").GetProperty("reverse"))[0]);   // the formula's value, the library's convention

        var reciprocal = CliRunner.InProcess("diff", "1/x", "--at", "x=0", "--json", "--hessian").Json;
        Assert.Equal("Infinity", reciprocal.GetProperty("value").GetString());
        Assert.Equal(double.NegativeInfinity, Json.Vector(reciprocal.GetProperty("gradient").GetProperty("forward"))[0]);
        Assert.Equal(double.PositiveInfinity, Json.Matrix(reciprocal.GetProperty("hessian").GetProperty("forward-over-reverse"))[0, 0]);

        // The strings are what System.Text.Json itself reads as named floating-point literals.
        var options = new JsonSerializerOptions { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };
        Assert.True(double.IsNaN(JsonSerializer.Deserialize<double>(log.Json.GetProperty("value").GetRawText(), options)));
    }

    [Fact]
    public void Undefined_values_print_honestly_in_the_human_report()
    {
        var root = CliRunner.InProcess("diff", "sqrt(x)", "--at", "x=-4");
        Assert.Equal(Cli.Success, root.ExitCode);
        Assert.Contains("value: NaN", root.Stdout);
        Assert.Contains(root.Stdout.Split('\n'), l => l.Trim().StartsWith("reverse") && l.EndsWith("NaN"));

        var log = CliRunner.InProcess("diff", "log(x)", "--at", "x=-1");
        Assert.Contains("largest disagreement: NaN, forward gives -1 where numeric gives NaN at d/dx", log.Stdout);
    }

    [Fact]
    public void No_variables_gives_empty_arrays()
    {
        var json = CliRunner.InProcess("diff", "2*pi", "--json", "--hessian").Json;
        Assert.Equal(2 * Math.PI, json.GetProperty("value").GetDouble());
        Assert.Empty(Json.Vector(json.GetProperty("gradient").GetProperty("numeric")));
        Assert.Empty(json.GetProperty("hessian").GetProperty("symbolic").EnumerateArray());
    }

    [Fact]
    public void Human_report_shows_value_four_gradients_disagreement_derivatives_and_hessians()
    {
        var r = CliRunner.InProcess("diff", Seed, "--at", "x1=1,x2=2", "--hessian");
        Assert.Equal(Cli.Success, r.ExitCode);
        var lines = r.Stdout.Split('\n').Select(l => l.TrimEnd()).ToList();
        Assert.Contains("value: 8.47975867210497", lines);
        foreach (var method in new[] { "forward", "reverse", "symbolic" })
            Assert.Contains(lines, l => l.Trim().StartsWith(method) && l.EndsWith("16.7781121978613   8.805202935477793"));
        Assert.Contains(lines, l => l.Trim().StartsWith("numeric") && l.Contains("16.7781121978"));
        Assert.Contains(lines, l => l.Trim().StartsWith("± error"));
        Assert.Contains(lines, l => l.StartsWith("largest disagreement: ") && l.Contains("e-1"));
        Assert.Contains("  d/dx1 = x2*exp(x1*x2) + x2", lines);
        Assert.Contains("  d/dx2 = x1*exp(x1*x2) + x1 - cos(x2)", lines);
        Assert.Contains("Hessian, forward-over-reverse", lines);
        Assert.Contains("Hessian, symbolic", lines);
        Assert.Contains("Hessian, numeric (Richardson)", lines);
        Assert.Contains(lines, l => l.Trim().StartsWith("x1") && l.Contains("29.5562243957226") && l.Contains("23.16716829679195"));
    }
}
