namespace Functional.Symbolic;

/// <summary>Function and activation identities of <see cref="Simplifier"/> (each one holds wherever
/// its left side is defined; see <see cref="SimplifyOptions"/>).</summary>
internal sealed partial class Simplifier
{
    private static readonly HashSet<UnaryPrimitive<Expr>> OddFunctions =
    [
        Primitives<Expr>.Sin, Primitives<Expr>.Tan, Primitives<Expr>.Asin, Primitives<Expr>.Atan,
        Primitives<Expr>.Sinh, Primitives<Expr>.Tanh,
    ];

    private static readonly HashSet<UnaryPrimitive<Expr>> EvenFunctions = [Primitives<Expr>.Cos, Primitives<Expr>.Cosh];

    /// <summary>op(x) rewritten by an identity, or null.</summary>
    private Expr? FunctionIdentity(UnaryPrimitive<Expr> op, Expr x)
    {
        if (options.FunctionIdentities)
        {
            if (ReferenceEquals(op, Primitives<Expr>.Log) && x.Is(Primitives<Expr>.Exp)) return x.Left!;
            if (ReferenceEquals(op, Primitives<Expr>.Exp) && x.Is(Primitives<Expr>.Log)) return x.Left!;
            if (ReferenceEquals(op, Primitives<Expr>.Sqrt) && x.Is(Primitives<Expr>.Pow) && x.Right!.IsConstantEqualTo(2))
                return Unary(Primitives<Expr>.Abs, x.Left!);
            // log(sqrt(u)) = log(u)/2 and log(u^k) = k·log(u) unless k is even: both sides need u ≥ 0
            // (u > 0 for k < 0), and at u = 0 both are ±∞.
            if (ReferenceEquals(op, Primitives<Expr>.Log) && x.Is(Primitives<Expr>.Sqrt))
                return ProductOf([(Expr.Apply(Primitives<Expr>.Log, x.Left!), 1), (Expr.Const(0.5), 1)]);
            if (ReferenceEquals(op, Primitives<Expr>.Log) && x.Is(Primitives<Expr>.Pow) && x.Right!.IsConstant
                && double.IsFinite(x.Right.ConstantValue) && !Expr.IsInteger(x.Right.ConstantValue / 2) && !x.Left!.IsConstant)
                return ProductOf([(Expr.Apply(Primitives<Expr>.Log, x.Left!), 1), (x.Right, 1)]);
            // sqrt(c²·u) = c·sqrt(u) for a whole number c > 1 (both sides need u ≥ 0).
            if (ReferenceEquals(op, Primitives<Expr>.Sqrt) && IsProductNode(x) && Split(x) is { Coefficient: > 1 } scaled
                && Math.Sqrt(scaled.Coefficient) is var root && Expr.IsInteger(root) && root * root == scaled.Coefficient)
                return ProductOf([(Expr.Const(root), 1), (Expr.Apply(Primitives<Expr>.Sqrt, scaled.Rest!), 1)]);
            if (Negated(x) is { } u)
            {
                if (OddFunctions.Contains(op)) return Unary(Primitives<Expr>.Negate, Unary(op, u));
                if (EvenFunctions.Contains(op)) return Unary(op, u);
            }
        }
        if (options.Activations)
        {
            if (ReferenceEquals(op, Primitives<Expr>.Log) && ExpPlusOne(x) is { } v) return Expr.Apply(Primitives<Expr>.Softplus, v);
            if (ReferenceEquals(op, Primitives<Expr>.Log1p) && x.Is(Primitives<Expr>.Exp)) return Expr.Apply(Primitives<Expr>.Softplus, x.Left!);
            // sigmoid(log(v)) = 1/(1 + 1/v) = v/(v + 1) where log(v) is defined (v > 0).
            if (ReferenceEquals(op, Primitives<Expr>.Sigmoid) && x.Is(Primitives<Expr>.Log) && SumOf([(x.Left!, 1), (Expr.Const(1), 1)]) is { } vPlusOne)
                return ProductOf([(x.Left!, 1), (vPlusOne, -1)]);
        }
        return null;
    }

    /// <summary>u when e is −u in one of the simplified spellings (−u, c·u with c &lt; 0, (−u)/v).</summary>
    private static Expr? Negated(Expr e)
    {
        if (e.Is(Primitives<Expr>.Negate)) return e.Left!;
        if (e.Is(Primitives<Expr>.Multiply) && e.Left!.IsConstant && e.Left.ConstantValue < 0)
            return Expr.Apply(Primitives<Expr>.Multiply, Expr.Const(-e.Left.ConstantValue), e.Right!);
        if (e.Is(Primitives<Expr>.Divide) && Negated(e.Left!) is { } top) return Expr.Apply(Primitives<Expr>.Divide, top, e.Right!);
        return null;
    }

