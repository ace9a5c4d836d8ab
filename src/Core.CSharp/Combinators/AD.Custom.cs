namespace Functional;

public static partial class AD
{
    /// <summary>f with the derivative <paramref name="derivative"/>: f is only ever evaluated on plain
    /// values (its inside is not differentiated, so it may use any numerically convenient formula),
    /// and every mode multiplies by <c>derivative(x)</c>. The derivative is written in
    /// <see cref="Scalar"/> operations, so it is differentiated in turn: the second derivative of the
    /// result is <c>derivative′</c>.</summary>
    /// <example><code>
    /// var softplus = CustomDerivative(
    ///     x =&gt; x &gt; 0 ? x + Scalar.Log1p(Scalar.Exp(-x)) : Scalar.Log1p(Scalar.Exp(x)),
    ///     Scalar.Sigmoid);
    /// Derivative(softplus)(100.0);   // 1, where the naive formula's derivative overflows at x &gt; 709
    /// </code></example>
    /// <exception cref="ArgumentNullException"><paramref name="f"/> or <paramref name="derivative"/> is null.</exception>
    /// <remarks>Neither f nor the rule may use a value being differentiated other than the argument
    /// (a captured variable): its derivative could be lost, so that throws
    /// <see cref="InvalidOperationException"/> rather than giving a wrong number. The same holds for
    /// the rules of <see cref="CustomJvp"/> and <see cref="CustomVjp"/>; pass such values as inputs.</remarks>
    public static Func<Scalar, Scalar> CustomDerivative(Func<Scalar, Scalar> f, Func<Scalar, Scalar> derivative)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(derivative);
        var op = new CustomDerivativeOp(f, derivative);
        return x => Scalar.Apply(op, [x])[0];
    }

    /// <summary>f with the forward rule <paramref name="jvp"/>: <c>jvp(x, v)</c> = J(x)·v, linear in v and
    /// written in <see cref="Scalar"/> operations. Forward mode uses it directly; reverse mode gets uᵀJ by
    /// transposing it (the gradient of v ↦ u·jvp(x, v), as JAX does), so one rule serves every mode
    /// and nests. f itself is only evaluated on plain values.</summary>
    /// <exception cref="ArgumentNullException">An argument (or later x) is null.</exception>
    /// <exception cref="ArgumentException">f returns null, or <paramref name="jvp"/> returns a number of
    /// values different from f's.</exception>
    public static Func<Scalar[], Scalar[]> CustomJvp(Func<Scalar[], Scalar[]> f, Func<Scalar[], Scalar[], Scalar[]> jvp)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(jvp);
        return x => ApplyCustom(x, "CustomJvp", f, (point, values) => new CustomJvpOp(f, jvp, point, values));
    }

    /// <summary>f with the reverse rule <paramref name="vjp"/>: <c>vjp(x, u)</c> = uᵀ·J(x), written in
    /// <see cref="Scalar"/> operations (so reverse-over-reverse works). Reverse mode only: forward mode
    /// through it throws <see cref="InvalidOperationException"/> ("no JVP rule"). f itself is only
    /// evaluated on plain values.</summary>
    /// <example><code>
    /// // gradient clipping: the identity forward, the cotangent clipped to [−1, 1] backward
    /// var clip = CustomVjp(x =&gt; x, (x, u) =&gt; [Scalar.Max(-1.0, Scalar.Min(1.0, u[0]))]);
    /// </code></example>
    /// <exception cref="ArgumentNullException">An argument (or later x) is null.</exception>
    /// <exception cref="ArgumentException">f returns null, or <paramref name="vjp"/> returns a number of
    /// values different from the number of inputs.</exception>
    public static Func<Scalar[], Scalar[]> CustomVjp(Func<Scalar[], Scalar[]> f, Func<Scalar[], Scalar[], Scalar[]> vjp)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(vjp);
        return x => ApplyCustom(x, "CustomVjp", f, (point, values) => new CustomVjpOp(f, vjp, point, values));
    }

    /// <summary>Evaluates f on plain values (which tells the number of outputs) and applies the op made
    /// for this call; constants need no op.</summary>
    private static Scalar[] ApplyCustom(Scalar[] x, string combinator, Func<Scalar[], Scalar[]> f, Func<double[], double[], Op> makeOp)
    {
        CheckInput(x);
        var point = Scalar.Primals(x);
        var values = UserFunctions.OnConstants(f, point, combinator, nameof(f));
        return AllConstant(x) ? Scalar.Constants(values) : Scalar.Apply(makeOp(point, values), x);
    }

    private static bool AllConstant(ReadOnlySpan<Scalar> x)
    {
        foreach (var v in x)
            if (!v.IsConstant) return false;
        return true;
    }
}
