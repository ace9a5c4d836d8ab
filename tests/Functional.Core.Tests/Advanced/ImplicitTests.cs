using static Functional.Core.Tests.Advanced.Reference;

namespace Functional.Core.Tests.Advanced;

public class ImplicitTests
{
    private static double NewtonSqrt(double theta)
    {
        if (theta == 0) return 0; // a double root: Newton would only halve its way towards it
        var x = Math.Max(theta, 1);
        for (var k = 0; k < 100; k++)
        {
            var next = 0.5 * (x + theta / x);
            if (next == x) break;
            x = next;
        }
        return x;
    }

    private static int solves;

    /// <summary>√θ as the root of x² − θ, found by Newton's method on doubles.</summary>
    private static readonly Func<Scalar[], Scalar[]> Sqrt = Implicit(
        theta => { solves++; return [NewtonSqrt(theta[0])]; },
        (x, theta) => [x[0] * x[0] - theta[0]]);

    private static Scalar SqrtOf(Scalar t) => Sqrt([t])[0];

    [Theory]
    [InlineData(4.0)]
    [InlineData(0.3)]
    [InlineData(17.0)]
    public void Newton_sqrt_value_derivative_and_second_derivative_match_the_closed_form(double theta)
    {
        Close(Math.Sqrt(theta), SqrtOf(theta).Value, 1e-15);
        var first = 1 / (2 * Math.Sqrt(theta));
        Close(first, Derivative(SqrtOf)(theta).Value, 1e-14);
        Close(first, Grad(SqrtOf)(theta).Value, 1e-14);
        var second = -1 / (4 * Math.Pow(theta, 1.5));
        Close(second, Derivative(SqrtOf, 2)(theta).Value, 1e-13);
        Close(second, Grad(Grad(SqrtOf))(theta).Value, 1e-13);
        Close(second, Derivative(Grad(SqrtOf))(theta).Value, 1e-13);
        Close(second, Grad(Derivative(SqrtOf))(theta).Value, 1e-13);
        Close(3 / (8 * Math.Pow(theta, 2.5)), Derivative(SqrtOf, 3)(theta).Value, 1e-12);
    }

    [Fact]
    public void The_solver_runs_once_on_doubles_and_is_never_unrolled()
    {
        solves = 0;
        Grad(SqrtOf)(4.0);
        Assert.Equal(1, solves);
        solves = 0;
        Grad(Grad(SqrtOf))(4.0);
        Assert.Equal(1, solves);
        solves = 0;
        Derivative(SqrtOf, 3)(4.0);
        Assert.Equal(1, solves);
    }

    /// <summary>A(θ)·x = b(θ) with A = [[θ₀, 1], [1, θ₁ + 2]], b = [θ₀θ₁, 1].</summary>
    private static Scalar[] LinearResidual(Scalar[] x, Scalar[] t) =>
        [t[0] * x[0] + x[1] - t[0] * t[1], x[0] + (t[1] + 2) * x[1] - 1];

    /// <summary>The same solution by Cramer's rule, in Scalar operations: an independent route for AD.</summary>
    private static Scalar[] Cramer(Scalar[] t)
    {
        Scalar a = t[0], b = 1, c = 1, d = t[1] + 2, e = t[0] * t[1], f = 1;
        var det = a * d - b * c;
        return [(e * d - b * f) / det, (a * f - e * c) / det];
    }

    private static readonly Func<Scalar[], Scalar[]> Linear = Implicit(
        t => Cramer(S(t)).ToDoubles(), LinearResidual);

