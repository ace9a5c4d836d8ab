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
    private readonly bool pooled;

    /// <summary>A first-order group; when <paramref name="pooled"/>, the three arrays were rented from
    /// the shared pools (they may be longer than the op's arity) and <see cref="ReturnToPool"/> gives them back.</summary>
    public TapeGroup(Op op, int[] inputSlots, int firstOutput, double[] x, double[] y, bool pooled = false)
    {
        (this.op, this.inputSlots, this.firstOutput, this.x, this.y, this.pooled) = (op, inputSlots, firstOutput, x, y, pooled);
    }

    /// <summary>Gives rented arrays back (the tape is being released: no sweep follows).</summary>
    public void ReturnToPool()
    {
        if (!pooled) return;
        System.Buffers.ArrayPool<int>.Shared.Return(inputSlots);
        System.Buffers.ArrayPool<double>.Shared.Return(x!);
        System.Buffers.ArrayPool<double>.Shared.Return(y!);
    }

    public TapeGroup(Op op, int[] inputSlots, int firstOutput, Scalar[] xs, Scalar[] ys)
    {
        (this.op, this.inputSlots, this.firstOutput, this.xs, this.ys) = (op, inputSlots, firstOutput, xs, ys);
    }

    private int OutputCount => op.Outputs;

    /// <summary>Adds the op's pullback of its outputs' adjoints to its inputs' adjoints (first-order tapes only).</summary>
    public void SweepDoubles(double[] adjoint)
    {
        var k = op.Inputs;
        var dx = System.Buffers.ArrayPool<double>.Shared.Rent(k);
        TakeInputAdjoints(adjoint, dx.AsSpan(0, k));
        op.Pullback(x.AsSpan(0, k), y.AsSpan(0, OutputCount), adjoint.AsSpan(firstOutput, OutputCount), dx.AsSpan(0, k));
        for (var i = 0; i < k; i++)
            if (inputSlots[i] >= 0) adjoint[inputSlots[i]] += dx[i];
        System.Buffers.ArrayPool<double>.Shared.Return(dx);
    }

    /// <summary>The same on <see cref="Scalar"/>s, so that an enclosing differentiation sees the pullback.</summary>
    public void SweepScalars(Scalar[] adjoint)
    {
        xs ??= Scalar.Constants(x.AsSpan(0, op.Inputs));
        ys ??= Scalar.Constants(y.AsSpan(0, OutputCount));
        var dx = new Scalar[op.Inputs];
        TakeInputAdjoints(adjoint, dx);
        op.Pullback(xs, ys, adjoint.AsSpan(firstOutput, OutputCount), dx);
        for (var i = 0; i < dx.Length; i++)
            if (inputSlots[i] >= 0) adjoint[inputSlots[i]] += dx[i];
    }

    /// <summary>Moves the adjoints accumulated so far into dx (an input slot that occurs twice gets them
    /// once). The pullback adds to dx, as the protocol requires, so its contributions are summed onto
    /// the earlier ones in the order an entry-by-entry recording would use: a checkpoint's re-run then
    /// yields gradients bit-identical to the plain tape's.</summary>
    private void TakeInputAdjoints<T>(T[] adjoint, Span<T> dx)
    {
        for (var i = 0; i < dx.Length; i++)
        {
            if (inputSlots[i] < 0) { dx[i] = default!; continue; }
            dx[i] = adjoint[inputSlots[i]];
            adjoint[inputSlots[i]] = default!;
        }
    }
}
