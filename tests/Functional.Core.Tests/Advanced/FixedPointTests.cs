using static Functional.Core.Tests.Advanced.Reference;

namespace Functional.Core.Tests.Advanced;

public class FixedPointTests
{
    /// <summary>x* = ½cos(x*) + θ (a contraction: |∂g/∂x| ≤ ½).</summary>
    private static readonly Func<Scalar[], Scalar[]> Solution = FixedPoint((x, t) => [0.5 * Scalar.Cos(x[0]) + t[0]], [0.0]);

    private static Scalar Of(Scalar t) => Solution([t])[0];

    [Theory]
    [InlineData(0.3)]
    [InlineData(-1.1)]
    public void Value_and_derivatives_match_the_implicit_closed_form(double theta)
    {
        var x = Of(theta).Value;
        Close(x, 0.5 * Math.Cos(x) + theta, 1e-12);
        // x′ = 1/(1 + ½ sin x), x″ = −½ cos(x)·x′³
        var first = 1 / (1 + 0.5 * Math.Sin(x));
        var second = -0.5 * Math.Cos(x) * first * first * first;
        Close(first, Derivative(Of)(theta).Value, 1e-11);
        Close(first, Grad(Of)(theta).Value, 1e-11);
        Close(second, Derivative(Of, 2)(theta).Value, 1e-10);
        Close(second, Grad(Grad(Of))(theta).Value, 1e-10);
        Close(second, Grad(Derivative(Of))(theta).Value, 1e-10);
    }

    [Fact]
    public void Babylonian_iteration_gives_sqrt_and_its_derivatives()
    {
        var sqrt = FixedPoint((x, t) => [0.5 * (x[0] + t[0] / x[0])], [1.0]);
        Close(3.0, sqrt(S(9.0))[0].Value, 1e-15);
        Close(1.0 / 6, Grad((Scalar t) => sqrt([t])[0])(9.0).Value, 1e-13);
        Close(-1.0 / (4 * 27), Derivative(t => sqrt([t])[0], 2)(9.0).Value, 1e-12);
    }

    [Fact]
    public void Two_dimensional_fixed_point_inside_an_outer_differentiation()
    {
        // x = ½y + a, y = ½x + b: x = (4a + 2b)/3, so ∇(a, b) x = (4/3, 2/3)
        var solve = FixedPoint((x, t) => [0.5 * x[1] + t[0], 0.5 * x[0] + t[1]], [0.0, 0.0]);
        Close([4.0 / 3, 2.0 / 3], Grad(t => solve(t)[0])(S(0.2, 0.7)).ToDoubles(), 1e-12);
        // g(a) = ∂x/∂c at (a, a²·c) with c = 1: = (2/3)·a², so g′(a) = (4/3)·a
        Scalar G(Scalar a) => Grad((Scalar c) => solve([a, a * a * c])[0])(1.0);
        Close(4.0 / 3 * 0.6, Derivative(G)(0.6).Value, 1e-12);
        Close(4.0 / 3 * 0.6, Grad(G)(0.6).Value, 1e-12);
    }

    [Fact]
    public void No_convergence_or_divergence_throws()
    {
        var drifting = FixedPoint((x, t) => [x[0] + t[0]], [0.0], maxIterations: 100);
        Assert.Contains("did not converge in 100 steps", Assert.Throws<InvalidOperationException>(() => drifting(S(1.0))).Message);
        var exploding = FixedPoint((x, t) => [2 * x[0] * x[0] + t[0]], [1.0]);
        Assert.Contains("diverged", Assert.Throws<InvalidOperationException>(() => exploding(S(1.0))).Message);
    }

    [Fact]
    public void Bad_calls_throw_clear_exceptions()
    {
        Func<Scalar[], Scalar[], Scalar[]> g = (x, t) => x;
        Assert.Throws<ArgumentNullException>(() => FixedPoint(null!, [0.0]));
        Assert.Throws<ArgumentNullException>(() => FixedPoint(g, null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => FixedPoint(g, [0.0], tolerance: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => FixedPoint(g, [0.0], tolerance: double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => FixedPoint(g, [0.0], maxIterations: 0));
        Assert.Throws<ArgumentNullException>(() => Solution(null!));
        Assert.Contains("g returned 2 values but x0 has 1 entries",
            Assert.Throws<ArgumentException>(() => FixedPoint((x, t) => [x[0], t[0]], [0.0])(S(1.0))).Message);
        Assert.Throws<ArgumentException>(() => FixedPoint((x, t) => null!, [0.0])(S(1.0)));
    }
}
