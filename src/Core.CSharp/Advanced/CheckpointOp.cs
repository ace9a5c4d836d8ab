namespace Functional;

/// <summary>
/// One checkpointed call on a tape: the tape keeps only the call's inputs and outputs (one group
/// entry); the backward sweep runs the function again on a fresh tape of its own, sweeps that, and
/// throws it away. Because the pullback starts from the inputs' adjoints accumulated so far and the
/// re-run records the same operations in the same order, the gradients are bit-identical to those of
/// the unchecked program.
/// </summary>
internal sealed class CheckpointOp(CheckpointedFunction function, double[] point, double[] values)
    : CallOp("checkpoint", point, values)
{
    protected override void Recompute(ReadOnlySpan<double> x, Span<double> y) => function.OnConstants(x).CopyTo(y);

    /// <summary>Forward mode over a checkpoint (e.g. a Hessian, forward over reverse): a JVP of f.</summary>
    public override void Jvp(ReadOnlySpan<Scalar> x, ReadOnlySpan<Scalar> y, ReadOnlySpan<Scalar> dx, Span<Scalar> dy)
    {
        var (_, tangent) = AD.Jvp(function.Checked)(x.ToArray(), dx.ToArray());
        tangent.CopyTo(dy);
    }

    public override void Pullback(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> dy, Span<double> dx)
    {
        var tape = function.NewTape();
        try
        {
            var inputs = new Scalar[x.Length];
            for (var i = 0; i < x.Length; i++) inputs[i] = tape.Variable(x[i]);
            var (slots, seedCount) = Seeds(tape, inputs, function.Rerun(tape, inputs, Outputs));
            var seeds = new double[seedCount];
            for (var i = 0; i < x.Length; i++) seeds[i] = dx[i];
            for (var k = x.Length; k < seedCount; k++) seeds[k] = dy[slots[k].Output];
            var adjoint = tape.SweepDoubles(SlotsOf(slots, seedCount), seeds);
            for (var i = 0; i < x.Length; i++) dx[i] = adjoint[inputs[i].Slot];
            Tape.ReturnAdjoints(adjoint);
        }
        finally { tape.Release(); }
    }

    public override void Pullback(ReadOnlySpan<Scalar> x, ReadOnlySpan<Scalar> y, ReadOnlySpan<Scalar> dy, Span<Scalar> dx)
    {
        var tape = function.NewTape();
        try
        {
            var inputs = new Scalar[x.Length];
            for (var i = 0; i < x.Length; i++) inputs[i] = tape.Variable(x[i]);
            var (slots, seedCount) = Seeds(tape, inputs, function.Rerun(tape, inputs, Outputs));
            var seeds = new Scalar[seedCount];
            for (var i = 0; i < x.Length; i++) seeds[i] = dx[i];
            for (var k = x.Length; k < seedCount; k++) seeds[k] = dy[slots[k].Output];
            var adjoint = tape.SweepScalars(SlotsOf(slots, seedCount), seeds);
            for (var i = 0; i < x.Length; i++) dx[i] = adjoint[inputs[i].Slot];
        }
        finally { tape.Release(); }
    }

    /// <summary>The sweep's seeds: every input (with its adjoint so far), then every output recorded on the tape.</summary>
    private static ((int Slot, int Output)[] Slots, int Count) Seeds(Tape tape, Scalar[] inputs, Scalar[] outputs)
    {
        var slots = new (int Slot, int Output)[inputs.Length + outputs.Length];
        var count = 0;
        foreach (var input in inputs) slots[count++] = (input.Slot, -1);
        for (var j = 0; j < outputs.Length; j++)
            if (outputs[j].Node == tape) slots[count++] = (outputs[j].Slot, j);
        return (slots, count);
    }

    private static int[] SlotsOf((int Slot, int Output)[] slots, int count)
    {
        var result = new int[count];
        for (var k = 0; k < count; k++) result[k] = slots[k].Slot;
        return result;
    }
}
