namespace Functional;

public static partial class AD
{
    /// <summary>∇f, by reverse mode: one forward pass and one backward sweep, whatever the number of inputs.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="f"/> (or later x) is null.</exception>
    public static Func<Scalar[], Scalar[]> Grad(Func<Scalar[], Scalar> f)
    {
        var valueAndGrad = ValueAndGrad(f);
        return x => valueAndGrad(x).Gradient;
    }

    /// <summary>f′ of a one-argument function, by reverse mode.</summary>
    public static Func<Scalar, Scalar> Grad(Func<Scalar, Scalar> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var grad = Grad((Scalar[] x) => f(x[0]));
        return x => grad([x])[0];
    }

    /// <summary>(∂f/∂x, ∂f/∂y) of a two-argument function, by reverse mode.</summary>
    public static Func<Scalar, Scalar, (Scalar, Scalar)> Grad(Func<Scalar, Scalar, Scalar> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var grad = Grad((Scalar[] x) => f(x[0], x[1]));
        return (x, y) =>
        {
            var g = grad([x, y]);
            return (g[0], g[1]);
        };
    }

    /// <summary>f(x) and ∇f(x) together, from a single reverse pass.</summary>
    public static Func<Scalar[], (Scalar Value, Scalar[] Gradient)> ValueAndGrad(Func<Scalar[], Scalar> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var capacityHint = 64; // the last tape's length: later calls rarely need to grow
        return x =>
        {
            CheckInput(x);
            var tape = new Tape(capacityHint);
            var inputs = new Scalar[x.Length];
            for (var i = 0; i < x.Length; i++) inputs[i] = tape.Variable(x[i]);
            Scalar y;
            try { y = f(inputs); }
            finally { tape.Finish(); }
            capacityHint = tape.Count;

            var gradient = new Scalar[x.Length];
            if (y.Node != tape)
            {
                tape.Release();
                CheckNotEscaped(y, tape);
                return (y, gradient); // f does not depend on x here
            }
            var value = tape.PrimalOf(y);
            if (!tape.IsNested)
            {
                var adjoint = tape.SweepDoubles([y.Slot], [1.0]);
                for (var i = 0; i < gradient.Length; i++) gradient[i] = new Scalar(adjoint[i]);
                Tape.ReturnAdjoints(adjoint);
            }
            else
            {
                Array.Copy(tape.SweepScalars([y.Slot], [new Scalar(1.0)]), gradient, gradient.Length);
            }
            tape.Release();
            return (value, gradient);
        };
    }

    /// <summary>Vector-Jacobian product: <c>Vjp(f)(x)</c> runs f once and returns f(x) and a pullback
    /// u ↦ uᵀ·J(x), which may be called any number of times (each call is one backward sweep).</summary>
    public static Func<Scalar[], (Scalar[] Value, Func<Scalar[], Scalar[]> Pullback)> Vjp(Func<Scalar[], Scalar[]> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return x =>
        {
            CheckInput(x);
            var n = x.Length;
            var tape = new Tape();
            var inputs = new Scalar[n];
            for (var i = 0; i < n; i++) inputs[i] = tape.Variable(x[i]);
            Scalar[] outputs;
            try { outputs = CheckOutput(f(inputs)); }
            finally { tape.Finish(); }

            var m = outputs.Length;
            var value = new Scalar[m];
            for (var j = 0; j < m; j++)
            {
                if (outputs[j].Node == tape) value[j] = tape.PrimalOf(outputs[j]);
                else { CheckNotEscaped(outputs[j], tape); value[j] = outputs[j]; }
            }

            Scalar[] Pullback(Scalar[] u)
            {
                ArgumentNullException.ThrowIfNull(u);
                if (u.Length != m)
                    throw new ArgumentException($"the cotangent has {u.Length} entries but the function has {m} outputs", nameof(u));
                var slots = new List<int>(m);
                var seeds = new List<Scalar>(m);
                var constantSeeds = true;
                for (var j = 0; j < m; j++)
                {
                    if (outputs[j].Node != tape) continue;
                    slots.Add(outputs[j].Slot);
                    seeds.Add(u[j]);
                    constantSeeds &= u[j].IsConstant;
                }
                var result = new Scalar[n];
                if (slots.Count == 0) return result;
                if (!tape.IsNested && constantSeeds)
                {
                    var doubles = seeds.Select(s => s.Primal).ToArray();
                    var adjoint = tape.SweepDoubles(slots.ToArray(), doubles);
                    for (var i = 0; i < n; i++) result[i] = new Scalar(adjoint[i]);
                    Tape.ReturnAdjoints(adjoint);
                }
                else
                {
                    Array.Copy(tape.SweepScalars(slots.ToArray(), seeds.ToArray()), result, n);
                }
                return result;
            }

            return (value, Pullback);
        };
    }

    /// <summary>The Jacobian (outputs × inputs) by reverse mode: one forward pass, one sweep per output.</summary>
    public static Func<Scalar[], Scalar[,]> JacRev(Func<Scalar[], Scalar[]> f)
    {
        var vjp = Vjp(f);
        return x => JacobianFromPullback(vjp(CheckInput(x)), x.Length);
    }

    private static Scalar[,] JacobianFromPullback((Scalar[] Value, Func<Scalar[], Scalar[]> Pullback) vjp, int n)
    {
        var m = vjp.Value.Length;
        var rows = new Scalar[m][];
        for (var i = 0; i < m; i++)
        {
            var direction = new Scalar[m];
            direction[i] = 1.0;
            rows[i] = vjp.Pullback(direction);
        }
        return ToMatrix(rows, m, n, areColumns: false);
    }
}
