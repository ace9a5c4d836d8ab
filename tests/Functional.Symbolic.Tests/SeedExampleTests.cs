using Functional.Symbolic;
using static Functional.AD;

namespace Functional.Symbolic.Tests;

/// <summary>The symbolic examples of the course notes (the seeds), with their results.</summary>
public class SeedExampleTests
{
    [Fact]
    public void Seed000_sympy_gradient_strings_and_lambdified_values()
    {
        // sympy: [x2*exp(x1*x2) + x2, x1*exp(x1*x2) + x1 - cos(x2)]; lambdify at (1, 2).
        var e = Expr.Parse("x1*x2 + exp(x1*x2) - sin(x2)");
        var g = e.Gradient("x1", "x2").Select(d => d.Simplify()).ToArray();
        Assert.Equal("x2*exp(x1*x2) + x2", g[0].ToString());
        Assert.Equal("x1*exp(x1*x2) + x1 - cos(x2)", g[1].ToString());
        Assert.Equal(16.7781121978613, g[0].Compile("x1", "x2")([1, 2]), 1e-12);
        Assert.Equal(8.805202935477793, g[1].Compile("x1", "x2")([1, 2]), 1e-12);
        Assert.Equal(8.47975867210497, e.Evaluate(new Dictionary<string, double> { ["x1"] = 1, ["x2"] = 2 }), 1e-13);
        // The same expression through reverse mode.
        var reverse = Grad(e.ToFunc("x1", "x2"))([1.0, 2.0]);
        Assert.Equal(16.7781121978613, reverse[0].Value, 1e-12);
        Assert.Equal(8.805202935477793, reverse[1].Value, 1e-12);
    }

    [Fact]
    public void Seed002_grad_of_x_squared_plus_two_to_the_x_prints_a_functional_form()
    {
        // f = x**2 + 2**x; grad(f, x) "prints a functional form of the derivative".
        var d = Expr.Parse("x**2 + 2**x").Diff("x").Simplify();
        Assert.Equal("2^x*log(2) + 2*x", d.ToString());
        Assert.Equal(Math.Pow(2, 1.5) * Math.Log(2) + 3, d.Evaluate(new Dictionary<string, double> { ["x"] = 1.5 }), 1e-13);
    }

    [Fact]
    public void Seed002_exp_of_minus_x_squared_by_the_chain_rule()
    {
        var d = Expr.Parse("exp(-x**2)").Diff("x").Simplify();
        Assert.Equal("-2*x*exp(-x^2)", d.ToString());
        Assert.Equal(-2 * 0.5 * Math.Exp(-0.25), d.Evaluate(new Dictionary<string, double> { ["x"] = 0.5 }), 1e-15);
    }

    [Fact]
    public void Seed003_logistic_map_derivatives_of_the_table()
    {
        // l1 = x, l_{n+1} = 4 l_n (1 − l_n); the table's d/dx l_2 = 4(1 − x) − 4x and d/dx l_3.
        var x = Expr.Var("x");
        var l2 = 4 * x * (1 - x);
        var l3 = 4 * l2 * (1 - l2);
        var d2 = l2.Diff("x");
        var d3 = l3.Diff("x");
        foreach (var v in new[] { -0.3, 0.1, 0.37, 0.9 })
        {
            var at = new Dictionary<string, double> { ["x"] = v };
            Assert.Equal(4 * (1 - v) - 4 * v, d2.Evaluate(at), 1e-13);
            var table = 16 * (1 - v) * Math.Pow(1 - 2 * v, 2) - 16 * v * Math.Pow(1 - 2 * v, 2) - 64 * v * (1 - v) * (1 - 2 * v);
            Assert.Equal(table, d3.Evaluate(at), 1e-12);
            Assert.Equal(table, d3.Simplify().Evaluate(at), 1e-12);
        }
        Assert.Equal("-8*x + 4", d2.Simplify().ToString());
    }

    [Fact]
    public void Seed003_soft_relu_derivative_with_respect_to_w()
    {
        // Mathematica: D[Log[1 + Exp[w x + b]], w] = e^(b + w x) x / (1 + e^(b + w x)) = x·sigmoid(w x + b).
        var d = Expr.Parse("log(1 + exp(w*x + b))").Diff("w").Simplify();
        Assert.Equal("x*sigmoid(w*x + b)", d.ToString());
        var at = new Dictionary<string, double> { ["w"] = 0.7, ["x"] = -1.3, ["b"] = 0.2 };
        var z = 0.7 * -1.3 + 0.2;
        Assert.Equal(Math.Exp(z) * -1.3 / (1 + Math.Exp(z)), d.Evaluate(at), 1e-14);
    }
}
