namespace Functional.Symbolic;

public sealed partial class Expr
{
    /// <summary>
    /// op(x), folding constants the way SymPy does (a float argument is evaluated, an integer one only
    /// when the result is an integer: <c>sin(0.5)</c> folds, <c>log(2)</c> stays) and −(−x) = x.
    /// </summary>
    internal static Expr Apply(UnaryPrimitive<Expr> op, Expr x)
    {
        if (x.IsConstant)
        {
            var c = x.ConstantValue;
            if (ReferenceEquals(op, Primitives<Expr>.Negate)) return Const(-c);
            var y = op.Value(c);
            if (double.IsFinite(y) && (!IsInteger(c) || IsInteger(y))) return Const(y);
            return RawUnary(op, x);
        }
        if (ReferenceEquals(op, Primitives<Expr>.Negate) && x.Is(Primitives<Expr>.Negate)) return x.Left!;
        return RawUnary(op, x);
    }

    /// <summary>op(a, b), folding constants and the identities x ± 0, x·1, x·0, x/1, x^1, x^0, 1^x, x − x.</summary>
    internal static Expr Apply(BinaryPrimitive<Expr> op, Expr a, Expr b)
    {
        if (a.IsConstant && b.IsConstant && TryFold(op, a.ConstantValue, b.ConstantValue, out var folded)) return Const(folded);
        if (ReferenceEquals(op, Primitives<Expr>.Add))
        {
            if (a.IsConstantEqualTo(0)) return b;
            if (b.IsConstantEqualTo(0)) return a;
            if (b.Is(Primitives<Expr>.Negate)) return Apply(Primitives<Expr>.Subtract, a, b.Left!);
            if (b.IsConstant && b.ConstantValue < 0) return Apply(Primitives<Expr>.Subtract, a, Const(-b.ConstantValue));
            if (a.Is(Primitives<Expr>.Negate)) return Apply(Primitives<Expr>.Subtract, b, a.Left!);
        }
        else if (ReferenceEquals(op, Primitives<Expr>.Subtract))
        {
            if (b.IsConstantEqualTo(0)) return a;
            if (a.IsConstantEqualTo(0)) return Apply(Primitives<Expr>.Negate, b);
            if (ReferenceEquals(a, b)) return Const(0);
            if (b.Is(Primitives<Expr>.Negate)) return Apply(Primitives<Expr>.Add, a, b.Left!);
            if (b.IsConstant && b.ConstantValue < 0) return Apply(Primitives<Expr>.Add, a, Const(-b.ConstantValue));
        }
        else if (ReferenceEquals(op, Primitives<Expr>.Multiply))
        {
            if (a.IsConstantEqualTo(0) || b.IsConstantEqualTo(0)) return Const(0);
            if (a.IsConstantEqualTo(1)) return b;
            if (b.IsConstantEqualTo(1)) return a;
            if (a.IsConstantEqualTo(-1)) return Apply(Primitives<Expr>.Negate, b);
            if (b.IsConstantEqualTo(-1)) return Apply(Primitives<Expr>.Negate, a);
            if (b.IsConstant && !a.IsConstant) return Apply(op, b, a); // constants to the left: 3*x
            if (a.IsConstant && b.Is(Primitives<Expr>.Multiply) && b.Left!.IsConstant
                && TryFold(op, a.ConstantValue, b.Left.ConstantValue, out var c))
                return Apply(op, Const(c), b.Right!);
        }
        else if (ReferenceEquals(op, Primitives<Expr>.Divide))
        {
            if (b.IsConstantEqualTo(1)) return a;
            if (b.IsConstantEqualTo(-1)) return Apply(Primitives<Expr>.Negate, a);
            if (a.IsConstantEqualTo(0)) return Const(0);
        }
        else if (ReferenceEquals(op, Primitives<Expr>.Pow))
        {
            if (b.IsConstantEqualTo(1)) return a;
            if (b.IsConstantEqualTo(0) || a.IsConstantEqualTo(1)) return Const(1);
        }
        else if (ReferenceEquals(op, Primitives<Expr>.Xlogy))
        {
            if (a.IsConstantEqualTo(0)) return Const(0);
        }
        return RawBinary(op, a, b);
    }

    /// <summary>Folds op(a, b) when the result is finite and exact enough to read well: sums, differences
    /// and products always; quotients when exact; functions of floats always, of integers when the
    /// result is an integer (so <c>2^3</c> is 8 but <c>atan2(1, 2)</c> stays).</summary>
    internal static bool TryFold(BinaryPrimitive<Expr> op, double a, double b, out double result)
    {
        result = op.Value(a, b);
        if (!double.IsFinite(result)) return false;
        if (ReferenceEquals(op, Primitives<Expr>.Add) || ReferenceEquals(op, Primitives<Expr>.Subtract)
            || ReferenceEquals(op, Primitives<Expr>.Multiply)) return true;
        if (ReferenceEquals(op, Primitives<Expr>.Divide)) return Math.FusedMultiplyAdd(result, b, -a) == 0;
        return !(IsInteger(a) && IsInteger(b)) || IsInteger(result);
    }

    internal static bool IsInteger(double x) => double.IsFinite(x) && Math.Floor(x) == x;
}
