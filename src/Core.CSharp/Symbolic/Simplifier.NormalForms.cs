namespace Functional.Symbolic;

internal sealed partial class Simplifier
{
    /// <summary>Single factorings (see <see cref="Factor"/>).</summary>
    private readonly Dictionary<Expr, Product?> factorings = new();

    // Working collections of SumOf and FactorNew, reused from call to call. A call made while another
    // is walking (SumOf → Split → Factor → the sign of a sum factor → SumOf) takes fresh ones.
    private int sumDepth;
    private int factorDepth;
    private readonly Dictionary<Expr, int> sumIndex = new();
    private readonly List<(Product Term, double Coefficient)> sumTerms = [];
    private readonly Stack<(Expr, double)> sumStack = new();
    private readonly Dictionary<Expr, int> factorIndex = new();
    private readonly Stack<(Expr, double)> factorStack = new();

    private static Dictionary<Expr, int> Reset(Dictionary<Expr, int> d)
    {
        d.Clear();
        return d;
    }

    private static Stack<(Expr, double)> Reset(Stack<(Expr, double)> s)
    {
        s.Clear();
        return s;
    }

    /// <summary>c·Π baseⱼ^kⱼ: a coefficient and factors with constant exponents, merged by base.</summary>
    private sealed class Product
    {
        internal double Coefficient = 1;
        internal readonly List<(Expr Base, double Exponent)> Factors = [];
        internal Expr? Rest;   // the product with coefficient 1, built on demand

        /// <summary>Σ |kⱼ|, computed when first asked (sorting terms asks often), once the product is made.</summary>
        internal double Degree
        {
            get
            {
                if (degree is { } known) return known;
                double d = 0;
                foreach (var (_, k) in Factors) d += Math.Abs(k);
                degree = d;
                return d;
            }
        }

        private double? degree;
    }

    /// <summary>The normal form of the sum Σ multᵢ·exprᵢ, or null when it has too many terms or a
    /// non-finite coefficient.</summary>
    private Expr? SumOf(ReadOnlySpan<(Expr Expr, double Multiplier)> seeds)
    {
        var reentered = sumDepth++ > 0;
        try { return SumOf(seeds, reentered); }
        finally { sumDepth--; }
    }

    private Expr? SumOf(ReadOnlySpan<(Expr Expr, double Multiplier)> seeds, bool reentered)
    {
        double constant = 0;
        var index = reentered ? new Dictionary<Expr, int>() : Reset(sumIndex);
        var terms = reentered ? new List<(Product Term, double Coefficient)>() : sumTerms;
        terms.Clear();
        var stack = reentered ? new Stack<(Expr, double)>() : Reset(sumStack);
        for (var i = seeds.Length - 1; i >= 0; i--) stack.Push(seeds[i]);
        var visits = 0;
        while (stack.Count > 0)
        {
            var (e, m) = stack.Pop();
            if (++visits > maxVisits || ((e.Is(Primitives<Expr>.Add) || e.Is(Primitives<Expr>.Subtract)) && IsOversized(e))) return null;
            if (e.IsConstant) constant += m * e.ConstantValue;
            else if (e.Is(Primitives<Expr>.Add)) { stack.Push((e.Right!, m)); stack.Push((e.Left!, m)); }
            else if (e.Is(Primitives<Expr>.Subtract)) { stack.Push((e.Right!, -m)); stack.Push((e.Left!, m)); }
            else if (e.Is(Primitives<Expr>.Negate)) stack.Push((e.Left!, -m));
            else
            {
                var split = Split(e);
                var c = m * split.Coefficient;
                if (split.Factors.Count == 0) { constant += c; continue; }
                if (IsScaledSum(split)) { stack.Push((split.Factors[0].Base, c)); continue; }   // 4*(1 - x) → 4 - 4*x, as SymPy
                var rest = split.Rest!;
                if (index.TryGetValue(rest, out var at)) terms[at] = (terms[at].Term, terms[at].Coefficient + c);
                else
                {
                    if (terms.Count == MaxTerms) return null;
                    index[rest] = terms.Count;
                    terms.Add((split, c));
                }
            }
        }
        if (!double.IsFinite(constant)) return null;
        foreach (var (_, c) in terms) if (!double.IsFinite(c)) return null;
        terms.RemoveAll(t => t.Coefficient == 0);
        terms.Sort(CompareTerms);
        LeadWithPositive(terms);
        Expr? sum = null;
        foreach (var (term, c) in terms)
        {
            if (sum is null) sum = BuildTerm(c, term);
            else
            {
                var piece = BuildTerm(Math.Abs(c), term);
                sum = c < 0 ? Expr.Apply(Primitives<Expr>.Subtract, sum, piece) : Expr.Apply(Primitives<Expr>.Add, sum, piece);
            }
        }
        if (sum is null) return Expr.Const(constant);
        return constant == 0 ? sum : Expr.Apply(Primitives<Expr>.Add, sum, Expr.Const(constant));
    }

