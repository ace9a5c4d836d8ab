using Functional.Symbolic;
using static Functional.AD;

namespace Functional.Symbolic.Tests;

/// <summary>Symbolic = forward = reverse for every primitive of the rule table, at several points of its domain.</summary>
public class PrimitiveDerivativeTests
{
    private static readonly Expr X = Expr.Var("x");
    private static readonly Expr Y = Expr.Var("y");

    private static double[] Domain(string name) => name switch
    {
        "asin" or "acos" => [-0.9, -0.3, 0.0, 0.4, 0.8],
        "log" or "sqrt" => [0.1, 0.5, 1.0, 2.5, 40.0],
        "log1p" => [-0.5, 0.0, 1e-8, 0.7, 9.0],
        "tan" => [-1.2, -0.3, 0.0, 0.5, 1.4],
        "cbrt" => [-2.5, -0.7, 0.3, 1.1, 3.0], // cbrt'(0) = ∞
        _ => [-2.5, -0.7, 0.0, 0.3, 1.1, 3.0],
    };

    public static TheoryData<string> UnaryNames() => [.. Primitives<Expr>.Unary.Keys.Append("neg")];

    public static TheoryData<string> BinaryNames() => [.. Primitives<Expr>.Binary.Keys.Concat(["+", "-", "*", "/"])];

    private static Expr ApplyUnary(string name, Expr x) =>
        name == "neg" ? -x : Expr.Apply(Primitives<Expr>.Unary[name], x);

    private static Expr ApplyBinary(string name, Expr a, Expr b) => name switch
    {
        "+" => a + b, "-" => a - b, "*" => a * b, "/" => a / b,
        _ => Expr.Apply(Primitives<Expr>.Binary[name], a, b),
    };

    internal static void Close(double expected, double actual, double tolerance = 1e-12)
    {
        if (double.IsNaN(expected)) { Assert.True(double.IsNaN(actual), $"expected NaN, got {actual}"); return; }
        Assert.True(Math.Abs(expected - actual) <= tolerance * Math.Max(1, Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");
    }

    [Theory]
    [MemberData(nameof(UnaryNames))]
    public void Unary_symbolic_derivative_equals_forward_and_reverse_mode(string name)
    {
        var f = ApplyUnary(name, X);
        var df = f.Diff("x");
        var d2f = df.Diff("x");
        var scalar = f.ToFunc("x");
        var forward = Derivative(x => scalar([x]));
        var second = Derivative(x => scalar([x]), 2);
        var reverse = Grad(scalar);
        var compiled = df.Compile("x");
        foreach (var x in Domain(name))
        {
            var symbolic = df.Evaluate(new Dictionary<string, double> { ["x"] = x });
            Close(forward(x).Value, symbolic);
            Close(reverse([x])[0].Value, symbolic);
            Close(symbolic, compiled([x]));
            Close(second(x).Value, d2f.Evaluate(new Dictionary<string, double> { ["x"] = x }), 1e-10);
            Close(df.Simplify().Evaluate(new Dictionary<string, double> { ["x"] = x }), symbolic, 1e-12);
        }
    }

    [Theory]
    [MemberData(nameof(BinaryNames))]
    public void Binary_symbolic_partials_equal_forward_and_reverse_mode(string name)
    {
        var f = ApplyBinary(name, X, Y);
        var gradient = f.Gradient("x", "y");
        var scalar = f.ToFunc("x", "y");
        var reverse = Grad(scalar);
        (double, double)[] points = name is "pow" or "xlogy"
            ? [(0.5, 2.0), (1.7, -0.4), (2.0, 3.0), (3.2, 0.5)]
            : [(-1.5, 0.5), (0.3, 2.0), (2.0, -3.0), (1.25, 1.0), (-0.7, -2.2)];
        foreach (var (x, y) in points)
        {
            var at = new Dictionary<string, double> { ["x"] = x, ["y"] = y };
            var r = reverse([x, y]);
            var fx = Derivative(t => scalar([t, y]))(x).Value;
            var fy = Derivative(t => scalar([x, t]))(y).Value;
            Close(fx, gradient[0].Evaluate(at));
            Close(fy, gradient[1].Evaluate(at));
            Close(r[0].Value, gradient[0].Evaluate(at));
            Close(r[1].Value, gradient[1].Evaluate(at));
        }
    }

    [Fact]
    public void Non_smooth_conventions_match_the_modes()
    {
        // abs'(0) = 0, relu'(0) = 0, max/min split ties evenly.
        var at0 = new Dictionary<string, double> { ["x"] = 0, ["y"] = 0 };
        Assert.Equal(0.0, Expr.Abs(X).Diff("x").Evaluate(at0));
        Assert.Equal(0.0, Expr.Relu(X).Diff("x").Evaluate(at0));
        Assert.Equal(0.5, Expr.Max(X, Y).Diff("x").Evaluate(at0));
        Assert.Equal(0.5, Expr.Min(X, Y).Diff("y").Evaluate(at0));
        // d/dx x^3 at 0 is 0 and d/dy x^y at x = 0 is not NaN.
        Assert.Equal(0.0, Expr.Pow(X, 3).Diff("x").Evaluate(at0));
        Assert.False(double.IsNaN(Expr.Pow(X, Y + 2).Diff("y").Evaluate(at0)));
    }

    [Fact]
    public void Random_expressions_symbolic_gradient_equals_reverse_mode()
    {
        var rng = new Random(42);
        string[] vars = ["x", "y", "z"];
        var checkedCount = 0;
        for (var i = 0; i < 300; i++)
        {
            var e = RandomExpressions.Any(rng, 4, vars);
            var point = RandomExpressions.Point(rng, vars);
            var symbolic = e.Gradient(vars).Select(d => d.Evaluate(point)).ToArray();
            var reverse = Grad(e.ToFunc(vars))([.. vars.Select(v => (Scalar)point[v])]);
            for (var k = 0; k < vars.Length; k++)
            {
                if (!double.IsFinite(symbolic[k]) || !double.IsFinite(reverse[k].Value)) continue;
                Close(reverse[k].Value, symbolic[k], 1e-9);
                checkedCount++;
            }
        }
        Assert.True(checkedCount > 300);
    }
}
