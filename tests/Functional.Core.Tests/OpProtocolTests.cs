using MathNet.Numerics.Differentiation;
using static Functional.AD;

namespace Functional.Core.Tests;

/// <summary>An op with k inputs, m outputs and its rules given at run time is processed by every
/// interpreter: constants, forward mode, reverse mode (one group entry) and every nesting.</summary>
public class OpProtocolTests
{
    /// <summary>(r, θ, s) ↦ (r·cos θ, r·sin θ·s): three inputs, two outputs, rules written in Scalar ops.</summary>
    private sealed class Polar() : Op("polar", 3, 2)
    {
        public int Pullbacks;

        public override void Evaluate(ReadOnlySpan<double> x, Span<double> y)
        {
            y[0] = x[0] * Math.Cos(x[1]);
            y[1] = x[0] * Math.Sin(x[1]) * x[2];
        }

        public override void Jvp(ReadOnlySpan<Scalar> x, ReadOnlySpan<Scalar> y, ReadOnlySpan<Scalar> dx, Span<Scalar> dy)
        {
            Scalar r = x[0], c = Scalar.Cos(x[1]), s = Scalar.Sin(x[1]);
            dy[0] = c * dx[0] - r * s * dx[1];
            dy[1] = s * x[2] * dx[0] + r * c * x[2] * dx[1] + r * s * dx[2];
        }

        public override void Pullback(ReadOnlySpan<Scalar> x, ReadOnlySpan<Scalar> y, ReadOnlySpan<Scalar> dy, Span<Scalar> dx)
        {
            Pullbacks++;
            Scalar r = x[0], c = Scalar.Cos(x[1]), s = Scalar.Sin(x[1]);
            dx[0] += c * dy[0] + s * x[2] * dy[1];
            dx[1] += -r * s * dy[0] + r * c * x[2] * dy[1];
            dx[2] += r * s * dy[1];
        }
    }

    /// <summary>The same op without a forward rule.</summary>
    private sealed class ReverseOnly() : Op("reverse-only", 1, 1)
    {
        public override void Evaluate(ReadOnlySpan<double> x, Span<double> y) => y[0] = 2 * x[0];
        public override void Pullback(ReadOnlySpan<Scalar> x, ReadOnlySpan<Scalar> y, ReadOnlySpan<Scalar> dy, Span<Scalar> dx) => dx[0] += 2 * dy[0];
    }

    private static Scalar[] ByOp(Scalar[] x) => Scalar.Apply(new Polar(), x);

    private static Scalar[] ByScalars(Scalar[] x) => [x[0] * Scalar.Cos(x[1]), x[0] * Scalar.Sin(x[1]) * x[2]];

    /// <summary>A scalar function that mixes the op with ordinary operations before and after it.</summary>
    private static Scalar Mixed(Func<Scalar[], Scalar[]> polar, Scalar[] x)
    {
        var p = polar([Scalar.Exp(0.3 * x[0]), x[1] * x[0], x[2]]);
        return p[0] * p[1] + Scalar.Sin(p[1]) - p[0] * x[2];
    }

    private static readonly Scalar[] Point = [1.3, 0.7, -0.4];