    /// <summary>A sum led by a negative quotient is written from its first positive term instead:
    /// 2*y*cos(y^2) - exp(2)/(y + 1)^2, not -exp(2)/(y + 1)^2 + 2*y*cos(y^2) (one operation fewer).
    /// Polynomial terms keep the degree order (-8*x + 4).</summary>
    private static void LeadWithPositive(List<(Product Term, double Coefficient)> terms)
    {
        if (terms.Count < 2 || terms[0].Coefficient >= 0 || !terms[0].Term.Factors.Exists(f => f.Exponent < 0)) return;
        var positive = terms.FindIndex(t => t.Coefficient > 0);
        if (positive < 0) return;
        var lead = terms[positive];
        terms.RemoveAt(positive);
        terms.Insert(0, lead);
    }

    /// <summary>True when every term of the sum e has a negative coefficient. Terms are met from the
    /// right, where a simplified sum keeps its last terms, so a mixed sum is rejected at its first
    /// positive term; sums of more than 32 terms are not looked at.</summary>
    private static bool AllTermsNegative(Expr e)
    {
        var pending = new Stack<(Expr, int)>();
        pending.Push((e, 1));
        var terms = 0;
        while (pending.Count > 0)
        {
            var (n, m) = pending.Pop();
            if (n.Is(Primitives<Expr>.Add)) { pending.Push((n.Left!, m)); pending.Push((n.Right!, m)); continue; }
            if (n.Is(Primitives<Expr>.Subtract)) { pending.Push((n.Left!, m)); pending.Push((n.Right!, -m)); continue; }
            if (n.Is(Primitives<Expr>.Negate)) { pending.Push((n.Left!, -m)); continue; }
            if (m * TermSign(n) > 0 || ++terms > 32) return false;
        }
        return terms > 0;
    }

    private static int TermSign(Expr t)
    {
        while (t.Is(Primitives<Expr>.Multiply) || t.Is(Primitives<Expr>.Divide)) t = t.Left!;
        return t.IsConstant && t.ConstantValue < 0 ? -1 : 1;
    }

    /// <summary>The normal form of the product Π exprᵢ^multᵢ, or null (too many factors, or a
    /// coefficient that is not finite).</summary>
    private Expr? ProductOf(ReadOnlySpan<(Expr Expr, double Exponent)> seeds)
    {
        var p = Factor(seeds);
        if (p is null) return null;
        if (IsScaledSum(p) && p.Coefficient != 1) return SumOf([(p.Factors[0].Base, p.Coefficient)]) ?? Build(p.Coefficient, p.Factors);
        return Build(p.Coefficient, p.Factors);
    }

    /// <summary>c·(a + b): a number times one sum, which SymPy (and we) distribute.</summary>
    private static bool IsScaledSum(Product p) =>
        p.Factors.Count == 1 && p.Factors[0].Exponent == 1
        && (p.Factors[0].Base.Is(Primitives<Expr>.Add) || p.Factors[0].Base.Is(Primitives<Expr>.Subtract));

    /// <summary>A simplified expression as coefficient × rest (memoised; the key for collecting terms).</summary>
    private Product Split(Expr e)
    {
        if (splits.TryGetValue(e, out var known)) return known;
        var p = Factor([(e, 1)]);
        if (p is null)
        {
            p = new Product();
            p.Factors.Add((e, 1));
        }
        p.Rest = Build(1, p.Factors);
        splits[e] = p;
        return p;
    }

