namespace Functional.Core.Tests;

/// <summary>Guards: a replay never silently follows the wrong branch.</summary>
public class TraceGuardTests
{
    private static Scalar Piecewise(Scalar[] x) => x[0] > 0 ? x[0] * x[0] * x[1] : -x[0] * x[0] * x[0];

    [Fact]
    public void A_flipped_comparison_retraces_at_the_new_point_and_counts_it()
    {
        var traced = Trace(Piecewise, [1.0, 3.0]);
        var gradient = new double[2];
        Assert.Equal(12.0, traced.ValueAndGrad([2.0, 3.0], gradient));
        Assert.Equal([12.0, 4.0], gradient);
        Assert.Equal(0, traced.Retraces);

        Assert.Equal(8.0, traced.ValueAndGrad([-2.0, 3.0], gradient));
        Assert.Equal([-12.0, 0.0], gradient);
        Assert.Equal(1, traced.Retraces);

        Assert.Equal(27.0, traced.Value([-3.0, 5.0]));
        Assert.Equal(1, traced.Retraces);
        Assert.Equal(5.0, traced.Value([1.0, 5.0]));
        Assert.Equal(2, traced.Retraces);
    }

    [Fact]
    public void A_flip_in_a_compiled_trace_retraces_and_recompiles()
    {
        var compiled = Trace(Piecewise, [1.0, 3.0]).Compile();
        var gradient = new double[2];
        Assert.Equal(8.0, compiled.ValueAndGrad([-2.0, 3.0], gradient));
        Assert.Equal([-12.0, 0.0], gradient);
        Assert.Equal(1, compiled.Retraces);
        Assert.True(compiled.IsCompiled);
    }

    [Fact]
    public void Strict_mode_throws_naming_the_comparison()
    {
        var traced = Trace(Piecewise, [1.0, 3.0], strict: true);
        Assert.Equal(12.0, traced.Value([2.0, 3.0]));
        var error = Assert.Throws<InvalidOperationException>(() => traced.Value([-2.0, 3.0]));
        Assert.Contains("x[0] > 0", error.Message);
        Assert.Contains("was true", error.Message);
        Assert.Throws<InvalidOperationException>(() => traced.ValueAndGrad([-2.0, 3.0], new double[2]));
        Assert.Throws<InvalidOperationException>(() => traced.Hessian([-2.0, 3.0], new double[2, 2]));
        Assert.Throws<InvalidOperationException>(() => traced.Compile().Value([-2.0, 3.0]));
        Assert.Equal(0, traced.Retraces);
    }

    [Fact]
    public void Guards_on_intermediate_values_name_the_operation()
    {
        var traced = Trace(x => Scalar.Sin(x[0]) < 0.5 ? x[0] : 2.0 * x[0], [0.1], strict: true);
        Assert.Equal(0.2, traced.Value([0.2]));
        var error = Assert.Throws<InvalidOperationException>(() => traced.Value([1.2]));
        Assert.Contains("(sin) < 0.5", error.Message);
    }

    [Fact]
    public void Loops_whose_trip_count_changes_are_retraced()
    {
        // s doubles until it passes 10: the trip count depends on x
        Func<Scalar[], Scalar> f = x =>
        {
            var s = x[0];
            while (s < 10.0) s = s * 2.0;
            return s;
        };
        var traced = Trace(f, [3.0]); // 3 → 6 → 12: two doublings
        var gradient = new double[1];
        Assert.Equal(14.0, traced.ValueAndGrad([3.5], gradient));
        Assert.Equal(4.0, gradient[0]);
        Assert.Equal(0, traced.Retraces);
        Assert.Equal(16.0, traced.ValueAndGrad([1.0], gradient)); // four doublings
        Assert.Equal(16.0, gradient[0]);
        Assert.Equal(1, traced.Retraces);
    }

    [Fact]
    public void A_Value_read_becomes_a_constant_of_the_program()
    {
        // documented limitation: the trace cannot see x[0].Value, so it keeps its traced value
        var traced = Trace(x => x[0] * x[0].Value, [2.0]);
        var gradient = new double[1];
        Assert.Equal(6.0, traced.ValueAndGrad([3.0], gradient));
        Assert.Equal(2.0, gradient[0]);
    }

    private sealed class Twice() : Op("twice", 1, 1)
    {
        public override void Evaluate(ReadOnlySpan<double> x, Span<double> y) => y[0] = 2 * x[0];
    }

    [Fact]
    public void Operations_made_at_run_time_are_rejected_by_name()
    {
        var error = Assert.Throws<NotSupportedException>(() => Trace(x => Scalar.Apply(new Twice(), x)[0], [1.0]));
        Assert.Contains("'twice'", error.Message);
    }

    [Fact]
    public void Values_of_an_enclosing_differentiation_are_rejected()
    {
        var error = Assert.Throws<NotSupportedException>(() =>
            Grad((Scalar a) => Trace(x => x[0] * a, [1.0]).Value([2.0]))(3.0));
        Assert.Contains("encloses the trace", error.Message);
    }

    [Fact]
    public void A_gradient_computed_inside_the_traced_function_is_traced_too()
    {
        // f(x) = ∂/∂x0 (x0²·x1) = 2·x0·x1, computed by an inner reverse pass
        var traced = Trace(x => Grad(y => y[0] * y[0] * y[1])(x)[0], [1.0, 2.0]);
        var gradient = new double[2];
        Assert.Equal(2 * 3.0 * 5.0, traced.ValueAndGrad([3.0, 5.0], gradient), 1e-12);
        Assert.Equal(10.0, gradient[0], 1e-12);
        Assert.Equal(6.0, gradient[1], 1e-12);
    }

    [Fact]
    public void Traced_values_that_escape_cannot_be_used_later()
    {
        Scalar escaped = 0;
        Trace(x => escaped = x[0] * 2.0, [1.0]);
        Assert.Throws<InvalidOperationException>(() => escaped + 1.0);
    }
}
