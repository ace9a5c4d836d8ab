namespace Functional;

/// <summary>
/// An <see cref="Op"/> made for one call of a user function: its outputs at the call's inputs are
/// computed before the op is applied (that is how the number of outputs m becomes known), and
/// <see cref="Evaluate"/> hands them back instead of running the function a second time.
/// </summary>
internal abstract class CallOp(string name, double[] point, double[] values) : Op(name, point.Length, values.Length)
{
    /// <summary>The primal inputs of the call.</summary>
    protected double[] Point { get; } = point;

    public sealed override void Evaluate(ReadOnlySpan<double> x, Span<double> y)
    {
        if (x.SequenceEqual(Point)) values.CopyTo(y);
        else Recompute(x, y);
    }

    /// <summary>The outputs at inputs other than <see cref="Point"/> (interpreters never ask for them,
    /// but the protocol allows it).</summary>
    protected abstract void Recompute(ReadOnlySpan<double> x, Span<double> y);
}
