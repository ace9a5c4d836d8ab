namespace Functional;

/// <summary>
/// The op protocol: an operation with <see cref="Inputs"/> = k inputs and <see cref="Outputs"/> = m
/// outputs, its value on plain doubles, and its rules — a forward rule (JVP) and a reverse rule
/// (pullback) in two lanes: <see cref="Scalar"/> (so that derivatives of the rule nest) and plain
/// <see cref="double"/> (the first-order fast lane). Every interpreter processes ops the same way,
/// so a custom rule, a checkpoint, an implicit solve or a vector operation is an <see cref="Op"/>
/// made at run time, often per call, closing over whatever it needs to remember.
/// </summary>
/// <remarks>
/// The built-in one- and two-argument primitives are the same protocol specialised to partial
/// derivatives: <see cref="UnaryPrimitive{T}"/> and <see cref="BinaryPrimitive{T}"/> entries of the
/// table <see cref="Primitives{T}"/>, which the interpreters process without allocating arrays.
/// </remarks>
internal abstract class Op(string name, int inputs, int outputs)
{
    /// <summary>A short name for messages, traces and graphs.</summary>
    public string Name { get; } = name;

    /// <summary>k, the number of inputs.</summary>
    public int Inputs { get; } = inputs;

    /// <summary>m, the number of outputs.</summary>
    public int Outputs { get; } = outputs;

    /// <summary>y = op(x) on plain doubles.</summary>
    public abstract void Evaluate(ReadOnlySpan<double> x, Span<double> y);

    /// <summary>Forward rule: <paramref name="dy"/> = J(x)·<paramref name="dx"/>, given the inputs and
    /// the outputs, in <see cref="Scalar"/> operations so that it can itself be differentiated.
    /// An input that does not vary has tangent 0.</summary>
    public virtual void Jvp(ReadOnlySpan<Scalar> x, ReadOnlySpan<Scalar> y, ReadOnlySpan<Scalar> dx, Span<Scalar> dy) =>
        throw new InvalidOperationException($"the operation '{Name}' has no JVP rule, so forward mode cannot differentiate through it; use reverse mode (Grad, Vjp, JacRev)");

    /// <summary>Reverse rule, <see cref="Scalar"/> lane: <paramref name="dx"/> += <paramref name="dy"/>ᵀ·J(x),
    /// in <see cref="Scalar"/> operations so that a sweep inside an enclosing differentiation is
    /// itself differentiated.</summary>
    public virtual void Pullback(ReadOnlySpan<Scalar> x, ReadOnlySpan<Scalar> y, ReadOnlySpan<Scalar> dy, Span<Scalar> dx) =>
        throw new InvalidOperationException($"the operation '{Name}' has no reverse rule, so reverse mode cannot differentiate through it; use forward mode (Derivative, Jvp, JacFwd)");

    /// <summary>Reverse rule, <see cref="double"/> lane: <paramref name="dx"/> += <paramref name="dy"/>ᵀ·J(x).
    /// By default the <see cref="Scalar"/> lane on constants; ops on arrays override it with loops over doubles.</summary>
    public virtual void Pullback(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> dy, Span<double> dx)
    {
        var sx = Scalar.Constants(x);
        var sy = Scalar.Constants(y);
        var sdy = Scalar.Constants(dy);
        var sdx = new Scalar[dx.Length];
        Pullback(sx, sy, sdy, sdx);
        for (var i = 0; i < dx.Length; i++) dx[i] += sdx[i].Primal;
    }
}
