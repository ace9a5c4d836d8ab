using static Functional.AD;

namespace Functional.Core.Tests;

/// <summary>AD.Hessian takes the traced route at plain points and forward-over-reverse otherwise; both
/// give the same Hessian, and every case a trace cannot record falls back.</summary>
public class HessianRouteTests
{
    private static Scalar F(Scalar[] x) => Scalar.Sin(x[0]) * x[1] * x[1] + Scalar.Exp(0.1 * x[0] * x[1]) + (x[0] > 0 ? x[0] * x[0] * x[0] : -x[0]);

    private static void SameMatrix(Scalar[,] expected, Scalar[,] actual, double tolerance)
    {
        for (var i = 0; i < expected.GetLength(0); i++)
            for (var j = 0; j < expected.GetLength(1); j++)
                Assert.True(Math.Abs(expected[i, j].Value - actual[i, j].Value) <= tolerance * Math.Max(1, Math.Abs(expected[i, j].Value)),
                    $"H[{i},{j}]: expected {expected[i, j].Value:R}, got {actual[i, j].Value:R}");
    }

    [Theory]
    [InlineData(0.7, -1.3)]
    [InlineData(-0.4, 2.2)]
    public void The_traced_route_equals_forward_over_reverse_and_the_closed_form(double a, double b)
    {
        var h = Hessian(F)([a, b]);
        SameMatrix(JacFwd(Grad(F))([a, b]), h, 1e-13);
        var e = Math.Exp(0.1 * a * b);
        var h00 = -Math.Sin(a) * b * b + 0.01 * b * b * e + (a > 0 ? 6 * a : 0);
        var h01 = 2 * Math.Cos(a) * b + 0.1 * e + 0.01 * a * b * e;
        var h11 = 2 * Math.Sin(a) + 0.01 * a * a * e;
        SameMatrix(new Scalar[,] { { h00, h01 }, { h01, h11 } }, h, 1e-13);
    }

    [Fact]
    public void A_custom_rule_falls_back_to_forward_over_reverse()
    {
        var cube = CustomDerivative(x => x * x * x, x => 3 * x * x);
        var h = Hessian(x => cube(x[0]) * x[1])([2.0, 5.0]);
        SameMatrix(new Scalar[,] { { 6 * 2.0 * 5.0, 3 * 4.0 }, { 3 * 4.0, 0 } }, h, 1e-14);
    }

    [Fact]
    public void A_closure_over_an_enclosing_value_and_a_nested_point_still_differentiate()
    {
        // d/dp of H[0,1] of p·x0²·x1 = d/dp (2 p x0) = 2 x0 — the Hessian's function closes over p.
        var d = Grad((Scalar p) => Hessian(x => p * x[0] * x[0] * x[1])([1.5, 2.0])[0, 1])(3.0);
        Assert.Equal(2 * 1.5, d.Value, 14);
        // A point that carries an outer perturbation: d/dt of H[0,0] of x0³ at x0 = t is 6.
        var dt = Derivative(t => Hessian(x => x[0] * x[0] * x[0])([t])[0, 0])(0.8);
        Assert.Equal(6.0, dt.Value, 14);
    }

    [Fact]
    public void At_a_singular_point_the_Hessian_follows_forward_over_reverse()
    {
        Assert.Equal(double.PositiveInfinity, Hessian(x => 1.0 / x[0])([0.0])[0, 0].Value);
        Assert.Equal(JacFwd(Grad((Scalar[] x) => Scalar.Sqrt(x[0]) * x[1]))([0.0, 1.0])[0, 0].Value,
                     Hessian(x => Scalar.Sqrt(x[0]) * x[1])([0.0, 1.0])[0, 0].Value);
    }
}
