namespace Functional;

/// <summary>
/// y = f(x) with the user's derivative: f runs on plain values only (its inside is never
/// differentiated) and both rules multiply by <c>derivative(x)</c>, written in <see cref="Scalar"/>
/// operations, so the derivative of the result is <c>derivative′</c>, and so on.
/// </summary>
internal sealed class CustomDerivativeOp(Func<Scalar, Scalar> f, Func<Scalar, Scalar> derivative) : Op("custom derivative", 1, 1)
{
    private const string Combinator = "CustomDerivative";

    public override void Evaluate(ReadOnlySpan<double> x, Span<double> y)
    {
        var value = f(new Scalar(x[0]));
        UserFunctions.EnsureConstant(value, Combinator, "f");
        y[0] = value.Primal;
    }

    public override void Jvp(ReadOnlySpan<Scalar> x, ReadOnlySpan<Scalar> y, ReadOnlySpan<Scalar> dx, Span<Scalar> dy) =>
        dy[0] = derivative(x[0]) * dx[0];

    public override void Pullback(ReadOnlySpan<Scalar> x, ReadOnlySpan<Scalar> y, ReadOnlySpan<Scalar> dy, Span<Scalar> dx) =>
        dx[0] += dy[0] * derivative(x[0]);

    public override void Pullback(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> dy, Span<double> dx)
    {
        var slope = derivative(new Scalar(x[0]));
        UserFunctions.EnsureConstant(slope, Combinator, "derivative");
        dx[0] += dy[0] * slope.Primal;
    }
}