    [Fact]
    public void Linear_system_jacobians_match_AD_of_the_closed_form_and_finite_differences()
    {
        double[] t = [1.7, 0.4];
        Close(Values(Cramer(S(t))), Values(Linear(S(t))), 1e-15);
        var expected = JacRev(Cramer)(S(t)).ToDoubles();
        Close(expected, JacFwd(Linear)(S(t)).ToDoubles(), 1e-13, "forward");
        Close(expected, JacRev(Linear)(S(t)).ToDoubles(), 1e-13, "reverse");
        var numeric = new MathNet.Numerics.Differentiation.NumericalJacobian(5, 2);
        for (var i = 0; i < 2; i++)
        {
            var row = numeric.Evaluate(q => Cramer(S(q))[i].Value, t);
            Close(row, [expected[i, 0], expected[i, 1]], 1e-8, $"finite differences row {i}");
        }
    }

    [Fact]
    public void Linear_system_hessians_match_AD_of_the_closed_form()
    {
        var t = S(1.7, 0.4);
        for (var i = 0; i < 2; i++)
        {
            var expected = Hessian(q => Cramer(q)[i])(t).ToDoubles();
            Close(expected, Hessian(q => Linear(q)[i])(t).ToDoubles(), 1e-12, "fwd∘rev");
            Close(expected, JacRev(Grad(q => Linear(q)[i]))(t).ToDoubles(), 1e-12, "rev∘rev");
            Close(expected, JacFwd(GradFwd(q => Linear(q)[i]))(t).ToDoubles(), 1e-12, "fwd∘fwd");
        }
    }

    [Fact]
    public void Inside_an_outer_differentiation()
    {
        // x*(t, a) = √(t a): ∂/∂t = ½√(a/t), and d/da of that = 1/(4√(a t))
        var root = Implicit(p => [Math.Sqrt(p[0] * p[1])], (x, p) => [x[0] * x[0] - p[0] * p[1]]);
        Scalar Inner(Scalar a) => Grad((Scalar t) => root([t, a])[0])(2.0);
        Close(0.5 * Math.Sqrt(3.0 / 2.0), Inner(3.0).Value, 1e-14);
        Close(1 / (4 * Math.Sqrt(6.0)), Derivative(Inner)(3.0).Value, 1e-13);
        Close(1 / (4 * Math.Sqrt(6.0)), Grad(Inner)(3.0).Value, 1e-13);
    }

    [Fact]
    public void A_singular_jacobian_throws_naming_the_problem()
    {
        Close(0.0, SqrtOf(0.0).Value); // the value alone needs no derivative
        var error = Assert.Throws<InvalidOperationException>(() => Grad(SqrtOf)(0.0));
        Assert.Contains("∂F/∂x", error.Message);
        Assert.Contains("singular", error.Message);
        var dependent = Implicit(t => [t[0] / 2, t[0] / 2], (x, t) => [x[0] + x[1] - t[0], 2 * x[0] + 2 * x[1] - 2 * t[0]]);
        Assert.Contains("singular", Assert.Throws<InvalidOperationException>(() => JacFwd(dependent)(S(1.0))).Message);
        Assert.Contains("singular", Assert.Throws<InvalidOperationException>(() => JacRev(dependent)(S(1.0))).Message);
    }

    [Fact]
    public void Bad_calls_throw_clear_exceptions()
    {
        Assert.Throws<ArgumentNullException>(() => Implicit(null!, LinearResidual));
        Assert.Throws<ArgumentNullException>(() => Implicit(t => t, null!));
        Assert.Throws<ArgumentNullException>(() => Linear(null!));
        Assert.Throws<ArgumentException>(() => Implicit(_ => null!, LinearResidual)(S(1.0, 2.0)));
        var wrongLength = Implicit(t => [1.0, 2.0], (x, t) => [x[0] - t[0]]);
        Assert.Contains("residual returned 1 values but x* has 2 entries", Assert.Throws<ArgumentException>(() => wrongLength(S(1.0))).Message);
        Assert.Throws<InvalidOperationException>(() => Implicit(_ => [double.NaN], (x, t) => x)(S(1.0)));
        // a residual capturing a value being differentiated
        Assert.Throws<InvalidOperationException>(() =>
            Grad((Scalar a) => Implicit(t => [t[0]], (x, t) => [x[0] - t[0] * a])([a])[0])(1.0));
    }
}
