using Functional.Symbolic;
using static Functional.AD;

namespace Functional.Symbolic.Tests;

/// <summary>Every traversal on DAGs 10^5 deep: no recursion, no stack overflow.</summary>
public class DeepExpressionTests
{
    private const int Depth = 100_000;

    [Fact]
    public void Every_operation_works_on_a_loop_built_sum()
    {
        var x = Expr.Var("x");
        var e = Expr.Var("y");
        for (var i = 1; i <= Depth; i++) e = e + x * i;
        var at = new Dictionary<string, double> { ["x"] = 0.5, ["y"] = 2 };
        var sum = (double)Depth * (Depth + 1) / 2;
        Assert.Equal(0.5 * sum + 2, e.Evaluate(at), 1e-6);
        Assert.Equal(["x", "y"], e.Variables);
        Assert.Equal(3 * Depth, e.NodeCount);          // y, x and per step: i, i*x, the sum
        Assert.Equal(4 * Depth - 1, (int)e.TreeSize);
        var d = e.Diff("x");
        Assert.Equal(sum, d.Evaluate(at), 1e-6);
        Assert.Equal("5000050000", d.Simplify().ToString());
        Assert.Equal("5000050000*x + y", e.Simplify().ToString());
        var text = e.ToString();
        Assert.StartsWith("y + x + 2*x + 3*x", text);
        Assert.Same(e, Expr.Parse(text));
        Assert.Equal(e.GetHashCode(), Expr.Parse(text).GetHashCode());
        Assert.StartsWith(@"y + x + 2 x", e.ToLatex());
        Assert.Equal(e.Evaluate(at), e.Compile("x", "y")([0.5, 2]), 1e-6);
        Assert.Equal(sum, Grad(e.ToFunc("x", "y"))([0.5, 2.0])[0].Value, 1e-6);
    }

    [Fact]
    public void Every_operation_works_on_a_deep_function_chain()
    {
        var e = Expr.Var("x");
        for (var i = 0; i < Depth; i++) e = Expr.Sin(e);
        var at = new Dictionary<string, double> { ["x"] = 0.3 };
        double v = 0.3, dv = 1;
        for (var i = 0; i < Depth; i++) { dv *= Math.Cos(v); v = Math.Sin(v); }
        Assert.Equal(v, e.Evaluate(at), 1e-12);
        var d = e.Diff("x");
        Assert.Equal(dv, d.Evaluate(at), 1e-12);
        Assert.Equal(dv, d.Simplify().Evaluate(at), 1e-12);
        Assert.Equal(v, e.Compile("x")([0.3]), 1e-12);
        Assert.Equal(dv, Derivative(x => e.ToFunc("x")([x]))(0.3).Value, 1e-12);
        Assert.Same(e, Expr.Parse(e.ToString()));
        Assert.StartsWith(@"\sin\left(\sin\left(", e.ToLatex());
        Assert.Equal(e, e.Simplify());
    }
}
