using MathNet.Numerics;

namespace Functional.Symbolic.Tests;

/// <summary>erf and cbrt, added to the rule table alone, parse, print, evaluate, compile and differentiate.</summary>
public class NewPrimitiveTests
{
    [Fact]
    public void Erf_and_cbrt_parse_print_and_differentiate()
    {
        var e = Expr.Parse("erf(x) * cbrt(y)");
        Assert.Equal("erf(x)*cbrt(y)", e.ToString());
        Assert.Equal(e, Expr.Parse(e.ToString()));
        var at = new Dictionary<string, double> { ["x"] = 0.6, ["y"] = -8.0 };
        Assert.Equal(SpecialFunctions.Erf(0.6) * -2.0, e.Evaluate(at), 14);
        var dx = e.Diff("x").Simplify().Evaluate(at);
        var dy = e.Diff("y").Simplify().Evaluate(at);
        Assert.Equal(2 / Math.Sqrt(Math.PI) * Math.Exp(-0.36) * -2.0, dx, 13);
        Assert.Equal(SpecialFunctions.Erf(0.6) / (3 * 4.0), dy, 13);
        Assert.Equal(dx, e.Diff("x").Compile("x", "y")([0.6, -8.0]), 13);
        Assert.Equal(Expr.Erf(Expr.Var("x")) * Expr.Cbrt(Expr.Var("y")), e);
    }
}
