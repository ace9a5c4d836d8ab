namespace Functional.Symbolic;

/// <summary>The second stage of <see cref="Simplifier"/>: candidate forms of a node compete and the
/// one with the fewest operations wins (ties keep the first-pass form).</summary>
internal sealed partial class Simplifier
{
    private readonly Dictionary<Expr, RationalForm> forms = new();
    private readonly Dictionary<Expr, Expr> canonical = new();

    private readonly Dictionary<Expr, Expr> bestOf = new();

    private Expr Choose(Expr first)
    {
        if (bestOf.TryGetValue(first, out var known)) return known;   // met before (shared forms)
        var chosen = ChooseNew(first);
        bestOf[first] = chosen;
        bestOf.TryAdd(chosen, chosen);
        return chosen;
    }

    private Expr ChooseNew(Expr first)
    {
        // Leaves, and sums or products the first pass found too large, are kept as they are.
        if (first.Kind is ExprKind.Constant or ExprKind.Variable || oversized.Contains(first)) return Done(first);
        var best = first;
        var bestSize = Operations(first);
        if (algebra is not null && IsArithmetic(first) && RationalMightHelp(first) && Form(first) is { } rf && Estimate(rf) <= bestSize + 3)
            foreach (var built in new[] { algebra.ToExpr(rf), algebra.ToFactoredExpr(rf) })
            {
                if (built is null) continue;
                var candidate = Canonical(built);
                var size = Operations(candidate);
                if (size < bestSize) { best = candidate; bestSize = size; forms[candidate] = rf; }
            }
        if (options.RationalFunctions && IsSumNode(best))
        {
            var sum = best;
            Consider(Together(sum), ref best, ref bestSize);
            Consider(Together(sum, sumsOnly: true), ref best, ref bestSize);
        }
        if ((options.FunctionIdentities || options.Activations || options.Trigonometric) && (IsProductNode(best) || (best.Is(Primitives<Expr>.Pow) && best.Right!.IsConstant)) && ProductRewriteMightHelp(best))
            Consider(RewriteProduct(best), ref best, ref bestSize, orEqual: true);
        if (options.RationalFunctions && IsProductNode(best)) Consider(ClearInnerFractions(best), ref best, ref bestSize);
        if (options.RationalFunctions && IsSumNode(best) && partDepth == 0)
            foreach (var part in Parts(best))
            {
                partDepth++;
                var inside = Choose(Canonical(part.Inside));
                partDepth--;
                Consider(SumOf([(inside, 1), (part.Outside, 1)]), ref best, ref bestSize);
            }
        if (options.FunctionIdentities && IsProductNode(best)) Consider(RootQuotient(best), ref best, ref bestSize);
        // The sigmoid form of a slope reads best (x*(1 - sigmoid(w*x + b))*sigmoid(w*x + b)): the cosh
        // form has to save two operations, not one.
        if (options.Activations && IsProductNode(best)) Consider(SigmoidSlope(best), ref best, ref bestSize, by: 2);
        return Done(best);
    }

    /// <summary>Takes the first-pass form of <paramref name="built"/> when it has at least
    /// <paramref name="by"/> fewer operations than the best so far (or as many, with
    /// <paramref name="orEqual"/>, when it differs).</summary>
    private void Consider(Expr? built, ref Expr best, ref long bestSize, bool orEqual = false, int by = 1)
    {
        if (built is null) return;
        var candidate = Canonical(built);
        var size = Operations(candidate);
        if (size <= bestSize - by || (orEqual && size == bestSize && candidate != best)) { best = candidate; bestSize = size; }
    }

