using Functional.Tracing;

namespace Functional;

public static partial class AD
{
    /// <summary>The Jacobian, by whichever mode the measured cost model predicts faster for its shape
    /// (n inputs, m outputs): forward when n ≤ 3.1 + 0.22·m, reverse otherwise (see the README's
    /// forward/reverse crossover). The first call learns m from a forward pass, which it keeps when
    /// forward wins; later calls use the m of the previous one.</summary>
    public static Func<Scalar[], Scalar[,]> Jacobian(Func<Scalar[], Scalar[]> f)
    {
        var jacRev = JacRev(f);
        var jacFwd = JacFwd(f);
        var knownOutputs = -1; // a hint only: a wrong guess costs time, never correctness
        return x =>
        {
            var n = CheckInput(x).Length;
            if (n == 0) return jacFwd(x);
            Scalar[,] result;
            if (knownOutputs >= 0)
                result = JacobianCostModel.PrefersForward(n, knownOutputs) ? jacFwd(x) : jacRev(x);
            else
            {
                var first = JvpCore(f, x, UnitVector(n, 0)).Tangent;
                if (!JacobianCostModel.PrefersForward(n, first.Length)) result = jacRev(x);
                else
                {
                    var columns = new Scalar[n][];
                    columns[0] = first;
                    for (var j = 1; j < n; j++) columns[j] = JvpCore(f, x, UnitVector(n, j), first.Length).Tangent;
                    result = ToMatrix(columns, first.Length, n, areColumns: true);
                }
            }
            knownOutputs = result.GetLength(0);
            return result;
        };
    }

    private static Scalar[] UnitVector(int n, int j)
    {
        var e = new Scalar[n];
        e[j] = 1.0;
        return e;
    }

    /// <summary>The Hessian of a scalar function. At a point of plain numbers it records f once as a
    /// program (<see cref="Trace"/>) and runs n cheap second-order sweeps over it; when the point
    /// carries derivatives of an enclosing differentiation, or f uses something a trace cannot record
    /// (a custom rule, a vector op, a value it closes over), it is forward-over-reverse,
    /// <c>JacFwd(Grad(f))</c> — the reference route, which nests in every pairing. Both give the same
    /// Hessian; the traced route is about 10× faster for n = 100.</summary>
    /// <remarks>When the trace cannot record f, or its Hessian is not finite, f has run once before the
    /// fallback runs it again.</remarks>
    public static Func<Scalar[], Scalar[,]> Hessian(Func<Scalar[], Scalar> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var forwardOverReverse = JacFwd(Grad(f));
        return x =>
        {
            CheckInput(x);
            if (x.Length == 0 || x.Any(v => !v.IsConstant)) return forwardOverReverse(x);
            var point = Scalar.Primals(x);
            Traced traced;
            try { traced = Trace(f, point); }
            catch (NotSupportedException) { return forwardOverReverse(x); }
            var hessian = new double[x.Length, x.Length];
            traced.Hessian(point, hessian);
            // At a singular point (1/x at 0) the two routes may meet ∞·0 in different orders: there the
            // reference route decides, so NaN and ∞ follow the library's usual conventions.
            foreach (var h in hessian)
                if (!double.IsFinite(h)) return forwardOverReverse(x);
            return hessian.ToScalars();
        };
    }

    /// <summary>Hessian-vector product H(x)·v without forming H (forward-over-reverse, cost of ~2 gradients).</summary>
    /// <exception cref="ArgumentException">v and x differ in length.</exception>
    public static Func<Scalar[], Scalar[], Scalar[]> Hvp(Func<Scalar[], Scalar> f)
    {
        var jvp = Jvp(Grad(f));
        return (x, v) => jvp(x, v).Tangent;
    }
}
