namespace Functional.Core.Tests;

/// <summary>Every Taylor recurrence against the series built independently from the rule table's
/// derivative (<see cref="TaylorRules.ByDerivativeRule(UnaryPrimitive{Scalar}, double[], TaylorExpansion)"/>)
/// and against nested forward mode.</summary>
public class TaylorRuleTests
{
    private const int Order = 12;

    /// <summary>A non-trivial inner series, so that every coefficient of the input matters.</summary>
    private static double[] Input(double x0, double scale = 1.0)
    {
        var x = new double[Order + 1];
        x[0] = x0;
        for (var k = 1; k <= Order; k++) x[k] = scale * Math.Sin(k + x0) / k;
        return x;
    }

    public static TheoryData<string, double> UnaryPoints() => new()
    {
        { "neg", 0.3 }, { "sin", 0.3 }, { "cos", 1.2 }, { "tan", 0.4 }, { "asin", 0.3 }, { "acos", -0.4 }, { "atan", 0.8 },
        { "sinh", 0.5 }, { "cosh", -0.7 }, { "tanh", 0.6 }, { "exp", 0.9 }, { "log", 1.7 }, { "log1p", 0.4 },
        { "expm1", -0.3 }, { "sqrt", 2.2 }, { "abs", -1.3 }, { "sign", 0.5 }, { "relu", 0.7 }, { "sigmoid", -0.8 },
        { "softplus", 1.1 },
    };

    [Theory]
    [MemberData(nameof(UnaryPoints))]
    public void Unary_recurrence_equals_series_from_derivative_rule(string name, double x0)
    {
        var primitive = name == "neg" ? Primitives<Scalar>.Negate : Primitives<Scalar>.Unary[name];
        var owner = new TaylorExpansion(Order);
        var x = Input(x0, scale: 0.2);
        var fast = TaylorRules.Apply(primitive, x, owner);
        var reference = TaylorRules.ByDerivativeRule(primitive, x, owner);
        AssertClose(reference, fast, 1e-11, name);
    }

    public static TheoryData<string, double, double> BinaryPoints() => new()
    {
        { "+", 0.3, 1.2 }, { "-", 0.3, 1.2 }, { "*", 0.3, 1.2 }, { "/", 0.3, 1.2 }, { "pow", 1.4, 0.7 }, { "pow", 0.6, -1.3 },
        { "atan2", 0.5, -0.9 }, { "max", 0.5, 0.2 }, { "min", 0.5, 0.2 }, { "xlogy", 0.8, 1.5 },
    };

    [Theory]
    [MemberData(nameof(BinaryPoints))]
    public void Binary_recurrence_equals_series_from_derivative_rule(string name, double a0, double b0)
    {
        var primitive = name switch
        {
            "+" => Primitives<Scalar>.Add,
            "-" => Primitives<Scalar>.Subtract,
            "*" => Primitives<Scalar>.Multiply,
            "/" => Primitives<Scalar>.Divide,
            _ => Primitives<Scalar>.Binary[name],
        };
        var owner = new TaylorExpansion(Order);
        var a = Input(a0, 0.2);
        var b = Input(b0, -0.3);
        AssertClose(TaylorRules.ByDerivativeRule(primitive, a, b, owner), TaylorRules.Apply(primitive, a, b, owner), 1e-11, name);
        // A constant exponent takes the xʳ recurrence; it must agree with the general one.
        var constant = TaylorArithmetic.Constant(b0, Order + 1);
        AssertClose(TaylorRules.ByDerivativeRule(primitive, a, constant, owner), TaylorRules.Apply(primitive, a, constant, owner), 1e-11, name);
    }

    [Fact]
    public void Every_primitive_of_the_table_has_a_recurrence_or_a_fallback()
    {
        var owner = new TaylorExpansion(3);
        foreach (var primitive in Primitives<Scalar>.Unary.Values)
            Assert.Equal(4, TaylorRules.Apply(primitive, [0.5, 1, 0, 0], owner).Length);
        foreach (var primitive in Primitives<Scalar>.Binary.Values)
            Assert.Equal(4, TaylorRules.Apply(primitive, [0.5, 1, 0, 0], [0.25, 0, 0, 0], owner).Length);
    }

    [Fact]
    public void A_primitive_without_recurrence_uses_its_derivative_rule()
    {
        // A primitive the Taylor rules do not know by name, x ↦ x/(1 + x) with y′ = (1 − y)², expanded
        // at 1 from its rule alone: 1/(1 + x) = Σ (−1)ᵏ (x − 1)ᵏ / 2ᵏ⁺¹, so y = 1 − that.
        var unknown = new UnaryPrimitive<Scalar>("ratio", x => x / (1 + x), (x, y) => (1.0 - y) * (1.0 - y));
        var c = AD.Taylor(t => Scalar.Apply(unknown, t), 1.0, 10);
        for (var k = 0; k <= 10; k++)
            Assert.Equal((k == 0 ? 1.0 : 0.0) - (k % 2 == 0 ? 1.0 : -1.0) / Math.Pow(2, k + 1), c[k], 1e-15);
    }

    [Theory]
    [InlineData(0.4)]
    [InlineData(-1.3)]
    public void Erf_and_cbrt_recurrences_equal_their_derivative_rules(double x0)
    {
        // The core's erf and cbrt primitives are matched by name; here they are declared with
        // MathNet's erf and Math.Cbrt and their rules 2/√π·e^(−x²) and 1/(3y²).
        var erf = new UnaryPrimitive<Scalar>("erf", MathNet.Numerics.SpecialFunctions.Erf,
            (x, y) => 2.0 / Math.Sqrt(Math.PI) * Scalar.Exp(-(x * x)));
        var cbrt = new UnaryPrimitive<Scalar>("cbrt", Math.Cbrt, (x, y) => 1.0 / (3.0 * y * y));
        var owner = new TaylorExpansion(Order);
        var x = Input(x0, 0.2);
        foreach (var primitive in new[] { erf, cbrt })
            AssertClose(TaylorRules.ByDerivativeRule(primitive, x, owner), TaylorRules.Apply(primitive, x, owner), 1e-11, primitive.Name);
        // erf′ at x0 against the closed form, through the public entry point.
        Assert.Equal(2 / Math.Sqrt(Math.PI) * Math.Exp(-x0 * x0), AD.Taylor(t => Scalar.Apply(erf, t), x0, 3)[1], 1e-15);
    }

    [Fact]
    public void Recurrences_on_the_identity_series_match_nested_forward_mode()
    {
        double Factorial(int k) => k <= 1 ? 1 : k * Factorial(k - 1);
        foreach (var (name, primitive) in Primitives<Scalar>.Unary)
        {
            var x0 = name is "asin" or "acos" ? 0.3 : name is "log" or "sqrt" ? 1.4 : 0.6;
            Func<Scalar, Scalar> f = t => Scalar.Apply(primitive, t);
            var c = AD.Taylor(f, x0, 6);
            for (var k = 0; k <= 6; k++)
                Assert.True(Math.Abs(c[k] * Factorial(k) - AD.Derivative(f, k)(x0).Value) <= 1e-11 * Math.Max(1, Math.Abs(c[k] * Factorial(k))),
                    $"{name}, order {k}");
        }
    }

    private static void AssertClose(double[] expected, double[] actual, double tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var k = 0; k < expected.Length; k++)
            Assert.True(Math.Abs(expected[k] - actual[k]) <= tolerance * Math.Max(1, Math.Abs(expected[k])),
                $"{what}, coefficient {k}: expected {expected[k]:R}, got {actual[k]:R}");
    }
}
