using Functional.Symbolic;

namespace Functional.Symbolic.Tests;

public class CompileTests
{
    [Fact]
    public void Compile_and_ToFunc_agree_with_Evaluate_on_random_expressions()
    {
        var rng = new Random(11);
        string[] vars = ["x", "y", "z"];
        for (var i = 0; i < 300; i++)
        {
            var e = RandomExpressions.Any(rng, 5, vars);
            var compiled = e.Compile(vars);
            var scalar = e.ToFunc(vars);
            for (var k = 0; k < 3; k++)
            {
                var point = RandomExpressions.Point(rng, vars);
                var expected = e.Evaluate(point);
                double[] args = [.. vars.Select(v => point[v])];
                Assert.Equal(expected, compiled(args));   // the same operations in the same order: bit for bit
                Assert.Equal(expected, scalar([.. args.Select(a => (Scalar)a)]).Value);
            }
        }
    }

    [Fact]
    public void Shared_subexpressions_are_computed_once()
    {
        var x = Expr.Var("x");
        var e = x;
        for (var i = 0; i < 60; i++) e = Expr.Sin(e) * Expr.Sin(e);   // a tree of 2^60 nodes, a DAG of 121
        Assert.Equal(121, e.NodeCount);
        Assert.True(e.TreeSize > System.Numerics.BigInteger.Pow(2, 60));
        var f = e.Compile("x");
        Assert.Equal(e.Evaluate(new Dictionary<string, double> { ["x"] = 0.3 }), f([0.3]));
    }

    [Fact]
    public void Bad_calls_throw_with_a_message()
    {
        var e = Expr.Parse("x*y");
        var f = e.Compile("x", "y");
        var error = Assert.Throws<ArgumentException>(() => f([1.0]));
        Assert.Contains("1 entries", error.Message);
        Assert.Throws<ArgumentException>(() => e.ToFunc("x", "y")([1.0, 2.0, 3.0]));
        Assert.Contains("'y'", Assert.Throws<ArgumentException>(() => e.Compile("x")).Message);
        Assert.Throws<ArgumentException>(() => e.Compile("x", "y", "x"));
        var missing = Assert.Throws<KeyNotFoundException>(() => e.Evaluate(new Dictionary<string, double> { ["x"] = 1 }));
        Assert.Contains("'y'", missing.Message);
        Assert.Equal(6.0, e.Compile("z", "y", "x")([0, 2, 3]));   // extra and reordered parameters are fine
    }

    [Fact]
    public void Gradient_of_a_thousand_term_expression_compiles_and_agrees()
    {
        var (e, vars) = Workloads.ThousandTerms();
        var gradient = e.Gradient(vars);
        var rng = new Random(3);
        double[] point = [.. vars.Select(_ => rng.NextDouble())];
        var at = vars.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => point[p.i]);
        for (var k = 0; k < vars.Length; k += 7)
            Assert.Equal(gradient[k].Evaluate(at), gradient[k].Compile(vars)(point), 1e-12);
    }
}
