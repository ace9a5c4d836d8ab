using Functional.Symbolic;

namespace Functional.Symbolic.Tests;

public class HashConsingTests
{
    [Fact]
    public void Structurally_equal_expressions_are_one_node()
    {
        var x = Expr.Var("x");
        Assert.Same(x * Expr.Sin(x) + 1, Expr.Parse("x*sin(x) + 1"));
        Assert.Same(Expr.Const(double.NaN), Expr.Const(BitConverter.Int64BitsToDouble(unchecked((long)0xFFF8000000000001UL))));
        Assert.NotSame(Expr.Const(0.0), Expr.Const(-0.0));
        Assert.True(Expr.Parse("a + b") == Expr.Var("a") + Expr.Var("b"));
        Assert.True(Expr.Parse("a + b") != Expr.Parse("b + a"));
        Assert.Equal(Expr.Parse("exp(a)*b").GetHashCode(), (Expr.Exp(Expr.Var("a")) * Expr.Var("b")).GetHashCode());
        var e = x;
        for (var i = 0; i < 30; i++) e = e * e + x;   // shared: 2 nodes a step
        Assert.Equal(61, e.NodeCount);
    }

    [Fact]
    public void Threads_building_the_same_expressions_get_the_same_nodes()
    {
        var texts = Enumerable.Range(0, 200).Select(i => RandomExpressions.Any(new Random(1000 + i), 5, ["p", "q"]).ToString()).ToArray();
        var results = new Expr[8][];
        Parallel.For(0, 8, t => results[t] = [.. texts.Select(Expr.Parse).Select(e => e.Diff("p").Simplify())]);
        for (var t = 1; t < 8; t++)
            for (var i = 0; i < texts.Length; i++)
                Assert.Same(results[0][i], results[t][i]);
    }

    [Fact]
    public void Operator_and_function_metadata()
    {
        var e = Expr.Parse("atan2(y, -x)");
        Assert.Equal(ExprKind.Binary, e.Kind);
        Assert.Equal("atan2", e.Operator);
        Assert.Equal("neg", e.Right!.Operator);
        Assert.Equal("x", e.Right.Left!.Name);
        Assert.Equal(["x", "y"], e.Variables);
        Assert.Equal(@"\operatorname{atan2}\left(y, -x\right)", e.ToLatex());
        Assert.Equal(@"\frac{x_{1}}{2} + \sqrt{x}^{2}", (Expr.Var("x1") / 2 + Expr.Pow(Expr.Sqrt(Expr.Var("x")), 2)).ToLatex());
    }
}
