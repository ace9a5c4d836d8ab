namespace Functional;

/// <summary>
/// One call of a function with a user JVP rule. Forward mode uses the rule; reverse mode transposes
/// it, as JAX does: since v ↦ jvp(x, v) is linear, uᵀJ is the gradient of v ↦ Σⱼ uⱼ·jvp(x, v)ⱼ, which
/// a reverse pass inside the pullback computes. Both run in <see cref="Scalar"/> operations on values
/// of the enclosing levels, so every nesting is differentiated.
/// </summary>
internal sealed class CustomJvpOp(Func<Scalar[], Scalar[]> f, Func<Scalar[], Scalar[], Scalar[]> jvp, double[] point, double[] values)
    : CallOp("custom JVP", point, values)
{
    private const string Combinator = "CustomJvp";

    protected override void Recompute(ReadOnlySpan<double> x, Span<double> y) =>
        UserFunctions.OnConstants(f, x, Combinator, "f").CopyTo(y);

    public override void Jvp(ReadOnlySpan<Scalar> x, ReadOnlySpan<Scalar> y, ReadOnlySpan<Scalar> dx, Span<Scalar> dy) =>
        Rule(x.ToArray(), dx.ToArray()).CopyTo(dy);

    public override void Pullback(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> dy, Span<double> dx) =>
        DoubleLane.Pullback(this, x, y, dy, dx, Combinator, "jvp");

    public override void Pullback(ReadOnlySpan<Scalar> x, ReadOnlySpan<Scalar> y, ReadOnlySpan<Scalar> dy, Span<Scalar> dx)
    {
        var at = x.ToArray();
        var u = dy.ToArray();
        var transposed = AD.Grad((Scalar[] v) =>
        {
            var tangent = Rule(at, v);
            Scalar sum = 0;
            for (var j = 0; j < tangent.Length; j++) sum += u[j] * tangent[j];
            return sum;
        });
        var g = transposed(new Scalar[Inputs]);
        for (var i = 0; i < dx.Length; i++) dx[i] += g[i];
    }

    private Scalar[] Rule(Scalar[] x, Scalar[] v) =>
        UserFunctions.Checked(jvp(x, v), Combinator, "jvp", Outputs, $"f has {Outputs} outputs");
}
