using System.Runtime.CompilerServices;

namespace Functional;

/// <summary>
/// The plain-double fast lanes: first-order reverse mode (all operands constants or first-order
/// variables of one tape) and first-order forward mode (constants or first-order dual numbers of one
/// invocation) compute on doubles and record or return without touching the interpreters' generic
/// paths. The arithmetic operators restate the table's partials (1 and 1, 1 and −1, b and a,
/// 1/b and −y/b) to avoid a delegate call per operation; a test checks every lane bit for bit
/// against the generic path for every table entry.
/// </summary>
internal static class FastLanes
{
    /// <summary>The tape on which both operands are first-order variables or constants, if any.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tape? FirstOrderTape(Scalar a, Scalar b)
    {
        Node? na = a.Node, nb = b.Node;
        return (na ?? nb) is Tape { IsFirstOrder: true } tape && (na is null || na == tape) && (nb is null || nb == tape)
            ? tape : null;
    }

    /// <summary>The forward invocation of which both operands are first-order dual numbers or constants, if any
    /// (a constant's tangent is 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ForwardDifferentiation? FirstOrderDual(Scalar a, Scalar b)
    {
        Node? na = a.Node, nb = b.Node;
        return (na ?? nb) is ForwardDifferentiation { Finished: false } owner && (na is null || na == owner) && (nb is null || nb == owner)
            ? owner : null;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SlotOf(Scalar value) => value.Node is null ? -1 : value.Slot;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Scalar Add(Scalar a, Scalar b)
    {
        if (a.Node is null && b.Node is null) return new(a.Primal + b.Primal);
        if (FirstOrderTape(a, b) is { } tape) return tape.RecordFirstOrder(a.Primal + b.Primal, SlotOf(a), 1.0, SlotOf(b), 1.0);
        if (FirstOrderDual(a, b) is { } dual) return Scalar.FirstOrderDual(a.Primal + b.Primal, dual, a.Tangent + b.Tangent);
        return Scalar.ApplyAtTop(Primitives<Scalar>.Add, a, b);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Scalar Subtract(Scalar a, Scalar b)
    {
        if (a.Node is null && b.Node is null) return new(a.Primal - b.Primal);
        if (FirstOrderTape(a, b) is { } tape) return tape.RecordFirstOrder(a.Primal - b.Primal, SlotOf(a), 1.0, SlotOf(b), -1.0);
        if (FirstOrderDual(a, b) is { } dual) return Scalar.FirstOrderDual(a.Primal - b.Primal, dual, a.Tangent - b.Tangent);
        return Scalar.ApplyAtTop(Primitives<Scalar>.Subtract, a, b);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Scalar Multiply(Scalar a, Scalar b)
    {
        if (a.Node is null && b.Node is null) return new(a.Primal * b.Primal);
        if (FirstOrderTape(a, b) is { } tape) return tape.RecordFirstOrder(a.Primal * b.Primal, SlotOf(a), b.Primal, SlotOf(b), a.Primal);
        if (FirstOrderDual(a, b) is { } dual)
        {
            var tangent = a.Node is null ? a.Primal * b.Tangent
                : b.Node is null ? b.Primal * a.Tangent
                : b.Primal * a.Tangent + a.Primal * b.Tangent;
            return Scalar.FirstOrderDual(a.Primal * b.Primal, dual, tangent);
        }
        return Scalar.ApplyAtTop(Primitives<Scalar>.Multiply, a, b);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Scalar Divide(Scalar a, Scalar b)
    {
        if (a.Node is null && b.Node is null) return new(a.Primal / b.Primal);
        if (FirstOrderTape(a, b) is { } tape)
        {
            var y = a.Primal / b.Primal;
            return tape.RecordFirstOrder(y, SlotOf(a), 1.0 / b.Primal, SlotOf(b), -y / b.Primal);
        }
        if (FirstOrderDual(a, b) is { } dual)
        {
            var y = a.Primal / b.Primal;
            var tangent = a.Node is null ? -y / b.Primal * b.Tangent
                : b.Node is null ? 1.0 / b.Primal * a.Tangent
                : 1.0 / b.Primal * a.Tangent + -y / b.Primal * b.Tangent;
            return Scalar.FirstOrderDual(y, dual, tangent);
        }
        return Scalar.ApplyAtTop(Primitives<Scalar>.Divide, a, b);
    }

    /// <summary>A one-argument table entry on a first-order operand, if it is one.</summary>
    public static bool TryApply(UnaryPrimitive<Scalar> primitive, Scalar x, out Scalar result)
    {
        switch (x.Node)
        {
            case Tape { IsFirstOrder: true } tape:
            {
                var y = primitive.Value(x.Primal);
                var dydx = primitive.Derivative(new Scalar(x.Primal), new Scalar(y)).Primal;
                result = tape.RecordFirstOrder(y, x.Slot, dydx, -1, 0.0);
                return true;
            }
            case ForwardDifferentiation { Finished: false } dual:
            {
                var y = primitive.Value(x.Primal);
                var dydx = primitive.Derivative(new Scalar(x.Primal), new Scalar(y)).Primal;
                result = Scalar.FirstOrderDual(y, dual, dydx * x.Tangent);
                return true;
            }
            default:
                result = default;
                return false;
        }
    }

    /// <summary>A two-argument table entry on first-order operands, if they are.</summary>
    public static bool TryApply(BinaryPrimitive<Scalar> primitive, Scalar a, Scalar b, out Scalar result)
    {
        if (FirstOrderTape(a, b) is { } tape)
        {
            double av = a.Primal, bv = b.Primal, y = primitive.Value(av, bv);
            Scalar sa = new(av), sb = new(bv), sy = new(y);
            result = tape.RecordFirstOrder(y,
                SlotOf(a), a.Node is null ? 0.0 : primitive.DerivativeLeft(sa, sb, sy).Primal,
                SlotOf(b), b.Node is null ? 0.0 : primitive.DerivativeRight(sa, sb, sy).Primal);
            return true;
        }
        if (FirstOrderDual(a, b) is { } dual)
        {
            double av = a.Primal, bv = b.Primal, y = primitive.Value(av, bv);
            Scalar sa = new(av), sb = new(bv), sy = new(y);
            var tangent = a.Node is null ? primitive.DerivativeRight(sa, sb, sy).Primal * b.Tangent
                : b.Node is null ? primitive.DerivativeLeft(sa, sb, sy).Primal * a.Tangent
                : primitive.DerivativeLeft(sa, sb, sy).Primal * a.Tangent + primitive.DerivativeRight(sa, sb, sy).Primal * b.Tangent;
            result = Scalar.FirstOrderDual(y, dual, tangent);
            return true;
        }
        result = default;
        return false;
    }
}
