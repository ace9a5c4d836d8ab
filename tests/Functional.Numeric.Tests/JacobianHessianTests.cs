namespace Functional.Numeric.Tests;

/// <summary>Jacobians and Hessians of known functions against their closed forms.</summary>
public class JacobianHessianTests
{
    /// <summary>Polar to Cartesian: (r, θ) ↦ (r cos θ, r sin θ, r²).</summary>
    private static double[] Polar(double[] p) => [p[0] * Math.Cos(p[1]), p[0] * Math.Sin(p[1]), p[0] * p[0]];

    private static double[,] PolarJacobian(double r, double t) => new[,]
    {
        { Math.Cos(t), -r * Math.Sin(t) },
        { Math.Sin(t), r * Math.Cos(t) },
        { 2 * r, 0.0 },
    };

    public static TheoryData<DifferenceScheme, double> Schemes => new()
    {
        { DifferenceScheme.Forward, 1e-6 }, { DifferenceScheme.Central, 1e-9 }, { DifferenceScheme.Richardson, 1e-12 },
    };

    [Theory]
    [MemberData(nameof(Schemes))]
    public void Jacobian_of_polar_coordinates(DifferenceScheme scheme, double tolerance)
    {
        var j = FiniteDifference.Jacobian(Polar, [2.0, 0.6], scheme);
        AssertClose(PolarJacobian(2.0, 0.6), j, tolerance);
    }

    [Fact]
    public void Jacobian_with_error_bounds_the_true_error()
    {
        var j = FiniteDifference.JacobianWithError(Polar, [2.0, 0.6]);
        var exact = PolarJacobian(2.0, 0.6);
        Assert.Equal(3, j.GetLength(0));
        Assert.Equal(2, j.GetLength(1));
        for (var a = 0; a < 3; a++)
            for (var b = 0; b < 2; b++)
                Assert.True(Math.Abs(j[a, b].Value - exact[a, b]) <= j[a, b].Error + 1e-15, $"J[{a},{b}] = {j[a, b]}, exact {exact[a, b]:R}");
    }

    /// <summary>The seed function x₁x₂ + e^(x₁x₂) − sin x₂.</summary>
    private static double Seed(double[] x) => x[0] * x[1] + Math.Exp(x[0] * x[1]) - Math.Sin(x[1]);

    private static double[,] SeedHessian(double a, double b)
    {
        var e = Math.Exp(a * b);
        return new[,]
        {
            { b * b * e, 1 + e + a * b * e },
            { 1 + e + a * b * e, a * a * e + Math.Sin(b) },
        };
    }

    public static TheoryData<DifferenceScheme, double> HessianSchemes => new()
    {
        { DifferenceScheme.Forward, 1e-4 }, { DifferenceScheme.Central, 1e-6 }, { DifferenceScheme.Richardson, 1e-10 },
    };

    [Theory]
    [MemberData(nameof(HessianSchemes))]
    public void Hessian_of_the_seed_function(DifferenceScheme scheme, double tolerance)
    {
        var h = FiniteDifference.Hessian(Seed, [1.0, 2.0], scheme);
        AssertClose(SeedHessian(1.0, 2.0), h, tolerance);
        Assert.Equal(h[0, 1], h[1, 0]);
    }

    [Fact]
    public void Hessian_of_Rosenbrock_and_its_error_estimate()
    {
        static double Rosenbrock(double[] x) => Math.Pow(1 - x[0], 2) + 100 * Math.Pow(x[1] - x[0] * x[0], 2);
        double a = -1.2, b = 1.0;
        double[,] exact = { { 2 - 400 * (b - a * a) + 800 * a * a, -400 * a }, { -400 * a, 200 } };
        var h = FiniteDifference.HessianWithError(Rosenbrock, [a, b]);
        for (var i = 0; i < 2; i++)
            for (var j = 0; j < 2; j++)
            {
                Assert.True(Math.Abs(h[i, j].Value - exact[i, j]) <= 1e-10 * Math.Abs(exact[i, j]), $"H[{i},{j}] = {h[i, j]}");
                Assert.True(Math.Abs(h[i, j].Value - exact[i, j]) <= h[i, j].Error);
            }
    }

    [Fact]
    public void Hessian_of_a_three_variable_quadratic_is_its_matrix()
    {
        // f = ½ xᵀAx + bᵀx, Hessian A exactly (central differences are exact on quadratics up to round-off)
        double[,] a = { { 4, 1, -2 }, { 1, 3, 0.5 }, { -2, 0.5, 6 } };
        double F(double[] x)
        {
            var s = 0.0;
            for (var i = 0; i < 3; i++)
            {
                s += x[i] * (i + 1);
                for (var j = 0; j < 3; j++) s += 0.5 * x[i] * a[i, j] * x[j];
            }
            return s;
        }

        AssertClose(a, FiniteDifference.Hessian(F, [0.3, -1.0, 2.0]), 1e-6);
        AssertClose(a, FiniteDifference.Hessian(F, [0.3, -1.0, 2.0], DifferenceScheme.Richardson), 1e-10);
    }

    [Fact]
    public void Numeric_Hessian_agrees_with_forward_over_reverse_AD()
    {
        Func<Scalar[], Scalar> f = x => x[0] * x[1] + Scalar.Exp(x[0] * x[1]) - Scalar.Sin(x[1]);
        var ad = AD.Hessian(f)([1.0, 2.0]).ToDoubles();
        AssertClose(ad, FiniteDifference.Hessian(Seed, [1.0, 2.0], DifferenceScheme.Richardson), 1e-10);
    }

    private static void AssertClose(double[,] expected, double[,] actual, double relative)
    {
        Assert.Equal(expected.GetLength(0), actual.GetLength(0));
        Assert.Equal(expected.GetLength(1), actual.GetLength(1));
        for (var i = 0; i < expected.GetLength(0); i++)
            for (var j = 0; j < expected.GetLength(1); j++)
                Assert.True(Math.Abs(actual[i, j] - expected[i, j]) <= relative * Math.Max(Math.Abs(expected[i, j]), 1),
                    $"[{i},{j}]: {actual[i, j]:R} vs {expected[i, j]:R}");
    }
}
