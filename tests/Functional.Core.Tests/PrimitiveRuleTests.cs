using MathNet.Numerics.Differentiation;

namespace Functional.Core.Tests;

/// <summary>Every primitive: forward mode, reverse mode, the closed form and an independent finite
/// difference (MathNet.Numerics) agree, to first and second order, at several points of its domain.</summary>
public class PrimitiveRuleTests
{
    public record Case(string Name, Func<Scalar, Scalar> F, Func<double, double> Reference, Func<double, double> ClosedFormDerivative, double[] Points)
    {
        public override string ToString() => Name;
    }

    private static double Sig(double x) => 1 / (1 + Math.Exp(-x));

    public static readonly Case[] Cases =
    [
        new("sin", Scalar.Sin, Math.Sin, Math.Cos, [-2.5, -0.3, 0.0, 0.7, 3.0]),
        new("cos", Scalar.Cos, Math.Cos, x => -Math.Sin(x), [-2.5, -0.3, 0.0, 0.7, 3.0]),
        new("tan", Scalar.Tan, Math.Tan, x => 1 / (Math.Cos(x) * Math.Cos(x)), [-1.2, -0.3, 0.0, 0.7, 1.4]),
        new("asin", Scalar.Asin, Math.Asin, x => 1 / Math.Sqrt(1 - x * x), [-0.9, -0.3, 0.0, 0.5, 0.8]),
        new("acos", Scalar.Acos, Math.Acos, x => -1 / Math.Sqrt(1 - x * x), [-0.9, -0.3, 0.0, 0.5, 0.8]),
        new("atan", Scalar.Atan, Math.Atan, x => 1 / (1 + x * x), [-5.0, -0.3, 0.0, 0.7, 12.0]),
        new("sinh", Scalar.Sinh, Math.Sinh, Math.Cosh, [-3.0, -0.3, 0.0, 0.7, 2.0]),
        new("cosh", Scalar.Cosh, Math.Cosh, Math.Sinh, [-3.0, -0.3, 0.1, 0.7, 2.0]),
        new("tanh", Scalar.Tanh, Math.Tanh, x => 1 / (Math.Cosh(x) * Math.Cosh(x)), [-3.0, -0.3, 0.0, 0.7, 2.0]),
        new("exp", Scalar.Exp, Math.Exp, Math.Exp, [-4.0, -0.3, 0.0, 0.7, 5.0]),
        new("log", Scalar.Log, Math.Log, x => 1 / x, [0.01, 0.3, 1.0, 2.7, 50.0]),
        new("log1p", Scalar.Log1p, x => Math.Log(1 + x), x => 1 / (1 + x), [-0.9, -0.3, 0.01, 0.7, 9.0]),
        new("expm1", Scalar.Expm1, x => Math.Exp(x) - 1, Math.Exp, [-3.0, -0.3, 0.01, 0.7, 2.0]),
        new("sqrt", Scalar.Sqrt, Math.Sqrt, x => 0.5 / Math.Sqrt(x), [0.01, 0.3, 1.0, 2.7, 50.0]),
        new("cbrt", Scalar.Cbrt, Math.Cbrt, x => 1 / (3 * Math.Cbrt(x) * Math.Cbrt(x)), [-8.0, -0.3, 0.2, 1.0, 27.0]),
        new("erf", Scalar.Erf, MathNet.Numerics.SpecialFunctions.Erf, x => 2 / Math.Sqrt(Math.PI) * Math.Exp(-x * x), [-2.5, -0.3, 0.0, 0.7, 3.0]),
        new("abs", Scalar.Abs, Math.Abs, x => Math.Sign(x), [-3.0, -0.3, 0.7, 2.0]),
        new("sigmoid", Scalar.Sigmoid, Sig, x => Sig(x) * (1 - Sig(x)), [-6.0, -0.3, 0.0, 0.7, 4.0]),
        new("softplus", Scalar.Softplus, x => Math.Log(1 + Math.Exp(x)), Sig, [-6.0, -0.3, 0.0, 0.7, 4.0]),
        new("relu", Scalar.Relu, x => Math.Max(x, 0), x => x > 0 ? 1 : 0, [-3.0, -0.3, 0.7, 2.0]),
        new("x^2.5", x => Scalar.Pow(x, 2.5), x => Math.Pow(x, 2.5), x => 2.5 * Math.Pow(x, 1.5), [0.1, 0.7, 1.0, 3.0]),
        new("x^3 (negative base)", x => Scalar.Pow(x, 3.0), x => x * x * x, x => 3 * x * x, [-2.0, -0.5, 0.5, 2.0]),
        new("2^x", x => Scalar.Pow(2.0, x), x => Math.Pow(2, x), x => Math.Pow(2, x) * Math.Log(2), [-2.0, 0.0, 0.5, 3.0]),
        new("x^x", x => Scalar.Pow(x, x), x => Math.Pow(x, x), x => Math.Pow(x, x) * (Math.Log(x) + 1), [0.3, 1.0, 2.0]),
        new("atan2(x, 2)", x => Scalar.Atan2(x, 2.0), x => Math.Atan2(x, 2), x => 2 / (x * x + 4), [-3.0, 0.0, 1.5]),
        new("atan2(1.5, x)", x => Scalar.Atan2(1.5, x), x => Math.Atan2(1.5, x), x => -1.5 / (x * x + 2.25), [-3.0, 0.5, 1.5]),
        new("max(x, 1)", x => Scalar.Max(x, 1.0), x => Math.Max(x, 1), x => x > 1 ? 1 : 0, [-2.0, 0.5, 1.5, 3.0]),
        new("min(x, 1)", x => Scalar.Min(x, 1.0), x => Math.Min(x, 1), x => x < 1 ? 1 : 0, [-2.0, 0.5, 1.5, 3.0]),
        new("xlogy(x, 3)", x => Scalar.Xlogy(x, 3.0), x => x * Math.Log(3), x => Math.Log(3), [-2.0, 0.5, 1.5]),
        new("xlogy(2, x)", x => Scalar.Xlogy(2.0, x), x => 2 * Math.Log(x), x => 2 / x, [0.5, 1.5, 4.0]),
        new("x*x", x => x * x, x => x * x, x => 2 * x, [-2.0, 0.0, 1.5]),
        new("1/x", x => 1.0 / x, x => 1 / x, x => -1 / (x * x), [-2.0, 0.3, 1.5]),
        new("x/3 - x", x => x / 3.0 - x, x => x / 3 - x, x => 1.0 / 3 - 1, [-2.0, 0.3]),
        new("-x + 4", x => -x + 4.0, x => 4 - x, x => -1, [-2.0, 0.3]),
    ];

