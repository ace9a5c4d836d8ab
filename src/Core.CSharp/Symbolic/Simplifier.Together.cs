namespace Functional.Symbolic;

/// <summary>The "together" candidate of <see cref="Simplifier"/>: a sum of quotients over one common
/// denominator (the least power of each denominator factor), with the numerators multiplied out only
/// by those factors, not expanded — as a person combines the two terms of a quotient rule.</summary>
internal sealed partial class Simplifier
{
    /// <summary>The most terms a sum may have for the together form to be tried.</summary>
    private const int MaxTogetherTerms = 8;

    /// <summary>True when e is built by + − × and non-negative integer powers from pieces that are
    /// never ±∞ at finite arguments. Only such a factor may go below the common fraction line: with
    /// D = x·log(y) + 1, the term 1/D is 0 where log(y) = −∞, but (1 + D)/D is NaN there.</summary>
    private static bool FiniteWhereDefined(Expr e)
    {
        var stack = new Stack<Expr>([e]);
        var visits = 0;
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            if (++visits > 256) return false;
            if (n.Is(Primitives<Expr>.Add) || n.Is(Primitives<Expr>.Subtract) || n.Is(Primitives<Expr>.Multiply)) { stack.Push(n.Left!); stack.Push(n.Right!); continue; }
            if (n.Is(Primitives<Expr>.Negate)) { stack.Push(n.Left!); continue; }
            if (n.Is(Primitives<Expr>.Pow) && n.Right!.IsConstant && n.Right.ConstantValue >= 0) { stack.Push(n.Left!); continue; }
            if (n.Kind == ExprKind.Variable) continue;
            if (RationalAlgebra.MayBeInfinite(n)) return false;
            if (n.Kind == ExprKind.Unary && n.Left!.Kind != ExprKind.Constant) stack.Push(n.Left!);   // f(u) is finite only if u is
            else if (n.Kind == ExprKind.Binary) return false;
        }
        return true;
    }

    /// <summary>The terms of a sum with their signs, in order; null past <paramref name="limit"/> terms.</summary>
    private static List<(Expr Term, double Sign)>? Terms(Expr sum, int limit)
    {
        var terms = new List<(Expr, double)>();
        var pending = new Stack<(Expr, double)>([(sum, 1)]);
        while (pending.Count > 0)
        {
            var (e, m) = pending.Pop();
            if (terms.Count > limit) return null;
            if (e.Is(Primitives<Expr>.Add)) { pending.Push((e.Right!, m)); pending.Push((e.Left!, m)); }
            else if (e.Is(Primitives<Expr>.Subtract)) { pending.Push((e.Right!, -m)); pending.Push((e.Left!, m)); }
            else if (e.Is(Primitives<Expr>.Negate)) pending.Push((e.Left!, -m));
            else terms.Add((e, m));
        }
        return terms;
    }

    /// <summary>A product whose sum factors with fractions inside are written over their own common
    /// denominator, which then meets the product's other factors: (z/(3x + 1) + c)·(3x + 1) → z + c·(3x + 1).
    /// Null when no factor changes.</summary>
    private Expr? ClearInnerFractions(Expr product)
    {
        var p = Factor([(product, 1)]);
        if (p is null) return null;
        var seeds = new List<(Expr, double)> { (Expr.Const(p.Coefficient), 1) };
        var changed = false;
        foreach (var (b, k) in p.Factors)
        {
            if (IsSumNode(b) && Expr.IsInteger(k) && Together(b, minimumWithDenominator: 1) is { } together)
            {
                seeds.Add((together, k));
                changed = true;
            }
            else seeds.Add((b, k));
        }
        return changed ? ProductOf([.. seeds]) : null;
    }

    /// <summary>Σ nᵢ/dᵢ → (Σ nᵢ·(L/dᵢ))/L with L the least common multiple of the dᵢ (as products of
    /// powers of the same factors), common numerator factors taken out; null when fewer than two
    /// terms have a denominator. With <paramref name="sumsOnly"/>, only sums go below the common line
    /// and other denominators stay in their terms: ((3x + 10)/cosh(x)² − 3·tanh(x))/(3x + 10)².
    /// Equal wherever every term is defined.</summary>
    private Expr? Together(Expr sum, int minimumWithDenominator = 2, bool sumsOnly = false)
    {
        if (Terms(sum, MaxTogetherTerms) is not { Count: >= 2 } signed) return null;
        // Terms without a denominator are all multiplied by the whole common denominator: they go
        // over it as one sum, z + (3x + 1)·(c + d), not z + c·(3x + 1) + d·(3x + 1).
        var plain = signed.FindAll(t => !HasDenominator(t.Term));
        if (plain.Count == signed.Count) return null;   // no term has a denominator
        if (plain.Count >= 2 && SumOf([.. plain]) is { } grouped)
        {
            signed = signed.Except(plain).ToList();
            signed.Add((grouped, 1));
        }
        var terms = signed.ConvertAll(t => t.Term);
        var signs = signed.ConvertAll(t => t.Sign);
        var products = new List<Product>();
        var common = new Dictionary<Expr, double>();
        var withDenominator = 0;
        foreach (var t in terms)
        {
            var p = Factor([(t, 1)]);
            if (p is null) return null;
            products.Add(p);
            var has = false;
            foreach (var (b, k) in p.Factors)
                if (k < 0 && (!sumsOnly || IsSumNode(b)))
                {
                    if (!Expr.IsInteger(k) || !FiniteWhereDefined(b)) return null;
                    has = true;
                    common[b] = Math.Max(common.GetValueOrDefault(b), -k);
                }
            if (has) withDenominator++;
        }
        if (withDenominator < minimumWithDenominator) return null;
        var numerators = new List<List<(Expr Base, double Exponent)>>();
        var coefficients = new List<double>();
        for (var i = 0; i < products.Count; i++)
        {
            var factors = new List<(Expr Base, double Exponent)>();
            var seen = new HashSet<Expr>();
            foreach (var (b, k) in products[i].Factors)
            {
                var lifted = common.TryGetValue(b, out var l) ? k + l : k;
                seen.Add(b);
                if (lifted != 0) factors.Add((b, lifted));
            }
            foreach (var (b, l) in common) if (!seen.Contains(b)) factors.Add((b, l));
            numerators.Add(factors);
            coefficients.Add(signs[i] * products[i].Coefficient);
        }
        // Factors every numerator has (to the least power among them) go outside the sum.
        var outside = new List<(Expr, double)>();
        foreach (var (b, k) in numerators[0])
        {
            if (k <= 0 || !Expr.IsInteger(k)) continue;
            var least = k;
            foreach (var n in numerators.Skip(1))
            {
                var at = n.FindIndex(f => f.Base == b);
                least = at < 0 || n[at].Exponent <= 0 ? 0 : Math.Min(least, n[at].Exponent);
                if (least == 0) break;
            }
            if (least > 0) outside.Add((b, least));
        }
        var seeds = new List<(Expr, double)>();
        for (var i = 0; i < numerators.Count; i++)
        {
            var factors = numerators[i];
            foreach (var (b, least) in outside)
            {
                var at = factors.FindIndex(f => f.Base == b);
                factors[at] = (b, factors[at].Exponent - least);
            }
            factors.RemoveAll(f => f.Exponent == 0);
            seeds.Add((Build(1, factors), coefficients[i]));
        }
        var numerator = SumOf([.. seeds]);
        if (numerator is null) return null;
        var all = new List<(Expr, double)> { (numerator, 1) };
        all.AddRange(outside);
        foreach (var (b, l) in common) all.Add((b, -l));
        return ProductOf([.. all]);
    }
}