    /// <summary>The product form of the product Π exprᵢ^multᵢ, or null (too many factors or steps, an
    /// oversized product met, a coefficient that is not finite). The result is shared: callers must
    /// not change it.</summary>
    private Product? Factor(ReadOnlySpan<(Expr Expr, double Exponent)> seeds)
    {
        // The candidate rules factor the same single terms again and again. Besides e, the result
        // depends only on the step budget and on the oversized set: memoised under the base budget,
        // forgotten whenever the set grows (see MarkOversized).
        if (seeds.Length != 1 || seeds[0].Exponent != 1 || maxVisits != BaseVisits) return FactorNew(seeds);
        var e = seeds[0].Expr;
        if (factorings.TryGetValue(e, out var known)) return known;
        var p = FactorNew(seeds);
        factorings[e] = p;
        return p;
    }

    private Product? FactorNew(ReadOnlySpan<(Expr Expr, double Exponent)> seeds)
    {
        var reentered = factorDepth++ > 0;
        try { return FactorNew(seeds, reentered); }
        finally { factorDepth--; }
    }

    private Product? FactorNew(ReadOnlySpan<(Expr Expr, double Exponent)> seeds, bool reentered)
    {
        var p = new Product();
        var index = reentered ? new Dictionary<Expr, int>() : Reset(factorIndex);
        var stack = reentered ? new Stack<(Expr, double)>() : Reset(factorStack);
        for (var i = seeds.Length - 1; i >= 0; i--) stack.Push(seeds[i]);
        var visits = 0;
        while (stack.Count > 0)
        {
            var (e, m) = stack.Pop();
            if (++visits > maxVisits || ((e.Is(Primitives<Expr>.Multiply) || e.Is(Primitives<Expr>.Divide)) && IsOversized(e))) return null;
            // Only integer powers distribute: (a·b)^n = a^n·b^n and (a^k)^n = a^(k·n).
            if (Expr.IsInteger(m))
            {
                if (e.IsConstant)
                {
                    // Dividing (not multiplying by 1/c) keeps 5/3 the double nearest 5/3.
                    if (m < 0) p.Coefficient /= Math.Pow(e.ConstantValue, -m);
                    else p.Coefficient *= Math.Pow(e.ConstantValue, m);
                    continue;
                }
                if (e.Is(Primitives<Expr>.Negate)) { if (m % 2 != 0) p.Coefficient = -p.Coefficient; stack.Push((e.Left!, m)); continue; }
                if (e.Is(Primitives<Expr>.Multiply)) { stack.Push((e.Right!, m)); stack.Push((e.Left!, m)); continue; }
                if (e.Is(Primitives<Expr>.Divide)) { stack.Push((e.Right!, -m)); stack.Push((e.Left!, m)); continue; }
                if (e.Is(Primitives<Expr>.Pow) && e.Right!.IsConstant)
                {
                    var k = e.Right.ConstantValue * m;
                    if (e.Left!.IsConstant)
                    {
                        var v = Math.Pow(e.Left.ConstantValue, k);
                        if (double.IsFinite(v) && v != 0) { p.Coefficient *= v; continue; }
                    }
                    else if (Expr.IsInteger(e.Right.ConstantValue)) { stack.Push((e.Left, k)); continue; }
                    else { Add(p, index, e.Left, k); continue; }
                }
            }
            // A sum of only negative terms is taken as −1 times its negation: −(2x + 2), not (−2x − 2).
            if (Expr.IsInteger(m) && (e.Is(Primitives<Expr>.Add) || e.Is(Primitives<Expr>.Subtract)) && AllTermsNegative(e) && Negation(e) is { } positive)
            {
                if (m % 2 != 0) p.Coefficient = -p.Coefficient;
                e = positive;
            }
            Add(p, index, e, m);
        }
        if (!double.IsFinite(p.Coefficient)) return null;
        if (p.Coefficient == 0) p.Factors.Clear();
        p.Factors.RemoveAll(f => f.Exponent == 0);
        if (RootsToMerge(p, index) is { } again) return FactorNew(again);   // index is done with: it may be reused
        p.Factors.Sort((x, y) => CompareFactors(x.Base, y.Base));
        return p.Factors.Count > MaxTerms ? null : p;
    }

