using MathNet.Numerics.Differentiation;

namespace Functional.Core.Tests;

public class CombinatorTests
{
    private static Scalar Mixed(Scalar[] x) =>
        Scalar.Sin(x[0]) * x[1] * x[1] + Scalar.Exp(x[0] * x[2]) / (1.0 + x[1] * x[1]) + Scalar.Log(1.0 + x[2] * x[2]) * x[0];

    private static double MixedDouble(double[] x) =>
        Math.Sin(x[0]) * x[1] * x[1] + Math.Exp(x[0] * x[2]) / (1 + x[1] * x[1]) + Math.Log(1 + x[2] * x[2]) * x[0];

    private static readonly double[] Point = [0.7, -1.3, 0.4];

    private static Scalar[] S(params double[] x) => [.. x.Select(v => (Scalar)v)];

    /// <summary>The gradient by forward mode: one JVP per input.</summary>
    private static Func<Scalar[], Scalar[]> GradFwd(Func<Scalar[], Scalar> f) => x =>
    {
        var row = JacFwd(v => [f(v)])(x);
        return [.. Enumerable.Range(0, x.Length).Select(j => row[0, j])];
    };

    [Theory]
    [InlineData(0.3)]
    [InlineData(-1.7)]
    [InlineData(2.9)]
    public void Derivative_of_sin_to_order_six_matches_the_closed_form(double x)
    {
        for (var k = 0; k <= 6; k++)
            Assert.Equal(Math.Sin(x + k * Math.PI / 2), Derivative(Scalar.Sin, k)(x).Value, 1e-13);
    }

    [Fact]
    public void Deep_nesting_of_exp_is_exp_at_every_order()
    {
        for (var k = 1; k <= 8; k++) Assert.Equal(Math.Exp(0.5), Derivative(Scalar.Exp, k)(0.5).Value, 1e-13);
        var rrr = Grad(Grad(Grad((Scalar x) => x * x * x * x)));
        Assert.Equal(24 * 1.5, rrr(1.5).Value, 1e-12);
    }

    [Fact]
    public void Hessian_by_four_routes_agrees_is_symmetric_and_matches_finite_differences()
    {
        var x = S(Point);
        var routes = new (string Name, double[,] H)[]
        {
            ("fwd∘fwd", JacFwd(GradFwd(Mixed))(x).ToDoubles()),
            ("fwd∘rev", Hessian(Mixed)(x).ToDoubles()),
            ("rev∘fwd", JacRev(GradFwd(Mixed))(x).ToDoubles()),
            ("rev∘rev", JacRev(Grad(Mixed))(x).ToDoubles()),
        };
        var numeric = new NumericalHessian().Evaluate(MixedDouble, Point);
        var reference = routes[1].H;
        foreach (var (name, h) in routes)
            for (var i = 0; i < 3; i++)
                for (var j = 0; j < 3; j++)
                {
                    Assert.True(Math.Abs(reference[i, j] - h[i, j]) < 1e-12, $"{name}[{i},{j}] = {h[i, j]} vs {reference[i, j]}");
                    Assert.True(Math.Abs(h[j, i] - h[i, j]) < 1e-12, $"{name} is not symmetric at [{i},{j}]");
                    Assert.True(Math.Abs(numeric[i, j] - h[i, j]) < 1e-5, $"{name}[{i},{j}] = {h[i, j]} vs numeric {numeric[i, j]}");
                }
    }

    [Fact]
    public void Hessian_of_a_quadratic_form_is_the_symmetrised_matrix()
    {
        double[,] a = { { 2, 1, 0 }, { 3, -1, 4 }, { 0, 5, 1 } };
        Scalar Quadratic(Scalar[] x)
        {
            Scalar sum = 0;
            for (var i = 0; i < 3; i++)
                for (var j = 0; j < 3; j++) sum += a[i, j] * x[i] * x[j];
            return sum;
        }
        var h = Hessian(Quadratic)(S(0.3, -2, 7)).ToDoubles();
        for (var i = 0; i < 3; i++)
            for (var j = 0; j < 3; j++) Assert.Equal(a[i, j] + a[j, i], h[i, j], 1e-14);
    }

    [Fact]
    public void Hvp_equals_hessian_times_vector()
    {
        var x = S(Point);
        double[] v = [0.5, -2.0, 1.25];
        var h = Hessian(Mixed)(x).ToDoubles();
        var hv = Hvp(Mixed)(x, S(v)).ToDoubles();
        for (var i = 0; i < 3; i++)
            Assert.Equal(h[i, 0] * v[0] + h[i, 1] * v[1] + h[i, 2] * v[2], hv[i], 1e-12);
    }

    private static Scalar[] Vector(Scalar[] x) =>
        [x[0] * x[1], Scalar.Sin(x[2]) + x[0], Scalar.Exp(x[1]) * x[2], Scalar.Sqrt(x[0] * x[0] + x[2] * x[2])];

