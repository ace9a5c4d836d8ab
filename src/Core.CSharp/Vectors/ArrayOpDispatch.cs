using System.Buffers;

namespace Functional;

/// <summary>
/// Applies an <see cref="ArrayOp"/> to one or two input arrays. The common cases skip the generic
/// path's <see cref="Scalar"/> copies of the inputs and use pooled double arrays: all constants
/// evaluate on doubles, and values of one first-order tape are recorded directly as a group (slots
/// and doubles, returned to the pool when the tape is released). Everything else (forward mode,
/// nesting, several differentiations) goes through <see cref="Scalar.Apply(Op, ReadOnlySpan{Scalar})"/>.
/// </summary>
internal static class ArrayOpDispatch
{
    public static Scalar[] Apply(ArrayOp op, ReadOnlySpan<Scalar> a) => Apply(op, a, []);

    public static Scalar[] Apply(ArrayOp op, ReadOnlySpan<Scalar> a, ReadOnlySpan<Scalar> b)
    {
        Tape? tape = null;
        if (!Classify(a, ref tape) || !Classify(b, ref tape))
            return Scalar.Apply(op, b.IsEmpty ? a : Vec.Concat(a, b));

        int k = a.Length + b.Length, m = op.Outputs;
        var x = ArrayPool<double>.Shared.Rent(k);
        for (var i = 0; i < a.Length; i++) x[i] = a[i].Primal;
        for (var i = 0; i < b.Length; i++) x[a.Length + i] = b[i].Primal;
        var values = ArrayPool<double>.Shared.Rent(m);
        op.Evaluate(x.AsSpan(0, k), values.AsSpan(0, m));
        var y = new Scalar[m];
        if (tape is null)
        {
            for (var j = 0; j < m; j++) y[j] = values[j];
            ArrayPool<double>.Shared.Return(x);
            ArrayPool<double>.Shared.Return(values);
            return y;
        }
        var slots = ArrayPool<int>.Shared.Rent(k);
        for (var i = 0; i < a.Length; i++) slots[i] = a[i].Node is null ? -1 : a[i].Slot;
        for (var i = 0; i < b.Length; i++) slots[a.Length + i] = b[i].Node is null ? -1 : b[i].Slot;
        tape.RecordFirstOrderGroup(op, slots, x, values, y);
        return y;
    }

    /// <summary>True when every value is a constant or a value of the same first-order tape.</summary>
    private static bool Classify(ReadOnlySpan<Scalar> values, ref Tape? tape)
    {
        foreach (var v in values)
        {
            var node = v.Node;
            if (node is null || node == tape) continue;
            if (tape is null && node is Tape { IsFirstOrder: true } t) { tape = t; continue; }
            return false;
        }
        return true;
    }
}