    /// <summary>A quick look at the top of a first-pass form (its terms and their factors): the
    /// rational form can only differ when some factor is a sum (to expand or cancel), a tangent or a
    /// squared cosine (trigonometric reduction), when two terms have denominators (to combine) or when
    /// all terms share a factor (to take out). Everything else is already a collected polynomial in
    /// its atoms, so the form is not built.</summary>
    private bool RationalMightHelp(Expr first)
    {
        var terms = new List<Expr>();
        var pending = new Stack<Expr>([first]);
        while (pending.Count > 0)
        {
            var e = pending.Pop();
            if (terms.Count > 4 * options.MaxTerms) return true;
            if (IsSumNode(e)) { pending.Push(e.Left!); if (e.Right is { } r) pending.Push(r); }
            else terms.Add(e);
        }
        var denominators = 0;
        HashSet<Expr>? shared = null;
        foreach (var term in terms)
        {
            var bases = new HashSet<Expr>();
            var hasDenominator = false;
            var stack = new Stack<(Expr Node, double Power)>([(term, 1)]);
            while (stack.Count > 0)
            {
                var (e, k) = stack.Pop();
                if (e.Is(Primitives<Expr>.Multiply)) { stack.Push((e.Left!, k)); stack.Push((e.Right!, k)); continue; }
                if (e.Is(Primitives<Expr>.Divide)) { stack.Push((e.Left!, k)); stack.Push((e.Right!, -k)); continue; }
                if (e.Is(Primitives<Expr>.Pow) && e.Right!.IsConstant) { stack.Push((e.Left!, k * e.Right.ConstantValue)); continue; }
                if (IsSumNode(e)) return true;
                if (options.Trigonometric && (e.Is(Primitives<Expr>.Tan) || e.Is(Primitives<Expr>.Tanh)
                    || ((e.Is(Primitives<Expr>.Cos) || e.Is(Primitives<Expr>.Cosh)) && Math.Abs(k) >= 2))) return true;
                if (k < 0) hasDenominator = true;
                else if (!e.IsConstant) bases.Add(e);
            }
            if (hasDenominator) denominators++;
            if (shared is null) shared = bases;
            else shared.IntersectWith(bases);
        }
        return denominators >= 2 || (terms.Count >= 2 && shared is { Count: > 0 });
    }