    private static void Close(double expected, double actual, double tolerance, string what) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance * Math.Max(1, Math.Abs(expected)), $"{what}: expected {expected:R}, got {actual:R}");

    private static void SameMatrix(Scalar[,] expected, Scalar[,] actual, double tolerance, string what)
    {
        Assert.Equal(expected.GetLength(0), actual.GetLength(0));
        Assert.Equal(expected.GetLength(1), actual.GetLength(1));
        for (var i = 0; i < expected.GetLength(0); i++)
            for (var j = 0; j < expected.GetLength(1); j++)
                Close(expected[i, j].Value, actual[i, j].Value, tolerance, $"{what}[{i},{j}]");
    }

    [Fact]
    public void On_constants_the_op_is_its_double_implementation()
    {
        var y = ByOp([2.0, 0.5, 3.0]);
        Assert.Equal(2.0 * Math.Cos(0.5), y[0].Value);
        Assert.Equal(2.0 * Math.Sin(0.5) * 3.0, y[1].Value);
        Assert.True(y[0].IsConstant && y[1].IsConstant);
    }

    [Fact]
    public void Jacobians_by_both_modes_equal_the_closed_form()
    {
        double r = 1.3, t = 0.7, s = -0.4;
        double[,] closed =
        {
            { Math.Cos(t), -r * Math.Sin(t), 0 },
            { Math.Sin(t) * s, r * Math.Cos(t) * s, r * Math.Sin(t) },
        };
        foreach (var jac in new[] { JacFwd(ByOp)(Point), JacRev(ByOp)(Point) })
            for (var i = 0; i < 2; i++)
                for (var j = 0; j < 3; j++)
                    Close(closed[i, j], jac[i, j].Value, 1e-15, $"J[{i},{j}]");
    }

    [Fact]
    public void A_reverse_sweep_runs_the_pullback_once_for_the_whole_group()
    {
        var op = new Polar();
        var g = Grad(x => { var y = Scalar.Apply(op, x); return y[0] + y[1]; })(Point);
        Assert.Equal(1, op.Pullbacks);
        var expected = Grad(x => { var y = ByScalars(x); return y[0] + y[1]; })(Point);
        for (var i = 0; i < 3; i++) Close(expected[i].Value, g[i].Value, 1e-15, $"∂/∂x{i}");
    }

    [Fact]
    public void Seeding_one_output_of_a_group_reaches_the_inputs()
    {
        // The first output of a group is not the slot where the group's pullback is recorded.
        var (value, pullback) = Vjp(ByOp)(Point);
        var expected = Vjp(ByScalars)(Point).Pullback;
        foreach (var u in new Scalar[][] { [1.0, 0.0], [0.0, 1.0], [0.5, -2.0] })
        {
            var (got, want) = (pullback(u), expected(u));
            for (var i = 0; i < 3; i++) Close(want[i].Value, got[i].Value, 1e-15, $"uᵀJ with u = [{u[0]}, {u[1]}], entry {i}");
        }
        Assert.Equal(ByScalars(Point)[1].Value, value[1].Value, 15);
    }

    [Fact]
    public void A_gradient_through_the_op_matches_an_independent_finite_difference()
    {
        var g = Grad(x => Mixed(ByOp, x))(Point).ToDoubles();
        var numeric = new NumericalJacobian(5, 2).Evaluate(x => Mixed(ByOp, x.Select(v => (Scalar)v).ToArray()).Value, Point.ToDoubles());
        for (var i = 0; i < 3; i++) Close(numeric[i], g[i], 1e-8, $"∂/∂x{i}");
    }

    [Fact]
    public void Every_nesting_through_the_op_equals_the_same_function_written_in_scalars()
    {
        Func<Scalar[], Scalar> byOp = x => Mixed(ByOp, x), byScalars = x => Mixed(ByScalars, x);
        SameMatrix(Hessian(byScalars)(Point), Hessian(byOp)(Point), 1e-12, "forward-over-reverse Hessian");
        SameMatrix(JacFwd(x => Row(JacFwd(y => [byScalars(y)])(x)))(Point),
                   JacFwd(x => Row(JacFwd(y => [byOp(y)])(x)))(Point), 1e-12, "forward-over-forward Hessian");
        SameMatrix(JacRev(Grad(byScalars))(Point), JacRev(Grad(byOp))(Point), 1e-12, "reverse-over-reverse Hessian");
        SameMatrix(JacRev(x => Row(JacFwd(y => [byScalars(y)])(x)))(Point),
                   JacRev(x => Row(JacFwd(y => [byOp(y)])(x)))(Point), 1e-12, "reverse-over-forward Hessian");
        var third = Derivative(Derivative(Derivative(t => Mixed(ByOp, [t, 0.7, -0.4]))))(1.3).Value;
        var thirdScalars = Derivative(Derivative(Derivative(t => Mixed(ByScalars, [t, 0.7, -0.4]))))(1.3).Value;
        Close(thirdScalars, third, 1e-12, "third derivative");
    }

    private static Scalar[] Row(Scalar[,] m) => [.. Enumerable.Range(0, m.GetLength(1)).Select(j => m[0, j])];

    [Fact]
    public void An_op_of_an_outer_level_is_a_constant_to_an_inner_differentiation()
    {
        // d/dx [ polar(x, 0.5, 1)[0] · d/dy (x·y)(1) ] = d/dx [ x cos 0.5 · x ] = 2x cos 0.5
        var d = Derivative(x => ByOp([x, 0.5, 1.0])[0] * Derivative(y => x * y)(1.0))(2.0).Value;
        Close(2 * 2.0 * Math.Cos(0.5), d, 1e-15, "nested derivative");
    }

    [Fact]
    public void Forward_mode_through_an_op_without_a_forward_rule_names_the_problem()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Derivative(x => Scalar.Apply(new ReverseOnly(), [x])[0])(1.0));
        Assert.Contains("no JVP rule", error.Message);
        Assert.Contains("reverse-only", error.Message);
        Assert.Equal(2.0, Grad(x => Scalar.Apply(new ReverseOnly(), [x])[0])(1.0).Value);
    }

    [Fact]
    public void Wrong_arity_is_an_argument_exception()
    {
        var error = Assert.Throws<ArgumentException>(() => Scalar.Apply(new Polar(), [1.0, 2.0]));
        Assert.Contains("takes 3 inputs", error.Message);
    }
}
