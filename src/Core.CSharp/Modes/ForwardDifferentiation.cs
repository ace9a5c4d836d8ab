namespace Functional;

/// <summary>One forward-mode invocation (Derivative, Jvp, JacFwd …) and the interpreter of dual numbers.</summary>
internal sealed class ForwardDifferentiation : Differentiation
{
    public override string Kind => "dual";

    /// <summary>primal + tangent·ε, allocation-free when both parts are plain doubles.</summary>
    public Scalar Make(Scalar primal, Scalar tangent) =>
        primal.Node is null && tangent.Node is null
            ? Scalar.FirstOrderDual(primal.Primal, this, tangent.Primal)
            : new Scalar(primal.Primal, new DualNumber(this, primal, tangent), 0);

    /// <summary>The primal and tangent of <paramref name="value"/> for this perturbation (a value of a
    /// lower level is a constant: tangent 0).</summary>
    public (Scalar Primal, Scalar Tangent) Split(Scalar value)
    {
        if (value.Node == this) return (new Scalar(value.Primal), new Scalar(value.Tangent));
        return value.Node is DualNumber dual && dual.Owner == this ? (dual.Primal, dual.Tangent) : (value, default);
    }

    public override Scalar PrimalOf(Scalar value) => Split(value).Primal;

    public override Scalar Apply(UnaryPrimitive<Scalar> primitive, Scalar x)
    {
        EnsureActive();
        var (xp, xt) = Split(x);
        var y = Scalar.Apply(primitive, xp);
        return Make(y, primitive.Derivative(xp, y) * xt);
    }

    public override Scalar Apply(BinaryPrimitive<Scalar> primitive, Scalar a, Scalar b)
    {
        EnsureActive();
        var (ap, at) = Split(a);
        var (bp, bt) = Split(b);
        var y = Scalar.Apply(primitive, ap, bp);
        bool aVaries = Owns(a), bVaries = Owns(b);
        var tangent = aVaries && bVaries
            ? primitive.DerivativeLeft(ap, bp, y) * at + primitive.DerivativeRight(ap, bp, y) * bt
            : aVaries ? primitive.DerivativeLeft(ap, bp, y) * at
            : primitive.DerivativeRight(ap, bp, y) * bt;
        return Make(y, tangent);
    }

    public override void Apply(Op op, ReadOnlySpan<Scalar> x, Span<Scalar> y)
    {
        EnsureActive();
        var primals = new Scalar[x.Length];
        var tangents = new Scalar[x.Length];
        for (var i = 0; i < x.Length; i++) (primals[i], tangents[i]) = Split(x[i]);
        var values = new Scalar[y.Length];
        Scalar.Apply(op, primals, values);
        var dy = new Scalar[y.Length];
        op.Jvp(primals, values, tangents, dy);
        for (var j = 0; j < y.Length; j++) y[j] = Make(values[j], dy[j]);
    }
}