    /// <summary>The factors again with square roots turned into powers, when that merges or shortens
    /// them: sqrt(u)^2k → u^k, sqrt(u)^k·u^m → u^(m + k/2), sqrt(sqrt(u)) → u^0.25, sqrt(u)^1.5 → u^0.75.
    /// Each holds wherever sqrt(u) is defined (u ≥ 0); null when no root qualifies. Every round
    /// removes a root, so repeating terminates.</summary>
    private static (Expr, double)[]? RootsToMerge(Product p, Dictionary<Expr, int> index)
    {
        var any = false;
        foreach (var (b, k) in p.Factors)
            if (b.Is(Primitives<Expr>.Sqrt) && RootMerges(b.Left!, k, index)) { any = true; break; }
        if (!any) return null;
        var seeds = new List<(Expr, double)> { (Expr.Const(p.Coefficient), 1) };
        foreach (var (b, k) in p.Factors)
            seeds.Add(b.Is(Primitives<Expr>.Sqrt) && RootMerges(b.Left!, k, index) ? (b.Left!, k / 2) : (b, k));
        return [.. seeds];
    }

    private static bool RootMerges(Expr u, double k, Dictionary<Expr, int> index) =>
        !Expr.IsInteger(k) || Expr.IsInteger(k / 2) || index.ContainsKey(u) || u.Is(Primitives<Expr>.Sqrt);

    private static void Add(Product p, Dictionary<Expr, int> index, Expr b, double k)
    {
        if (index.TryGetValue(b, out var at)) p.Factors[at] = (b, p.Factors[at].Exponent + k);
        else
        {
            index[b] = p.Factors.Count;
            p.Factors.Add((b, k));
        }
    }

    /// <summary>c · numerator / denominator, factors with negative exponents going below the line.</summary>
    private static Expr Build(double coefficient, List<(Expr Base, double Exponent)> factors)
    {
        if (coefficient == 0) return Expr.Const(0);
        // Left-associated from the coefficient: -2*x*exp(x), not -2*(x*exp(x)). A coefficient that
        // is a small fraction p/q is written so: x/3, not 0.3333333333333333*x (a binary fraction
        // such as 0.75 only when it is 1/q: x/2, but 0.75*x).
        var top = Expr.Const(coefficient);
        Expr? denominator = null;
        if (!Expr.IsInteger(coefficient) && Rational.Readable(coefficient) is var (num, den)
            && (Math.Abs(num) == 1 || (den & (den - 1)) != 0))
        {
            top = Expr.Const(num);
            denominator = Expr.Const(den);
        }
        foreach (var (b, k) in factors)
        {
            var f = Math.Abs(k) == 1 ? b
                : Math.Abs(k) == 0.5 ? Expr.Apply(Primitives<Expr>.Sqrt, b)
                : Expr.Apply(Primitives<Expr>.Pow, b, Expr.Const(Math.Abs(k)));
            if (k > 0) top = Expr.Apply(Primitives<Expr>.Multiply, top, f);
            else denominator = denominator is null ? f : Expr.Apply(Primitives<Expr>.Multiply, denominator, f);
        }
        return denominator is null ? top : Expr.Apply(Primitives<Expr>.Divide, top, denominator);
    }

    /// <summary>Higher degree first, then positive before negative, then by the factors.</summary>
    private static int CompareTerms((Product Term, double Coefficient) x, (Product Term, double Coefficient) y)
    {
        var c = y.Term.Degree.CompareTo(x.Term.Degree);
        if (c != 0) return c;
        c = (x.Coefficient < 0).CompareTo(y.Coefficient < 0);
        if (c != 0) return c;
        var fx = x.Term.Factors;
        var fy = y.Term.Factors;
        for (var i = 0; i < Math.Min(fx.Count, fy.Count); i++)
        {
            c = CompareFactors(fx[i].Base, fy[i].Base);
            if (c != 0) return c;
            c = fy[i].Exponent.CompareTo(fx[i].Exponent);
            if (c != 0) return c;
        }
        return fy.Count.CompareTo(fx.Count);
    }

    /// <summary>Variables (by name) first, then other expressions of variables, then constant
    /// expressions such as <c>log(2)</c>; ties broken by function name and a structural hash.</summary>
    private static int CompareFactors(Expr x, Expr y)
    {
        if (ReferenceEquals(x, y)) return 0;
        var c = Rank(x).CompareTo(Rank(y));
        if (c != 0) return c;
        if (x.Kind == ExprKind.Variable) return string.CompareOrdinal(x.Name, y.Name);
        c = string.CompareOrdinal(x.Operator, y.Operator);
        if (c != 0) return c;
        c = x.StructuralHash.CompareTo(y.StructuralHash);
        return c != 0 ? c : x.Id.CompareTo(y.Id);
    }

    private static int Rank(Expr e) => e.Kind == ExprKind.Variable ? 0 : e.HasVariables ? 1 : 2;
}
