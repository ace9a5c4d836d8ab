namespace Functional.Core.Tests;

/// <summary>AD.Taylor against closed forms to order 20, against SymPy, and against nested forward mode.</summary>
public class TaylorModeTests
{
    private const int Order = 20;

    private static double Factorial(int k)
    {
        var f = 1.0;
        for (var i = 2; i <= k; i++) f *= i;
        return f;
    }

    private static void AssertCoefficients(Func<int, double> expected, double[] actual, double tolerance = 1e-12)
    {
        Assert.Equal(Order + 1, actual.Length);
        for (var k = 0; k < actual.Length; k++)
        {
            var e = expected(k);
            Assert.True(Math.Abs(e - actual[k]) <= tolerance * Math.Abs(e) + 1e-300,
                $"coefficient {k}: expected {e:R}, got {actual[k]:R}");
        }
    }

    [Fact]
    public void Exp_has_coefficients_e_to_the_x_over_k_factorial()
    {
        const double x = 0.7;
        AssertCoefficients(k => Math.Exp(x) / Factorial(k), AD.Taylor(Scalar.Exp, x, Order));
    }

    [Fact]
    public void Sin_and_cos_cycle_through_quarter_turns()
    {
        const double x = 1.1;
        AssertCoefficients(k => Math.Sin(x + k * Math.PI / 2) / Factorial(k), AD.Taylor(Scalar.Sin, x, Order));
        AssertCoefficients(k => Math.Cos(x + k * Math.PI / 2) / Factorial(k), AD.Taylor(Scalar.Cos, x, Order));
    }

    [Fact]
    public void Log_has_alternating_harmonic_coefficients()
    {
        const double x = 2.0;
        AssertCoefficients(k => k == 0 ? Math.Log(x) : (k % 2 == 1 ? 1.0 : -1.0) / (k * Math.Pow(x, k)), AD.Taylor(Scalar.Log, x, Order));
    }

    [Fact]
    public void Sqrt_has_binomial_coefficients()
    {
        const double x = 3.0;
        AssertCoefficients(k =>
        {
            var binomial = 1.0; // (1/2 choose k)
            for (var i = 0; i < k; i++) binomial *= (0.5 - i) / (i + 1);
            return binomial * Math.Pow(x, 0.5 - k);
        }, AD.Taylor(Scalar.Sqrt, x, Order));
    }

    [Fact]
    public void Geometric_series_of_one_over_one_minus_x()
    {
        const double x = 0.25;
        AssertCoefficients(k => 1.0 / Math.Pow(1 - x, k + 1), AD.Taylor(t => 1.0 / (1.0 - t), x, Order));
    }

    [Fact]
    public void Product_exp_times_sin_rotates_by_eighth_turns()
    {
        // eˣ sin x = Im e^((1+i)x) ⇒ f⁽ᵏ⁾ = 2^(k/2) eˣ sin(x + kπ/4).
        const double x = 0.7;
        AssertCoefficients(k => Math.Pow(2, k / 2.0) * Math.Exp(x) * Math.Sin(x + k * Math.PI / 4) / Factorial(k),
            AD.Taylor(t => Scalar.Exp(t) * Scalar.Sin(t), x, Order));
    }

    [Fact]
    public void Composition_exp_of_exp_has_Bell_number_coefficients()
    {
        // e^(eˣ) = e · Σ Bₖ xᵏ/k!, Bell numbers from the Bell triangle.
        var bell = new double[Order + 1];
        var row = new List<double> { 1 };
        bell[0] = 1;
        for (var k = 1; k <= Order; k++)
        {
            var next = new List<double> { row[^1] };
            foreach (var v in row) next.Add(next[^1] + v);
            row = next;
            bell[k] = row[0];
        }
        AssertCoefficients(k => Math.E * bell[k] / Factorial(k), AD.Taylor(t => Scalar.Exp(Scalar.Exp(t)), 0.0, Order));
    }

    [Fact]
    public void Compositions_with_inverses_are_the_identity_series()
    {
        double Identity(int k, double x) => k == 0 ? x : k == 1 ? 1 : 0;
        foreach (var (f, x) in new (Func<Scalar, Scalar>, double)[]
        {
            (t => Scalar.Log(Scalar.Exp(t)), 0.3), (t => Scalar.Sin(Scalar.Asin(t)), 0.4), (t => Scalar.Cos(Scalar.Acos(t)), -0.2),
            (t => Scalar.Tan(Scalar.Atan(t)), 1.5), (t => Scalar.Tanh(Scalar.Log((1 + t) / (1 - t)) / 2), 0.3),
            (t => Scalar.Expm1(Scalar.Log1p(t)), 0.6), (t => Scalar.Pow(Scalar.Sqrt(t), 2.0), 2.0),
        })
        {
            var c = AD.Taylor(f, x, Order);
            for (var k = 0; k <= Order; k++) Assert.Equal(Identity(k, x), c[k], 1e-11);
        }
    }

