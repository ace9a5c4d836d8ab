namespace Functional.Cli.Tests;

/// <summary>erf and cbrt reach the command line through the rule table alone.</summary>
public class NewPrimitiveCliTests
{
    [Fact]
    public void Diff_of_erf_and_cbrt_agrees_four_ways()
    {
        var r = CliRunner.InProcess("diff", "erf(x)*cbrt(y)", "--at", "x=0.6,y=-8", "--json");
        Assert.Equal(Cli.Success, r.ExitCode);
        var json = r.Json;
        double[] expected = [2 / Math.Sqrt(Math.PI) * Math.Exp(-0.36) * -2.0, MathNet.Numerics.SpecialFunctions.Erf(0.6) / 12.0];
        foreach (var method in new[] { "forward", "reverse", "symbolic" })
        {
            var g = Json.Vector(json.GetProperty("gradient").GetProperty(method));
            Assert.Equal(expected[0], g[0], 13);
            Assert.Equal(expected[1], g[1], 13);
        }
        var numeric = Json.Vector(json.GetProperty("gradient").GetProperty("numeric"));
        Assert.Equal(expected[0], numeric[0], 8);
        Assert.Equal(expected[1], numeric[1], 8);
    }
}