    [Fact]
    public void JacFwd_equals_JacRev_equals_Jacobian_and_closed_form()
    {
        var x = S(Point);
        var fwd = JacFwd(Vector)(x).ToDoubles();
        var rev = JacRev(Vector)(x).ToDoubles();
        var auto = Jacobian(Vector)(x).ToDoubles();
        var wide = Jacobian((Scalar[] v) => [v[0] * v[1] * v[2]])(x).ToDoubles();
        var (x0, x1, x2) = (Point[0], Point[1], Point[2]);
        var r = Math.Sqrt(x0 * x0 + x2 * x2);
        double[,] closed =
        {
            { x1, x0, 0 },
            { 1, 0, Math.Cos(x2) },
            { 0, Math.Exp(x1) * x2, Math.Exp(x1) },
            { x0 / r, 0, x2 / r },
        };
        Assert.Equal(4, fwd.GetLength(0));
        Assert.Equal(3, fwd.GetLength(1));
        for (var i = 0; i < 4; i++)
            for (var j = 0; j < 3; j++)
            {
                Assert.Equal(closed[i, j], fwd[i, j], 1e-14);
                Assert.Equal(closed[i, j], rev[i, j], 1e-14);
                Assert.Equal(closed[i, j], auto[i, j], 1e-14);
            }
        Assert.Equal(x1 * x2, wide[0, 0], 1e-14);
        Assert.Equal(x0 * x1, wide[0, 2], 1e-14);
    }

    [Fact]
    public void Jvp_returns_value_and_directional_derivative()
    {
        var x = S(Point);
        var (value, tangent) = Jvp(Vector)(x, S(1, 0, 0));
        var jac = JacRev(Vector)(x).ToDoubles();
        Assert.Equal(Vector(x).ToDoubles(), value.ToDoubles());
        for (var i = 0; i < 4; i++) Assert.Equal(jac[i, 0], tangent[i].Value, 1e-14);
    }

    [Fact]
    public void Vjp_pullback_is_reusable_and_linear()
    {
        var (value, pullback) = Vjp(Vector)(S(Point));
        Assert.Equal(4, value.Length);
        var jac = JacFwd(Vector)(S(Point)).ToDoubles();
        double[] u = [1, -2, 0.5, 3];
        for (var repeat = 0; repeat < 3; repeat++)
        {
            var back = pullback(S(u)).ToDoubles();
            for (var j = 0; j < 3; j++)
            {
                var expected = 0.0;
                for (var i = 0; i < 4; i++) expected += u[i] * jac[i, j];
                Assert.Equal(expected, back[j], 1e-13);
            }
        }
        var twice = pullback(S(2, -4, 1, 6)).ToDoubles();
        var once = pullback(S(u)).ToDoubles();
        for (var j = 0; j < 3; j++) Assert.Equal(2 * once[j], twice[j], 1e-13);
    }

    [Fact]
    public void Grad_overloads_agree()
    {
        Scalar F2(Scalar a, Scalar b) => a * Scalar.Exp(b) - Scalar.Cos(a * b);
        var (ga, gb) = Grad((Func<Scalar, Scalar, Scalar>)F2)(0.4, 1.1);
        var g = Grad((Scalar[] x) => F2(x[0], x[1]))(S(0.4, 1.1));
        Assert.Equal(g[0].Value, ga.Value);
        Assert.Equal(g[1].Value, gb.Value);
        Assert.Equal(Math.Exp(1.1) + 1.1 * Math.Sin(0.44), ga.Value, 1e-14);
        var (value, gradient) = ValueAndGrad((Scalar[] x) => F2(x[0], x[1]))(S(0.4, 1.1));
        Assert.Equal(0.4 * Math.Exp(1.1) - Math.Cos(0.44), value.Value, 1e-15);
        Assert.Equal(g.ToDoubles(), gradient.ToDoubles());
    }

    [Fact]
    public void Functions_that_ignore_their_input_have_zero_derivatives()
    {
        Assert.Equal(0.0, Derivative(_ => 5.0)(1.0).Value);
        Assert.Equal(0.0, Grad((Scalar _) => 5.0)(1.0).Value);
        Assert.Equal([0.0, 0.0], Grad((Scalar[] _) => 3.0)(S(1, 2)).ToDoubles());
        Assert.Equal(new double[2, 2], Hessian(x => x[0] + 2 * x[1])(S(1, 2)).ToDoubles());
        Assert.Equal([1.0, 0.0], Grad((Scalar[] x) => x[0])(S(1, 2)).ToDoubles());
    }

    [Fact]
    public void Empty_input_gives_empty_results()
    {
        Assert.Empty(Grad((Scalar[] _) => 1.0)([]));
        Assert.Equal(0, JacFwd(_ => [1.0, 2.0])([]).GetLength(1));
        Assert.Equal(2, JacFwd(_ => [1.0, 2.0])([]).GetLength(0));
    }

    [Fact]
    public void ToDoubles_unwraps_every_level()
    {
        Scalar[] v = [1.5, -2];
        Assert.Equal([1.5, -2.0], v.ToDoubles());
        Assert.Equal(3.0, Derivative(x => { Assert.Equal(3.0, x.Value); return x; })(3.0).Value * 3.0);
    }
}