    [Fact]
    public void Sin_of_exp_matches_SymPy_to_order_20()
    {
        // sympy: series(sin(exp(x)), x, 1/2, 21), coefficients evaluated to 20 digits.
        double[] expected =
        [
            0.99696538761396753472, -0.12834652741859805932, -1.4191897120861372495, -1.3182605307419719437,
            -0.40161047614815884563, 0.33884319115408043164, 0.54422387881505235215, 0.38923927582561163477,
            0.15693594139574608796, 0.0032224868080076761583, -0.052028744221933106352, -0.048898857339323947782,
            -0.028011416822047173754, -0.010464967976061089115, -0.0012705982441976343405, 0.0017287565654226769025,
            0.0018032657736623500672, 0.0010853683230034868888, 0.00046696994930031356757, 0.00013010767524767279899,
            -9.8550977712832659799e-8,
        ];
        var c = AD.Taylor(t => Scalar.Sin(Scalar.Exp(t)), 0.5, Order);
        for (var k = 0; k <= 19; k++)
            Assert.True(Math.Abs(c[k] - expected[k]) <= 1e-10 * Math.Abs(expected[k]), $"coefficient {k}: {c[k]:R} vs {expected[k]:R}");
        // c₂₀ is 10⁻⁷ while its terms are 10⁻³: cancellation leaves it accurate to 1e-10 of their size only.
        Assert.Equal(expected[20], c[20], 1e-12);
        // sympy: diff(sin(exp(x)), x, 10) at 1/2.
        Assert.True(Math.Abs(c[10] * Factorial(10) - -188801.90703255085633) <= 1e-10 * 188801.90703255085633);
    }

    [Fact]
    public void Derivative_of_order_k_agrees_with_nested_forward_mode()
    {
        foreach (var (f, x) in new (Func<Scalar, Scalar>, double)[]
        {
            (t => Scalar.Sin(Scalar.Exp(t)), 0.5), (t => Scalar.Tanh(t) * Scalar.Sigmoid(2 * t) + Scalar.Atan(t * t), -0.4),
            (t => Scalar.Pow(t, t) / (1 + Scalar.Softplus(t)), 1.3), (t => Scalar.Atan2(Scalar.Sinh(t), 2 + Scalar.Cosh(t)), 0.8),
            (t => Scalar.Xlogy(t, 1 + t * t) + Scalar.Asin(t / 3) * Scalar.Acos(t / 4), 0.9),
        })
        {
            var c = AD.Taylor(f, x, 8);
            for (var k = 0; k <= 8; k++)
            {
                var nested = AD.Derivative(f, k)(x).Value;
                Assert.True(Math.Abs(c[k] * Factorial(k) - nested) <= 1e-10 * Math.Max(1, Math.Abs(nested)),
                    $"order {k} at {x}: Taylor {c[k] * Factorial(k):R}, nested forward {nested:R}");
            }
        }
    }

    [Fact]
    public void Combinators_inside_the_expanded_function_work_on_series()
    {
        const double x = 0.6;
        var cos = AD.Taylor(Scalar.Cos, x, 10);
        Assert.Equal(cos, AD.Taylor(AD.Derivative(Scalar.Sin), x, 10), new RelativeComparer(1e-13));
        Assert.Equal(cos, AD.Taylor(AD.Grad(Scalar.Sin), x, 10), new RelativeComparer(1e-13));
    }

    [Fact]
    public void Powers_at_zero()
    {
        Assert.Equal([0, 0, 0, 1, 0, 0], AD.Taylor(t => Scalar.Pow(t, 3.0), 0.0, 5));
        Assert.Equal([1, 0, 0, 0], AD.Taylor(t => Scalar.Pow(t, 0.0), 0.0, 3));
        var root = AD.Taylor(t => Scalar.Pow(t, 2.5), 0.0, 3);
        Assert.Equal(0.0, root[0]);
        Assert.All(root[1..], c => Assert.True(double.IsNaN(c))); // t^2.5 has no Taylor series at 0
    }

    [Fact]
    public void Piecewise_functions_expand_their_active_piece()
    {
        Assert.Equal([2.0, -1, 0], AD.Taylor(Scalar.Abs, -2.0, 2));
        Assert.Equal([0.0, 0, 0], AD.Taylor(Scalar.Relu, -2.0, 2));
        Assert.Equal([3.0, 1, 0], AD.Taylor(t => Scalar.Max(t, 1.0), 3.0, 2));
        Assert.Equal([1.0, 0.5, 0], AD.Taylor(t => Scalar.Min(t, 1.0), 1.0, 2)); // a tie splits evenly
    }

    [Fact]
    public void Order_zero_and_constant_functions()
    {
        Assert.Equal([Math.Sin(2.0)], AD.Taylor(Scalar.Sin, 2.0, 0));
        Assert.Equal([5.0, 0, 0], AD.Taylor(_ => 5.0, 2.0, 2));
    }

    [Fact]
    public void Bad_calls_fail_with_clear_exceptions()
    {
        Assert.Throws<ArgumentNullException>(() => AD.Taylor(null!, 1.0, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => AD.Taylor(Scalar.Sin, 1.0, -1));
        // A variable of an enclosing differentiation would lose its derivative in plain doubles.
        var error = Assert.Throws<InvalidOperationException>(() => AD.Grad(a => AD.Taylor(t => a * t, 1.0, 2)[1])(2.0));
        Assert.Contains("enclosing differentiation", error.Message);
        Scalar leaked = default;
        AD.Taylor(t => leaked = Scalar.Sin(t), 1.0, 2);
        Assert.Throws<InvalidOperationException>(() => Scalar.Exp(leaked));
    }

    private sealed class RelativeComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= tolerance * Math.Max(1e-300, Math.Abs(a));
        public int GetHashCode(double value) => 0;
    }
}
