namespace Functional;

/// <summary>y = op(x) on plain doubles.</summary>
internal delegate void DoubleEvaluation(ReadOnlySpan<double> x, Span<double> y);

/// <summary>A rule on plain doubles: <c>r += …</c> given inputs, outputs and a (co)tangent d.</summary>
internal delegate void DoubleRule(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> d, Span<double> r);

/// <summary>A rule in <see cref="Scalar"/> operations, so that it nests.</summary>
internal delegate void ScalarRule(ReadOnlySpan<Scalar> x, ReadOnlySpan<Scalar> y, ReadOnlySpan<Scalar> d, Span<Scalar> r);

/// <summary>
/// An operation on whole arrays, made per call by <see cref="Vec"/>: its value and pullback on plain
/// doubles (loops, vectorised where it pays), and its forward rule and nested pullback written with
/// other <see cref="Vec"/> operations, so that it is one tape entry and one forward rule at every level.
/// </summary>
internal sealed class ArrayOp(string name, int inputs, int outputs) : Op(name, inputs, outputs)
{
    /// <summary>The value on doubles.</summary>
    public required DoubleEvaluation Value { get; init; }

    /// <summary>dx += dyᵀJ on doubles (the first-order sweep).</summary>
    public required DoubleRule PullbackDoubles { get; init; }

    /// <summary>dx += dyᵀJ in <see cref="Scalar"/> operations (nested sweeps).</summary>
    public required ScalarRule PullbackScalars { get; init; }

    /// <summary>dy = J·dx in <see cref="Scalar"/> operations (forward mode).</summary>
    public required ScalarRule Forward { get; init; }

    public override void Evaluate(ReadOnlySpan<double> x, Span<double> y) => Value(x, y);

    public override void Jvp(ReadOnlySpan<Scalar> x, ReadOnlySpan<Scalar> y, ReadOnlySpan<Scalar> dx, Span<Scalar> dy) => Forward(x, y, dx, dy);

    public override void Pullback(ReadOnlySpan<Scalar> x, ReadOnlySpan<Scalar> y, ReadOnlySpan<Scalar> dy, Span<Scalar> dx) => PullbackScalars(x, y, dy, dx);

    public override void Pullback(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> dy, Span<double> dx) => PullbackDoubles(x, y, dy, dx);
}
