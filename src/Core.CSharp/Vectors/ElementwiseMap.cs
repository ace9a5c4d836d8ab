namespace Functional;

/// <summary>
/// <see cref="Vec.Map(Scalar[], Func{Scalar, Scalar})"/>. On a first-order tape it becomes one group
/// entry: f runs on a first-order dual number of a fresh forward differentiation per element, giving
/// f(aᵢ) and f′(aᵢ) at once, and the pullback is dx += dy ⊙ f′(a). When f closes over a value being
/// differentiated (its result then carries more than the probe's perturbation), or in any other mode,
/// f is applied per element, so every case stays correct.
/// </summary>
internal static class ElementwiseMap
{
    public static Scalar[] Apply(ReadOnlySpan<Scalar> a, Func<Scalar, Scalar> f)
    {
        if (OneFirstOrderTape(a) && TryProbe(a, f, out var values, out var slopes))
        {
            var n = a.Length;
            var op = new ArrayOp("map", n, n)
            {
                Value = (x, y) => values.AsSpan().CopyTo(y),
                PullbackDoubles = (x, y, dy, dx) => System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(dy, slopes, dx, dx),
                PullbackScalars = (x, y, dy, dx) => Vec.Accumulate(dx, Vec.MultiplyCore(dy, Constants(slopes))),
                Forward = (x, y, dx, dy) => Vec.MultiplyCore(dx, Constants(slopes)).CopyTo(dy),
            };
            return ArrayOpDispatch.Apply(op, a);
        }
        var result = new Scalar[a.Length];
        for (var i = 0; i < a.Length; i++) result[i] = f(a[i]);
        return result;
    }

    /// <summary>True when some value is on a first-order tape and every other is on it or constant.</summary>
    private static bool OneFirstOrderTape(ReadOnlySpan<Scalar> a)
    {
        Tape? tape = null;
        foreach (var v in a)
        {
            if (v.Node is null || v.Node == tape) continue;
            if (tape is null && v.Node is Tape { IsFirstOrder: true } t) { tape = t; continue; }
            return false;
        }
        return tape is not null;
    }

    private static bool TryProbe(ReadOnlySpan<Scalar> a, Func<Scalar, Scalar> f, out double[] values, out double[] slopes)
    {
        values = new double[a.Length];
        slopes = new double[a.Length];
        var probe = new ForwardDifferentiation();
        try
        {
            for (var i = 0; i < a.Length; i++)
            {
                var r = f(probe.Make(a[i].Primal, 1.0));
                if (r.Node == probe) (values[i], slopes[i]) = (r.Primal, r.Tangent);
                else if (r.Node is null) (values[i], slopes[i]) = (r.Primal, 0);
                else return false; // f closes over a value being differentiated
            }
            return true;
        }
        finally { probe.Finish(); }
    }

    private static Scalar[] Constants(double[] values)
    {
        var result = new Scalar[values.Length];
        for (var i = 0; i < values.Length; i++) result[i] = values[i];
        return result;
    }
}