    /// <summary>v when e is exp(v) + 1.</summary>
    private static Expr? ExpPlusOne(Expr e) =>
        e.Is(Primitives<Expr>.Add) && e.Right!.IsConstantEqualTo(1) && e.Left!.Is(Primitives<Expr>.Exp) ? e.Left.Left : null;

    private Expr? Negation(Expr e) => SumOf([(e, -1)]);

    /// <summary>A simplified product rewritten by the product identities, or null when none applies.</summary>
    private Expr? RewriteProduct(Expr e)
    {
        var p = Factor([(e, 1)]);
        if (p is null) return null;
        var factors = new List<(Expr Base, double Exponent)>(p.Factors);
        var seeds = new List<(Expr, double)> { (Expr.Const(p.Coefficient), 1) };
        var changed = false;
        if (options.FunctionIdentities)
        {
            for (var i = 0; i < factors.Count; i++)
                if (factors[i].Base.Is(Primitives<Expr>.Sqrt) && Expr.IsInteger(factors[i].Exponent / 2))
                {
                    factors[i] = (factors[i].Base.Left!, factors[i].Exponent / 2);   // sqrt(u)^2 = u where defined
                    changed = true;
                }
            changed |= MergeExponentials(factors);
        }
        if (options.Activations) changed |= Sigmoids(factors) | Tanhs(factors);
        if (options.Trigonometric)
        {
            changed |= SquaredSecants(factors);
            changed |= Quotients(factors, Primitives<Expr>.Sin, Primitives<Expr>.Cos, Primitives<Expr>.Tan);
            changed |= Quotients(factors, Primitives<Expr>.Sinh, Primitives<Expr>.Cosh, Primitives<Expr>.Tanh);
        }
        if (!changed) return null;
        foreach (var f in factors) if (f.Exponent != 0) seeds.Add(f);
        return ProductOf([.. seeds]);
    }

    /// <summary>Π exp(aᵢ)^kᵢ → exp(Σ kᵢ·aᵢ), and exp(a)^k → exp(k·a) (exp is positive, so any
    /// finite power goes inside).</summary>
    private bool MergeExponentials(List<(Expr Base, double Exponent)> factors)
    {
        var at = new List<int>();
        for (var i = 0; i < factors.Count; i++)
            if (factors[i].Base.Is(Primitives<Expr>.Exp) && double.IsFinite(factors[i].Exponent)) at.Add(i);
        if (at.Count == 0 || (at.Count == 1 && factors[at[0]].Exponent is 1 or -1)) return false;
        var sum = SumOf([.. at.Select(i => (factors[i].Base.Left!, factors[i].Exponent))]);
        if (sum is null) return false;
        for (var j = at.Count - 1; j >= 1; j--) factors.RemoveAt(at[j]);
        factors[at[0]] = (Unary(Primitives<Expr>.Exp, sum), 1);
        return true;
    }

    /// <summary>(exp(v) + 1)^−k → sigmoid(−v)^k, then exp(−a)·sigmoid(a) → sigmoid(−a) when −a is the
    /// shorter argument, else 1 − sigmoid(a).</summary>
    private bool Sigmoids(List<(Expr Base, double Exponent)> factors)
    {
        var changed = false;
        for (var i = 0; i < factors.Count; i++)
            if (factors[i].Exponent < 0 && ExpPlusOne(factors[i].Base) is { } v && Negation(v) is { } a)
            {
                factors[i] = (Expr.Apply(Primitives<Expr>.Sigmoid, a), -factors[i].Exponent);
                changed = true;
            }
        for (var i = 0; i < factors.Count; i++)
        {
            var (s, k) = factors[i];
            if (!s.Is(Primitives<Expr>.Sigmoid) || k <= 0 || !Expr.IsInteger(k)) continue;
            var w = Negation(s.Left!);
            var j = factors.FindIndex(f => f.Base.Is(Primitives<Expr>.Exp) && f.Base.Left == w && f.Exponent > 0 && Expr.IsInteger(f.Exponent));
            if (j < 0 || w is null) continue;
            var m = Math.Min(k, factors[j].Exponent);
            var replacement = Operations(s.Left!) > Operations(w)
                ? Expr.Apply(Primitives<Expr>.Sigmoid, w)
                : SumOf([(Expr.Const(1), 1), (s, -1)]);
            if (replacement is null) continue;
            factors[i] = (s, k - m);
            factors[j] = (factors[j].Base, factors[j].Exponent - m);
            factors.Add((replacement, m));
            changed = true;
        }
        return changed;
    }

