using static Functional.AD;

namespace Functional.Core.Tests;

/// <summary>The one hook through which comparisons, Equals, CompareTo, Value and the explicit cast
/// look at a Scalar: each level is told, and the cast refuses to drop a running derivative.</summary>
public class ObservationTests
{
    /// <summary>A do-nothing level that records what it is told.</summary>
    private sealed class Spy : Differentiation
    {
        public readonly List<string> Seen = [];
        public override string Kind => "spy";
        public override Scalar PrimalOf(Scalar value) => Owns(value) ? new Scalar(value.Primal) : value;
        public override Scalar Apply(UnaryPrimitive<Scalar> primitive, Scalar x) => throw new NotSupportedException();
        public override Scalar Apply(BinaryPrimitive<Scalar> primitive, Scalar a, Scalar b) => throw new NotSupportedException();
        public override void Apply(Op op, ReadOnlySpan<Scalar> x, Span<Scalar> y) => throw new NotSupportedException();
        public override void OnCompare(Comparison comparison, Scalar a, Scalar b, bool outcome) =>
            Seen.Add($"{a.Primal} {comparison.Symbol()} {b.Primal} = {outcome}");
        public override void OnRead(Scalar value) => Seen.Add($"read {value.Primal}");
    }

    [Fact]
    public void Comparisons_equality_and_reads_pass_through_the_hook()
    {
        var spy = new Spy();
        var x = new Scalar(2.0, spy, 0);
        Assert.True(x < 3.0);
        Assert.False(x >= 3.0);
        Assert.True(x == 2.0);
        Assert.True(x.Equals(new Scalar(2.0)));
        Assert.Equal(-1, x.CompareTo(5.0));
        Assert.Equal(2.0, x.Value);
        Assert.Equal(["2 < 3 = True", "2 >= 3 = False", "2 == 2 = True", "2 == 2 = True", "2 < 5 = True", "read 2"], spy.Seen);
    }

    [Fact]
    public void Every_level_of_a_nested_value_is_told()
    {
        var spy = new Spy();
        var inner = new Scalar(1.5, spy, 0);
        var forward = new ForwardDifferentiation();
        var dual = forward.Make(inner, 1.0);
        Assert.True(dual > 1.0);
        Assert.Equal(["1.5 > 1 = True"], spy.Seen);
    }

    [Fact]
    public void Casting_a_value_of_a_running_differentiation_throws_and_names_the_fix()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Grad(x => (Scalar)Math.Sin((double)x))(1.0));
        Assert.Contains(".Value", error.Message);
        Assert.Contains("StopGradient", error.Message);
        Assert.Throws<InvalidOperationException>(() => Derivative(x => (double)x * x)(1.0));
        Assert.Throws<InvalidOperationException>(() => Hessian(x => (double)(x[0] * x[1]) + x[0])([1.0, 2.0]));
    }

    [Fact]
    public void Constants_finished_results_value_reads_and_stopped_gradients_convert()
    {
        Assert.Equal(2.5, (double)new Scalar(2.5));
        var g = Grad(x => x * x)(3.0);
        Assert.Equal(6.0, (double)g);
        // An intentional read inside the function is allowed (its derivative is dropped on purpose).
        Assert.Equal(Math.Cos(1.0) * 0 + 1.0, Grad(x => x + Math.Sin(x.Value))(1.0).Value);
        Assert.Equal(0.0, Grad(x => (Scalar)(double)StopGradient(x) * 2.0)(1.0).Value);
        Scalar escaped = 0;
        Grad(x => { escaped = x * 2; return x; })(1.0);
        Assert.Equal(2.0, (double)escaped);
    }

    [Fact]
    public void Control_flow_on_comparisons_still_steers_differentiated_code()
    {
        Func<Scalar, Scalar> f = x => x > 0 ? x * x : -x;
        Assert.Equal(4.0, Grad(f)(2.0).Value);
        Assert.Equal(-1.0, Derivative(f)(-2.0).Value);
        Assert.Equal(2.0, Derivative(Derivative(f))(2.0).Value);
    }
}
