namespace Functional;

public static partial class AD
{
    /// <summary>f′, by forward mode.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="f"/> is null.</exception>
    public static Func<Scalar, Scalar> Derivative(Func<Scalar, Scalar> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return x =>
        {
            var owner = new ForwardDifferentiation();
            Scalar y;
            try { y = f(owner.Make(x, 1.0)); }
            finally { owner.Finish(); }
            CheckNotEscaped(y, owner);
            return owner.Split(y).Tangent;
        };
    }

    /// <summary>The <paramref name="order"/>-th derivative of f (order 0 is f itself), by nested forward mode.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="order"/> is negative.</exception>
    public static Func<Scalar, Scalar> Derivative(Func<Scalar, Scalar> f, int order)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentOutOfRangeException.ThrowIfNegative(order);
        var result = f;
        for (var k = 0; k < order; k++) result = Derivative(result);
        return result;
    }

    /// <summary>Jacobian-vector product: <c>Jvp(f)(x, v)</c> = (f(x), J(x)·v) in one forward pass.</summary>
    /// <exception cref="ArgumentException">v and x differ in length, or f returns null.</exception>
    public static Func<Scalar[], Scalar[], (Scalar[] Value, Scalar[] Tangent)> Jvp(Func<Scalar[], Scalar[]> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return (x, v) => JvpCore(f, CheckInput(x), CheckInput(v, "v"));
    }

    private static (Scalar[] Value, Scalar[] Tangent) JvpCore(Func<Scalar[], Scalar[]> f, Scalar[] x, Scalar[] v, int? expectedLength = null)
    {
        if (v.Length != x.Length)
            throw new ArgumentException($"the tangent has {v.Length} entries but the input has {x.Length}", nameof(v));
        var owner = new ForwardDifferentiation();
        var inputs = new Scalar[x.Length];
        for (var i = 0; i < x.Length; i++) inputs[i] = owner.Make(x[i], v[i]);
        Scalar[] outputs;
        try { outputs = CheckOutput(f(inputs), expectedLength); }
        finally { owner.Finish(); }
        var value = new Scalar[outputs.Length];
        var tangent = new Scalar[outputs.Length];
        for (var j = 0; j < outputs.Length; j++)
        {
            CheckNotEscaped(outputs[j], owner);
            (value[j], tangent[j]) = owner.Split(outputs[j]);
        }
        return (value, tangent);
    }

    /// <summary>The Jacobian (outputs × inputs) by forward mode: one pass per input.</summary>
    public static Func<Scalar[], Scalar[,]> JacFwd(Func<Scalar[], Scalar[]> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return x =>
        {
            CheckInput(x);
            var n = x.Length;
            if (n == 0) return new Scalar[CheckOutput(f([])).Length, 0];
            var columns = new Scalar[n][];
            int? m = null;
            for (var j = 0; j < n; j++)
            {
                var direction = new Scalar[n];
                direction[j] = 1.0;
                columns[j] = JvpCore(f, x, direction, m).Tangent;
                m = columns[j].Length;
            }
            return ToMatrix(columns, m!.Value, n, areColumns: true);
        };
    }
}