    /// <summary>The slope of a sigmoid written without it: σ(u)^k·(1 − σ(u))^k = (4·cosh(u/2)²)^−k, with
    /// (1 − σ(u)) also met scaled (c·σ(u) − c). The slope form <c>(1 - sigmoid(u))*sigmoid(u)</c> writes u
    /// twice, so past a small u the cosh form is shorter; the candidate step takes it only when it saves two
    /// operations, so the derivatives of <c>sigmoid(x)</c> and <c>sigmoid(w*x + b)</c> stay in terms of sigmoid. Null when no pair is found.</summary>
    private Expr? SigmoidSlope(Expr e)
    {
        var p = Factor([(e, 1)]);
        if (p is null) return null;
        var factors = new List<(Expr Base, double Exponent)>(p.Factors);
        var coefficient = p.Coefficient;
        var changed = false;
        for (var i = 0; i < factors.Count; i++)
        {
            var (s, k) = factors[i];
            if (!s.Is(Primitives<Expr>.Sigmoid) || k <= 0 || !Expr.IsInteger(k)) continue;
            Expr? half = null;
            for (var j = 0; j < factors.Count && factors[i].Exponent > 0; j++)
            {
                var (b, m) = factors[j];
                if (m <= 0 || !Expr.IsInteger(m) || OneMinus(b, s) is not { } scale) continue;
                var n = Math.Min(factors[i].Exponent, m);
                half ??= ProductOf([(s.Left!, 1), (Expr.Const(0.5), 1)]);
                if (half is null) return null;
                coefficient *= Math.Pow(scale / 4, n);
                factors[i] = (s, factors[i].Exponent - n);
                factors[j] = (b, m - n);
                factors.Add((Unary(Primitives<Expr>.Cosh, half), -2 * n));
                changed = true;
            }
        }
        if (!changed) return null;
        var seeds = new List<(Expr, double)> { (Expr.Const(coefficient), 1) };
        foreach (var f in factors) if (f.Exponent != 0) seeds.Add(f);
        return ProductOf([.. seeds]);
    }

    /// <summary>f/sqrt(g) → (f/g)·sqrt(g), so that f and g cancel: x²(x + 3)·eˣ/sqrt(x³·eˣ) →
    /// (x + 3)·sqrt(x³·eˣ)/x. Equal wherever sqrt(g) is a non-zero number. Null when no factor is 1/sqrt(g)
    /// with g a product.</summary>
    private Expr? RootQuotient(Expr e)
    {
        var p = Factor([(e, 1)]);
        if (p is null) return null;
        var at = p.Factors.FindIndex(f => f.Exponent == -1 && f.Base.Is(Primitives<Expr>.Sqrt) && IsProductNode(f.Base.Left!));
        if (at < 0) return null;
        var root = p.Factors[at].Base;
        var seeds = new List<(Expr, double)> { (Expr.Const(p.Coefficient), 1), (root.Left!, -1), (root, 1) };
        for (var i = 0; i < p.Factors.Count; i++) if (i != at) seeds.Add(p.Factors[i]);
        return ProductOf([.. seeds]);
    }

    /// <summary>d when b is d·(1 − s), that is a sum of one multiple of s and the constant d, in any
    /// simplified spelling (1 − s, s − 1, 3 − 3·s, s/2 − 0.5); else null.</summary>
    private static double? OneMinus(Expr b, Expr s)
    {
        if (!(b.Is(Primitives<Expr>.Add) || b.Is(Primitives<Expr>.Subtract))) return null;
        double constant = 0, multiple = 0;
        var pending = new Stack<(Expr, double)>([(b, 1)]);
        while (pending.Count > 0)
        {
            var (e, m) = pending.Pop();
            if (pending.Count > 4) return null;
            if (e.IsConstant) constant += m * e.ConstantValue;
            else if (e.Is(Primitives<Expr>.Add)) { pending.Push((e.Left!, m)); pending.Push((e.Right!, m)); }
            else if (e.Is(Primitives<Expr>.Subtract)) { pending.Push((e.Left!, m)); pending.Push((e.Right!, -m)); }
            else if (e.Is(Primitives<Expr>.Negate)) pending.Push((e.Left!, -m));
            else if (e == s) multiple += m;
            else if (e.Is(Primitives<Expr>.Multiply) && e.Left!.IsConstant && e.Right == s) multiple += m * e.Left.ConstantValue;
            else if (e.Is(Primitives<Expr>.Divide) && e.Left == s && e.Right!.IsConstant) multiple += m / e.Right.ConstantValue;
            else return null;
        }
        return constant != 0 && constant == -multiple ? constant : null;
    }

