namespace Functional;

/// <summary>
/// One call of a function with a user VJP rule: reverse mode only. Forward mode meets the protocol's
/// default JVP, which throws an <see cref="InvalidOperationException"/> saying there is "no JVP rule".
/// </summary>
internal sealed class CustomVjpOp(Func<Scalar[], Scalar[]> f, Func<Scalar[], Scalar[], Scalar[]> vjp, double[] point, double[] values)
    : CallOp("custom VJP", point, values)
{
    private const string Combinator = "CustomVjp";

    protected override void Recompute(ReadOnlySpan<double> x, Span<double> y) =>
        UserFunctions.OnConstants(f, x, Combinator, "f").CopyTo(y);

    public override void Pullback(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> dy, Span<double> dx) =>
        DoubleLane.Pullback(this, x, y, dy, dx, Combinator, "vjp");

    public override void Pullback(ReadOnlySpan<Scalar> x, ReadOnlySpan<Scalar> y, ReadOnlySpan<Scalar> dy, Span<Scalar> dx)
    {
        var g = UserFunctions.Checked(vjp(x.ToArray(), dy.ToArray()), Combinator, "vjp", Inputs, $"f has {Inputs} inputs");
        for (var i = 0; i < dx.Length; i++) dx[i] += g[i];
    }
}
