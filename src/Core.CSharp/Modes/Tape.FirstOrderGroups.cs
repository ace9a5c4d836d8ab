namespace Functional;

internal sealed partial class Tape
{
    /// <summary>The fast lane of <see cref="Apply(Op, ReadOnlySpan{Scalar}, Span{Scalar})"/> for array
    /// operations on a first-order tape: the caller has already split the inputs into their slots
    /// (−1 for constants) and plain-double values and evaluated the op, so no <see cref="Scalar"/>
    /// copies of large inputs are made. Records one group entry; writes its outputs to y. The arrays
    /// are rented from the shared pools (they may be longer than the op's arity); the tape returns
    /// them when it is released.</summary>
    public void RecordFirstOrderGroup(Op op, int[] slots, double[] x, double[] values, Span<Scalar> y)
    {
        if (!IsFirstOrder) throw new InvalidOperationException("RecordFirstOrderGroup needs a first-order tape that is still recording");
        var first = count;
        AppendGroup(new TapeGroup(op, slots, first, x, values, pooled: true), op.Outputs);
        for (var j = 0; j < op.Outputs; j++) y[j] = Scalar.OnTape(values[j], this, first + j);
    }
}