    /// <summary>True when some factor is one the product identities act on.</summary>
    private static bool ProductRewriteMightHelp(Expr product)
    {
        var stack = new Stack<Expr>([product]);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            if (IsProductNode(e) || (e.Is(Primitives<Expr>.Pow) && e.Right!.IsConstant)) { stack.Push(e.Left!); if (!e.Is(Primitives<Expr>.Pow)) stack.Push(e.Right!); continue; }
            if (e.Is(Primitives<Expr>.Sqrt) || e.Is(Primitives<Expr>.Exp) || e.Is(Primitives<Expr>.Sigmoid) || e.Is(Primitives<Expr>.Sin)
                || e.Is(Primitives<Expr>.Cos) || e.Is(Primitives<Expr>.Sinh) || e.Is(Primitives<Expr>.Cosh) || e.Is(Primitives<Expr>.Add)
                || e.Is(Primitives<Expr>.Subtract)) return true;
        }
        return false;
    }

    /// <summary>About the operation count of the form written out (within an operation or two of
    /// what building it gives), so that forms that cannot win are never built.</summary>
    private long Estimate(RationalForm f)
    {
        var size = Estimate(f.Numerator);
        foreach (var d in f.Denominator) size += Estimate(d.Polynomial) + (d.Power != 1 ? 1 : 0) + 1;
        return size;
    }

    private long Estimate(Polynomial p)
    {
        long size = Math.Max(0, p.Count - 1);
        foreach (var (m, c) in p.Terms)
        {
            if (m.Count == 0) continue;
            if (!(c.IsOne || (-c).IsOne)) size++;
            size += m.Count - 1;
            for (var i = 0; i < m.Count; i++)
                size += Operations(algebra!.Atoms.Atom(m.AtomAt(i))) + (m.PowerAt(i) != 1 ? 1 : 0);
        }
        return size;
    }

    /// <summary>Marks a result as already simplified, so that rebuilding forms around it never
    /// walks into it again (which keeps the pass linear).</summary>
    private Expr Done(Expr e)
    {
        canonical[e] = e;
        return e;
    }

    private static bool IsArithmetic(Expr e) => IsSumNode(e) || IsProductNode(e) || (e.Is(Primitives<Expr>.Pow) && e.Right!.IsConstant);

    /// <summary>The first-pass normal form of an expression built from simplified pieces.</summary>
    private Expr Canonical(Expr e)
    {
        foreach (var n in PostOrderExcept(e, canonical)) canonical[n] = Step(n, canonical);
        return canonical[e];
    }

    /// <summary>Operations in the expression written out as a tree (what SymPy's count_ops counts;
    /// saturating). Negative constants are leaves.</summary>
    internal static long Operations(Expr e) => e.OperationCount;

    /// <summary>The rational form of a simplified expression (memoised; subexpressions that are not
    /// arithmetic, or whose form would exceed the budget, are atoms).</summary>
    private RationalForm Form(Expr e)
    {
        foreach (var n in PostOrderExcept(e, forms))
        {
            RationalForm? f = null;
            if (n.IsConstant)
                f = double.IsFinite(n.ConstantValue) ? algebra!.Constant(Rational.FromDoubleReadable(n.ConstantValue)) : null;
            else if (n.Is(Primitives<Expr>.Add)) f = algebra!.Add(forms[n.Left!], forms[n.Right!]);
            else if (n.Is(Primitives<Expr>.Subtract)) f = algebra!.Add(forms[n.Left!], forms[n.Right!], subtract: true);
            else if (n.Is(Primitives<Expr>.Negate)) f = algebra!.Negate(forms[n.Left!]);
            else if (n.Is(Primitives<Expr>.Multiply)) f = algebra!.Multiply(forms[n.Left!], forms[n.Right!]);
            else if (n.Is(Primitives<Expr>.Divide))
                f = InverseOf(n.Right!) is { } inverse ? algebra!.Multiply(forms[n.Left!], inverse) : null;
            else if (n.Is(Primitives<Expr>.Pow) && n.Right!.IsConstant && Expr.IsInteger(n.Right.ConstantValue) && Math.Abs(n.Right.ConstantValue) <= 64)
                f = algebra!.Power(forms[n.Left!], (int)n.Right.ConstantValue);
            if (f is null)
            {
                f = algebra!.Atom(n);
                canonical.TryAdd(n, n);   // an atom is rebuilt as it is, never re-simplified inside
            }
            forms[n] = f;
        }
        return forms[e];
    }

    /// <summary>1/e, inverted factor by factor so that (x + 1)^2 stays the factor x + 1 squared (and is
    /// recognised as such next to x + 1); depth-limited.</summary>
    private RationalForm? Inverse(Expr e, int depth)
    {
        if (depth < 32 && e.Is(Primitives<Expr>.Multiply))
            return Inverse(e.Left!, depth + 1) is { } l && Inverse(e.Right!, depth + 1) is { } r ? algebra!.Multiply(l, r) : null;
        if (depth < 32 && e.Is(Primitives<Expr>.Pow) && e.Right!.IsConstant && Expr.IsInteger(e.Right.ConstantValue) && e.Right.ConstantValue is > 0 and <= 64)
            return Inverse(e.Left!, depth + 1) is { } b ? algebra!.Power(b, (int)e.Right.ConstantValue) : null;
        return algebra!.Invert(Form(e));
    }

    // The working set and stack of PostOrderExcept, reused (it calls nothing while it walks).
    private readonly HashSet<Expr> walkSeen = new();
    private readonly Stack<(Expr Node, bool Expanded)> walkStack = new();

    /// <summary>Iterative post-order over the nodes of <paramref name="root"/> that are not keys of
    /// <paramref name="known"/> (their subtrees are not entered).</summary>
    private List<Expr> PostOrderExcept<T>(Expr root, Dictionary<Expr, T> known)
    {
        if (known.ContainsKey(root)) return [];
        // The common case, a new node over known children, without the walk's allocations.
        if ((root.Left is null || known.ContainsKey(root.Left)) && (root.Right is null || known.ContainsKey(root.Right))) return [root];
        var order = new List<Expr>();
        var seen = walkSeen;
        var stack = walkStack;
        seen.Clear();
        stack.Clear();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, expanded) = stack.Pop();
            if (expanded) { order.Add(node); continue; }
            if (!seen.Add(node)) continue;
            stack.Push((node, true));
            if (node.Right is { } r && !known.ContainsKey(r) && !seen.Contains(r)) stack.Push((r, false));
            if (node.Left is { } l && !known.ContainsKey(l) && !seen.Contains(l)) stack.Push((l, false));
        }
        return order;
    }
}
