using System.Runtime.InteropServices;

namespace Functional.Symbolic;

/// <summary>
/// Algebraic simplification, one post-order pass over the DAG (each node simplified once, from its
/// simplified children). Each node first gets the fast normal form: sums as constant + Σ cᵢ·termᵢ
/// (like terms collected: x + x → 2*x, x − x → 0), products as c·Π baseⱼ^kⱼ with constant exponents
/// (powers of one base merged: x*x → x^2, integer powers distributed over products); constants fold,
/// identities vanish, and <c>xlogy(u, c)</c> with a constant c &gt; 0 becomes <c>u*log(c)</c>. Terms and
/// factors are put in a fixed, readable order (higher degree first, variables before functions,
/// constants last), so results read like a person's: <c>3*x^2</c>, <c>x*cos(x) + sin(x)</c>. Then, as
/// <see cref="SimplifyOptions"/> allow, candidate forms compete (rational normal form, function and
/// activation identities) and the one with fewest operations is kept.
/// </summary>
/// <remarks>
/// Rewrites hold wherever the input is defined (finite); like SymPy, x·0 → 0 and x^0 → 1. Exponents
/// are merged only under integer powers ((x^a)^n = x^(a·n) for integer n; (x^2)^0.5 is left alone).
/// A sum (or product) used only inside larger sums (products) is not normalised on its own: the
/// outermost one gathers all its terms at once, so a chain of n additions costs O(n), and sums of up
/// to <see cref="MaxTerms"/> terms are collected. Larger ones are kept as they are (still simplified inside).
/// </remarks>
internal sealed partial class Simplifier
{
    /// <summary>The most terms (or factors) gathered into one first-pass normal form.</summary>
    internal const int MaxTerms = 4096;

    /// <summary>The steps a gathering may take beyond the nodes of its region (see <see cref="Interior"/>):
    /// a region is a tree, so its walk is linear; anything else gives up early.</summary>
    internal const int BaseVisits = 4096;

    /// <summary>The steps the current gathering may take.</summary>
    private int maxVisits = BaseVisits;

    /// <summary>For each region root, the number of interior nodes it gathers.</summary>
    private Dictionary<Expr, int> regionSizes = new();

    private readonly SimplifyOptions options;
    private readonly RationalAlgebra? algebra;

    private readonly Dictionary<Expr, Expr> simplified = new();
    private readonly Dictionary<Expr, Product> splits = new();

    /// <summary>Sums and products kept as they were because their normal form would be too large;
    /// gathering stops at once when it meets one.</summary>
    private readonly HashSet<Expr> oversized = new();

    private Simplifier(SimplifyOptions options)
    {
        this.options = options;
        if (options.RationalFunctions || options.Trigonometric)
            algebra = new RationalAlgebra(options.MaxTerms, cancel: options.RationalFunctions, trigonometric: options.Trigonometric);
    }

    internal static Expr Simplify(Expr root, SimplifyOptions options)
    {
        var s = new Simplifier(options);
        var order = Expr.PostOrder(root);
        var interior = Interior(order, root);
        s.simplified.EnsureCapacity(order.Count);
        s.regionSizes.EnsureCapacity(interior.Count);
        foreach (var n in order)
        {
            if (interior.Contains(n))
            {
                s.simplified[n] = Rebuild(n, s.simplified);
                s.regionSizes[n] = 1 + s.regionSizes.GetValueOrDefault(n.Left!) + (n.Right is { } r ? s.regionSizes.GetValueOrDefault(r) : 0);
                continue;
            }
            s.maxVisits = BaseVisits + 4 * ((n.Left is { } left ? s.regionSizes.GetValueOrDefault(left) : 0) + (n.Right is { } right ? s.regionSizes.GetValueOrDefault(right) : 0));
            var first = s.Step(n, s.simplified);
            s.maxVisits = BaseVisits;
            s.simplified[n] = options.Any ? s.Choose(first) : first;
        }
        return s.simplified[root];
    }

    /// <summary>Sums used exactly once, by a sum, and products used exactly once, by a product: the
    /// outermost sum (product) gathers them, so they are not normalised on their own. Shared nodes are
    /// normalised once and gathered as they are, so no walk repeats a shared part.</summary>
    private static HashSet<Expr> Interior(List<Expr> order, Expr root)
    {
        var uses = new Dictionary<Expr, int>(order.Count);
        var usedElsewhere = new HashSet<Expr>(order.Count) { root };
        foreach (var n in order)
        {
            var sum = IsSumNode(n);
            var product = IsProductNode(n);
            if (n.Left is { } left) Use(left);
            if (n.Right is { } right) Use(right);

            void Use(Expr child)
            {
                ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(uses, child, out _);
                count++;
                if (!(sum && IsSumNode(child)) && !(product && IsProductNode(child))) usedElsewhere.Add(child);
            }
        }
        var interior = new HashSet<Expr>();
        foreach (var n in order)
            if ((IsSumNode(n) || IsProductNode(n)) && !usedElsewhere.Contains(n) && uses.GetValueOrDefault(n) == 1) interior.Add(n);
        return interior;
    }

    private static bool IsSumNode(Expr e) => e.Is(Primitives<Expr>.Add) || e.Is(Primitives<Expr>.Subtract) || e.Is(Primitives<Expr>.Negate);

    private static bool IsProductNode(Expr e) => e.Is(Primitives<Expr>.Multiply) || e.Is(Primitives<Expr>.Divide);

    private static Expr Rebuild(Expr n, Dictionary<Expr, Expr> memo) => n.Kind == ExprKind.Unary
        ? Expr.Apply(n.UnaryOp!, memo[n.Left!])
        : Expr.Apply(n.BinaryOp!, memo[n.Left!], memo[n.Right!]);

    private Expr Step(Expr n, Dictionary<Expr, Expr> memo)
    {
        switch (n.Kind)
        {
            case ExprKind.Constant:
            case ExprKind.Variable:
                return n;
            case ExprKind.Unary:
                return Unary(n.UnaryOp!, memo[n.Left!]);
            default:
                return Binary(n.BinaryOp!, memo[n.Left!], memo[n.Right!]);
        }
    }

    private Expr Unary(UnaryPrimitive<Expr> op, Expr x)
    {
        if (ReferenceEquals(op, Primitives<Expr>.Negate))
        {
            var negated = SumOf([(x, -1)]);
            if (negated is not null) return negated;
            var kept = Expr.Apply(op, x);
            MarkOversized(kept);
            return kept;
        }
        if (ReferenceEquals(op, Primitives<Expr>.Sign) || ReferenceEquals(op, Primitives<Expr>.Abs))
        {
            if (x.Is(op)) return x;                                                // sign(sign x), abs(abs x)
            if (x.Is(Primitives<Expr>.Negate))                                     // sign(−x) = −sign(x), abs(−x) = abs(x)
                return ReferenceEquals(op, Primitives<Expr>.Abs) ? Expr.Apply(op, x.Left!) : Unary(Primitives<Expr>.Negate, Expr.Apply(op, x.Left!));
        }
        if (options.FunctionIdentities || options.Activations)
        {
            var rewritten = FunctionIdentity(op, x);
            if (rewritten is not null) return rewritten;
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
            MarkOversized(kept);
        return kept;
    }

    /// <summary>True for a sum or product kept as it was (the set is almost always empty).</summary>
    private bool IsOversized(Expr e) => oversized.Count > 0 && oversized.Contains(e);

    /// <summary>Keeps a sum or product as it is from now on (memoised factorings may have walked into it).</summary>
    private void MarkOversized(Expr e)
    {
        if (oversized.Add(e)) factorings.Clear();
    }
}