    public static TheoryData<Case> All => [.. Cases];

    [Fact]
    public void Every_entry_of_the_rule_table_has_a_case()
    {
        // The cases are the table's tests: a primitive added to the table without one fails here.
        var named = Cases.Select(c => c.Name).ToList();
        foreach (var name in Primitives<Scalar>.Unary.Keys.Where(n => n != "sign"))
            Assert.Contains(name, named);
        foreach (var name in Primitives<Scalar>.Binary.Keys.Select(n => n == "pow" ? "^" : n + "("))
            Assert.Contains(named, n => n.Contains(name));
    }

    private static void Close(double expected, double actual, double relative, string what)
    {
        var scale = Math.Max(1.0, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= relative * scale, $"{what}: expected {expected:R}, got {actual:R}");
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Value_matches_the_reference(Case c)
    {
        foreach (var x in c.Points) Close(c.Reference(x), c.F(x).Value, 1e-14, $"{c.Name}({x})");
    }

    [Theory]
    [MemberData(nameof(All))]
    public void First_derivative_forward_reverse_closed_form_and_finite_difference_agree(Case c)
    {
        var finite = new NumericalDerivative(5, 2) { StepType = StepType.RelativeX };
        foreach (var x in c.Points)
        {
            var forward = Derivative(c.F)(x).Value;
            var reverse = Grad(c.F)(x).Value;
            var closed = c.ClosedFormDerivative(x);
            Close(closed, forward, 1e-13, $"forward {c.Name}'({x})");
            Close(closed, reverse, 1e-13, $"reverse {c.Name}'({x})");
            Close(closed, finite.EvaluateDerivative(c.Reference, x, 1), 1e-7, $"finite difference {c.Name}'({x})");
        }
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Second_derivative_agrees_across_all_four_nestings_and_finite_difference(Case c)
    {
        var finite = new NumericalDerivative(5, 2) { StepType = StepType.RelativeX };
        foreach (var x in c.Points)
        {
            var ff = Derivative(Derivative(c.F))(x).Value;
            var fr = Derivative(Grad(c.F))(x).Value;
            var rf = Grad(Derivative(c.F))(x).Value;
            var rr = Grad(Grad(c.F))(x).Value;
            var numeric = finite.EvaluateDerivative(c.ClosedFormDerivative, x, 1);
            Close(ff, fr, 1e-12, $"{c.Name}'' fwd/fwd vs fwd/rev at {x}");
            Close(ff, rf, 1e-12, $"{c.Name}'' fwd/fwd vs rev/fwd at {x}");
            Close(ff, rr, 1e-12, $"{c.Name}'' fwd/fwd vs rev/rev at {x}");
            Close(numeric, ff, 1e-6, $"{c.Name}'' vs finite difference at {x}");
        }
    }

    [Theory]
    [InlineData(1.3, 0.7)]
    [InlineData(-0.4, 2.2)]
    [InlineData(2.0, -1.5)]
    public void Binary_partials_by_both_modes_match_closed_forms(double a, double b)
    {
        (string Name, Func<Scalar, Scalar, Scalar> F, double Da, double Db)[] cases =
        [
            ("a+b", (x, y) => x + y, 1, 1),
            ("a-b", (x, y) => x - y, 1, -1),
            ("a*b", (x, y) => x * y, b, a),
            ("a/b", (x, y) => x / y, 1 / b, -a / (b * b)),
            ("atan2", Scalar.Atan2, b / (a * a + b * b), -a / (a * a + b * b)),
            ("max", Scalar.Max, a > b ? 1 : 0, a > b ? 0 : 1),
            ("min", Scalar.Min, a < b ? 1 : 0, a < b ? 0 : 1),
            ("|a|^b", (x, y) => Scalar.Pow(Scalar.Abs(x), y),
                b * Math.Pow(Math.Abs(a), b - 1) * Math.Sign(a), Math.Pow(Math.Abs(a), b) * Math.Log(Math.Abs(a))),
        ];
        foreach (var (name, f, da, db) in cases)
        {
            var (ra, rb) = Grad(f)(a, b);
            var jac = JacFwd(x => [f(x[0], x[1])])([a, b]);
            Close(da, ra.Value, 1e-13, $"reverse ∂{name}/∂a");
            Close(db, rb.Value, 1e-13, $"reverse ∂{name}/∂b");
            Close(da, jac[0, 0].Value, 1e-13, $"forward ∂{name}/∂a");
            Close(db, jac[0, 1].Value, 1e-13, $"forward ∂{name}/∂b");
        }
    }
}
