namespace Functional;

/// <summary>
/// An <see cref="Op"/> recorded on a <see cref="Tape"/>: the tape slots of its inputs (−1 for an input
/// that is constant to the tape), the first of its m consecutive output slots, and its inputs and
/// outputs one level down — plain doubles when first-order, <see cref="Scalar"/>s when nested.
/// </summary>
internal sealed class TapeGroup
{
    private readonly Op op;
    private readonly int[] inputSlots;
    private readonly int firstOutput;
    private readonly double[]? x, y;
    private Scalar[]? xs, ys;

    public TapeGroup(Op op, int[] inputSlots, int firstOutput, double[] x, double[] y)
    {
        (this.op, this.inputSlots, this.firstOutput, this.x, this.y) = (op, inputSlots, firstOutput, x, y);
    }

    public TapeGroup(Op op, int[] inputSlots, int firstOutput, Scalar[] xs, Scalar[] ys)
    {
        (this.op, this.inputSlots, this.firstOutput, this.xs, this.ys) = (op, inputSlots, firstOutput, xs, ys);
    }

    private int OutputCount => (y?.Length ?? ys!.Length);

    /// <summary>Adds the op's pullback of its outputs' adjoints to its inputs' adjoints (first-order tapes only).</summary>
    public void SweepDoubles(double[] adjoint)
    {
        var dx = new double[inputSlots.Length];
        TakeInputAdjoints(adjoint, dx);
        op.Pullback(x!, y!, adjoint.AsSpan(firstOutput, OutputCount), dx);
        for (var i = 0; i < inputSlots.Length; i++)
            if (inputSlots[i] >= 0) adjoint[inputSlots[i]] += dx[i];
    }

    /// <summary>The same on <see cref="Scalar"/>s, so that an enclosing differentiation sees the pullback.</summary>
    public void SweepScalars(Scalar[] adjoint)
    {
        xs ??= Scalar.Constants(x!);
        ys ??= Scalar.Constants(y!);
        var dx = new Scalar[inputSlots.Length];
        TakeInputAdjoints(adjoint, dx);
        op.Pullback(xs, ys, adjoint.AsSpan(firstOutput, OutputCount), dx);
        for (var i = 0; i < inputSlots.Length; i++)
            if (inputSlots[i] >= 0) adjoint[inputSlots[i]] += dx[i];
    }

    /// <summary>Moves the adjoints accumulated so far into dx (an input slot that occurs twice gets them
    /// once). The pullback adds to dx, as the protocol requires, so its contributions are summed onto
    /// the earlier ones in the order an entry-by-entry recording would use: a checkpoint's re-run then
    /// yields gradients bit-identical to the plain tape's.</summary>
    private void TakeInputAdjoints<T>(T[] adjoint, T[] dx)
    {
        for (var i = 0; i < inputSlots.Length; i++)
        {
            if (inputSlots[i] < 0) continue;
            dx[i] = adjoint[inputSlots[i]];
            adjoint[inputSlots[i]] = default!;
        }
    }
}