    /// <summary>(1 − tanh(u)²)^k → cosh(u)^−2k and (1 + tan(u)²)^k → cos(u)^−2k (a factor fewer: the
    /// derivative rules' forms of tanh' and tan').</summary>
    private bool SquaredSecants(List<(Expr Base, double Exponent)> factors)
    {
        var changed = false;
        for (var i = 0; i < factors.Count; i++)
        {
            var (b, k) = factors[i];
            if (!(b.Is(Primitives<Expr>.Add) || b.Is(Primitives<Expr>.Subtract))) continue;
            var square = new[] { b.Left!, b.Right! }.FirstOrDefault(t => t.Is(Primitives<Expr>.Pow) && t.Right!.IsConstantEqualTo(2)
                && (t.Left!.Is(Primitives<Expr>.Tanh) || t.Left.Is(Primitives<Expr>.Tan)));
            if (square is null) continue;
            var hyperbolic = square.Left!.Is(Primitives<Expr>.Tanh);
            var sign = hyperbolic ? -1 : 1;
            var literal = hyperbolic ? Expr.Apply(Primitives<Expr>.Subtract, Expr.Const(1), square) : Expr.Apply(Primitives<Expr>.Add, Expr.Const(1), square);
            if (b != literal && b != SumOf([(Expr.Const(1), 1), (square, sign)])) continue;
            factors[i] = (Unary(hyperbolic ? Primitives<Expr>.Cosh : Primitives<Expr>.Cos, square.Left.Left!), -2 * k);
            changed = true;
        }
        return changed;
    }

    /// <summary>(exp(u) − exp(−u)) / (exp(u) + exp(−u)) → tanh(u).</summary>
    private bool Tanhs(List<(Expr Base, double Exponent)> factors)
    {
        for (var i = 0; i < factors.Count; i++)
        {
            var (d, k) = factors[i];
            if (k != -1 || !d.Is(Primitives<Expr>.Add) || !d.Left!.Is(Primitives<Expr>.Exp) || !d.Right!.Is(Primitives<Expr>.Exp)) continue;
            for (var j = 0; j < factors.Count; j++)
            {
                var (n, m) = factors[j];
                if (m != 1 || !n.Is(Primitives<Expr>.Subtract) || !n.Left!.Is(Primitives<Expr>.Exp) || !n.Right!.Is(Primitives<Expr>.Exp)) continue;
                var (p, q) = (n.Left.Left!, n.Right.Left!);
                var sameTerms = (d.Left == n.Left && d.Right == n.Right) || (d.Left == n.Right && d.Right == n.Left);
                if (!sameTerms || Negation(p) != q) continue;
                factors[i] = (Unary(Primitives<Expr>.Tanh, p), 1);
                factors[j] = (n, 0);
                return true;
            }
        }
        return false;
    }

    /// <summary>sin(u)^k·cos(u)^−m → tan(u)^min(k, m)·…, and cos(u)^k·sin(u)^−m → tan(u)^−min(k, m)·…
    /// (and sinh/cosh → tanh).</summary>
    private static bool Quotients(List<(Expr Base, double Exponent)> factors, UnaryPrimitive<Expr> top, UnaryPrimitive<Expr> bottom, UnaryPrimitive<Expr> quotient)
    {
        var changed = false;
        for (var i = 0; i < factors.Count; i++)
        {
            var (s, k) = factors[i];
            if (!s.Is(top) || k == 0) continue;
            var j = factors.FindIndex(f => f.Base.Is(bottom) && f.Base.Left == s.Left && f.Exponent * k < 0);
            if (j < 0) continue;
            var m = Math.Sign(k) * Math.Min(Math.Abs(k), Math.Abs(factors[j].Exponent));
            factors[i] = (s, k - m);
            factors[j] = (factors[j].Base, factors[j].Exponent + m);
            factors.Add((Expr.Apply(quotient, s.Left!), m));
            changed = true;
        }
        return changed;
    }
}
