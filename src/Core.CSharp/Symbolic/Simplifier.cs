namespace Functional.Symbolic;

/// <summary>
/// Algebraic simplification, one post-order pass over the DAG (each node simplified once, from its
/// simplified children). Sums are brought to the normal form constant + Σ cᵢ·termᵢ (like terms
/// collected: x + x → 2*x, x − x → 0) and products to c·Π baseⱼ^kⱼ with constant exponents (powers of
/// one base merged: x*x → x^2, x^2*x → x^3, integer powers distributed over products); constants
/// fold, identities vanish, and <c>xlogy(u, c)</c> with a constant c &gt; 0 becomes <c>u*log(c)</c>.
/// Terms and factors are put in a fixed, readable order (higher degree first, variables before
/// functions, constants last), so results read like a person's: <c>3*x^2</c>, <c>x*cos(x) + sin(x)</c>.
/// </summary>
/// <remarks>
/// Rewrites hold wherever the input is defined (finite); like SymPy, x·0 → 0 and x^0 → 1. Exponents
/// are merged only under integer powers ((x^a)^n = x^(a·n) for integer n; (x^2)^0.5 is left alone).
/// Normal forms are capped at <see cref="MaxTerms"/> terms or factors: larger sums and products are
/// kept as they are (still simplified inside), which keeps the pass linear on huge expressions.
/// </remarks>
internal sealed partial class Simplifier
{
    /// <summary>The most terms (or factors) gathered into one normal form.</summary>
    internal const int MaxTerms = 128;

    private readonly Dictionary<Expr, Expr> simplified = new();
    private readonly Dictionary<Expr, Product> splits = new();

    /// <summary>Sums and products kept as they were because their normal form would be too large;
    /// gathering stops at once when it meets one, so long chains cost O(1) per node.</summary>
    private readonly HashSet<Expr> oversized = new();

    internal static Expr Simplify(Expr root)
    {
        var s = new Simplifier();
        foreach (var n in Expr.PostOrder(root)) s.simplified[n] = s.Step(n);
        return s.simplified[root];
    }

    private Expr Step(Expr n)
    {
        switch (n.Kind)
        {
            case ExprKind.Constant:
            case ExprKind.Variable:
                return n;
            case ExprKind.Unary:
                return Unary(n.UnaryOp!, simplified[n.Left!]);
            default:
                return Binary(n.BinaryOp!, simplified[n.Left!], simplified[n.Right!]);
        }
    }

    private Expr Unary(UnaryPrimitive<Expr> op, Expr x)
    {
        if (ReferenceEquals(op, Primitives<Expr>.Negate))
        {
            var negated = SumOf([(x, -1)]);
            if (negated is not null) return negated;
            var kept = Expr.Apply(op, x);
            oversized.Add(kept);
            return kept;
        }
        if (ReferenceEquals(op, Primitives<Expr>.Sign) || ReferenceEquals(op, Primitives<Expr>.Abs))
        {
            if (x.Is(op)) return x;                                                // sign(sign x), abs(abs x)
            if (x.Is(Primitives<Expr>.Negate))                                     // sign(−x) = −sign(x), abs(−x) = abs(x)
                return ReferenceEquals(op, Primitives<Expr>.Abs) ? Expr.Apply(op, x.Left!) : Unary(Primitives<Expr>.Negate, Expr.Apply(op, x.Left!));
        }
        return Expr.Apply(op, x);
    }

    private Expr Binary(BinaryPrimitive<Expr> op, Expr a, Expr b)
    {
        Expr? result = null;
        if (ReferenceEquals(op, Primitives<Expr>.Add)) result = SumOf([(a, 1), (b, 1)]);
        else if (ReferenceEquals(op, Primitives<Expr>.Subtract)) result = SumOf([(a, 1), (b, -1)]);
        else if (ReferenceEquals(op, Primitives<Expr>.Multiply)) result = ProductOf([(a, 1), (b, 1)]);
        else if (ReferenceEquals(op, Primitives<Expr>.Divide)) result = ProductOf([(a, 1), (b, -1)]);
        else if (ReferenceEquals(op, Primitives<Expr>.Pow))
        {
            if (b.IsConstant && Expr.IsInteger(b.ConstantValue) && !a.IsConstant) result = ProductOf([(a, b.ConstantValue)]);
        }
        else if (ReferenceEquals(op, Primitives<Expr>.Xlogy))
        {
            // x·log(y) equals xlogy(x, y) wherever log(y) is finite or x ≠ 0.
            if ((b.IsConstant && b.ConstantValue > 0 && double.IsFinite(b.ConstantValue))
                || (a.IsConstant && a.ConstantValue != 0 && double.IsFinite(a.ConstantValue)))
                return Binary(Primitives<Expr>.Multiply, a, Expr.Apply(Primitives<Expr>.Log, b));
        }
        else if ((ReferenceEquals(op, Primitives<Expr>.Max) || ReferenceEquals(op, Primitives<Expr>.Min)) && ReferenceEquals(a, b))
            return a;
        if (result is not null) return result;
        var kept = Expr.Apply(op, a, b);
        if (kept.Is(Primitives<Expr>.Add) || kept.Is(Primitives<Expr>.Subtract) || kept.Is(Primitives<Expr>.Multiply) || kept.Is(Primitives<Expr>.Divide))
            oversized.Add(kept);
        return kept;
    }
}
