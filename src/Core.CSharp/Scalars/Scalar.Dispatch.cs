namespace Functional;

public readonly partial struct Scalar
{
    /// <summary>
    /// Applies a one-argument primitive at every level of nesting: the outermost level (the
    /// highest <see cref="Level"/>) is peeled off, the primitive is applied to its primal one
    /// level down, and the derivative from the rule table is attached at this level.
    /// </summary>
    internal static Scalar Apply(UnaryPrimitive<Scalar> primitive, Scalar x)
    {
        switch (x.Node)
        {
            case null:
                return new Scalar(primitive.Value(x.Primal));
            case Tape { IsFirstOrder: true } firstOrder:
            {
                // The common case of reverse mode: everything below this level is a plain double.
                var y = primitive.Value(x.Primal);
                var dydx = primitive.Derivative(new Scalar(x.Primal), new Scalar(y)).Primal;
                return firstOrder.RecordFirstOrder(y, x.Slot, dydx, -1, 0.0);
            }
            case ForwardDifferentiation owner:
            {
                owner.EnsureActive();
                var y = primitive.Value(x.Primal);
                var dydx = primitive.Derivative(new Scalar(x.Primal), new Scalar(y)).Primal;
                return new Scalar(y, owner, dydx * x.Aux);
            }
            case DualNumber dual:
            {
                dual.Owner.EnsureActive();
                var y = Apply(primitive, dual.Primal);
                return DualNumber.Make(dual.Owner, y, primitive.Derivative(dual.Primal, y) * dual.Tangent);
            }
            case TaylorNumber taylor:
                return taylor.Owner.Apply(primitive, x);
            default:
            {
                var tape = (Tape)x.Node;
                tape.EnsureActive();
                var xp = tape.PrimalOf(x);
                var y = Apply(primitive, xp);
                return tape.Record(y, x.Slot, primitive.Derivative(xp, y), -1, default);
            }
        }
    }

    /// <summary>Applies a two-argument primitive; the operand of lower level is a constant of the higher.</summary>
    internal static Scalar Apply(BinaryPrimitive<Scalar> primitive, Scalar a, Scalar b)
    {
        object? na = a.Node, nb = b.Node;
        if (na is null && nb is null) return new Scalar(primitive.Value(a.Primal, b.Primal));
        if (Tape.FirstOrderOwner(a, b) is { } firstOrder)
        {
            // The common case of reverse mode: both operands are constants or first-order variables of one tape.
            double av = a.Primal, bv = b.Primal, y = primitive.Value(av, bv);
            Scalar sa = new(av), sb = new(bv), sy = new(y);
            return firstOrder.RecordFirstOrder(y,
                na is null ? -1 : a.Slot, na is null ? 0.0 : primitive.DerivativeLeft(sa, sb, sy).Primal,
                nb is null ? -1 : b.Slot, nb is null ? 0.0 : primitive.DerivativeRight(sa, sb, sy).Primal);
        }
        if (ForwardDifferentiation.FirstOrderOwner(a, b) is { } firstOrderDual)
        {
            double av = a.Primal, bv = b.Primal, y = primitive.Value(av, bv), tangent = 0;
            Scalar sa = new(av), sb = new(bv), sy = new(y);
            if (na is not null) tangent += primitive.DerivativeLeft(sa, sb, sy).Primal * a.Aux;
            if (nb is not null) tangent += primitive.DerivativeRight(sa, sb, sy).Primal * b.Aux;
            return new Scalar(y, firstOrderDual, tangent);
        }
        var top = na == nb ? na : a.Level >= b.Level ? na : nb;
        if (top is TaylorNumber taylor) return taylor.Owner.Apply(primitive, a, b);
        var owner = top as ForwardDifferentiation ?? (top as DualNumber)?.Owner;
        if (owner is not null)
        {
            owner.EnsureActive();
            var (ap, at) = DualNumber.Split(a, owner);
            var (bp, bt) = DualNumber.Split(b, owner);
            var y = Apply(primitive, ap, bp);
            var aVaries = DualNumber.Varies(a, owner);
            var bVaries = DualNumber.Varies(b, owner);
            Scalar tangent = aVaries && bVaries
                ? primitive.DerivativeLeft(ap, bp, y) * at + primitive.DerivativeRight(ap, bp, y) * bt
                : aVaries ? primitive.DerivativeLeft(ap, bp, y) * at
                : primitive.DerivativeRight(ap, bp, y) * bt;
            return DualNumber.Make(owner, y, tangent);
        }
        else
        {
            var tape = (Tape)top!;
            tape.EnsureActive();
            var aOnTape = na == tape;
            var bOnTape = nb == tape;
            var ap = aOnTape ? tape.PrimalOf(a) : a;
            var bp = bOnTape ? tape.PrimalOf(b) : b;
            var y = Apply(primitive, ap, bp);
            return tape.Record(y,
                aOnTape ? a.Slot : -1, aOnTape ? primitive.DerivativeLeft(ap, bp, y) : default,
                bOnTape ? b.Slot : -1, bOnTape ? primitive.DerivativeRight(ap, bp, y) : default);
        }
    }
}
