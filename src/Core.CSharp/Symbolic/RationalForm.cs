namespace Functional.Symbolic;

/// <summary>
/// A rational function over atoms: an expanded numerator over a product of polynomial factors to
/// positive powers, N / Π Dᵢ^kᵢ, each Dᵢ normalised (leading coefficient 1, no monomial factor) so
/// equal factors are recognised. Built and combined by <see cref="RationalAlgebra"/>.
/// </summary>
internal sealed class RationalForm
{
    internal RationalForm(Polynomial numerator, List<Factor> denominator)
    {
        Numerator = numerator;
        Denominator = denominator;
    }

    internal Polynomial Numerator { get; }

    internal List<Factor> Denominator { get; }

    internal sealed record Factor(Polynomial Polynomial, int Power);
}

/// <summary>
/// Arithmetic on <see cref="RationalForm"/>s with exact rational coefficients: sums over a common
/// denominator, products, integer powers, and cancellation of common factors by exact division (and a
/// univariate gcd). Optional trigonometric reduction writes cos(u)² as 1 − sin(u)² and cosh(u)² as
/// 1 + sinh(u)², and tan, tanh as quotients, which decides the Pythagorean and hyperbolic identities.
/// </summary>
/// <remarks>
/// Every operation stays inside a budget (terms, degree, coefficient bits, division steps); past it the
/// operation returns null and the caller keeps the expression as it was. Cancelling p·q/q to p assumes
/// q ≠ 0: it only removes points where the original was undefined.
/// </remarks>
internal sealed class RationalAlgebra
{
    internal RationalAlgebra(int maxTerms, bool cancel, bool trigonometric)
    {
        MaxTerms = maxTerms;
        Cancel = cancel;
        Trigonometric = trigonometric;
    }

    internal AtomTable Atoms { get; } = new();

    internal int MaxTerms { get; }

    internal bool Cancel { get; }

    internal bool Trigonometric { get; }

    /// <summary>The highest degree of a form: 24, or the term budget when that is larger.</summary>
    private int MaxDegree => Math.Max(24, MaxTerms);
    private long MaxBits => 64L * MaxTerms;
    private const int MaxFactors = 8;

    internal RationalForm Constant(Rational c) => new(Polynomial.Constant(c), []);

    internal RationalForm Atom(Expr atom)
    {
        if (Trigonometric)
        {
            // tan u = sin u / cos u and tanh u = sinh u / cosh u, so their identities reduce too.
            if (atom.Is(Primitives<Expr>.Tan))
                return Multiply(AtomForm(Expr.Apply(Primitives<Expr>.Sin, atom.Left!)), Invert(AtomForm(Expr.Apply(Primitives<Expr>.Cos, atom.Left!)))!)!
                    ?? AtomForm(atom);
            if (atom.Is(Primitives<Expr>.Tanh))
                return Multiply(AtomForm(Expr.Apply(Primitives<Expr>.Sinh, atom.Left!)), Invert(AtomForm(Expr.Apply(Primitives<Expr>.Cosh, atom.Left!)))!)!
                    ?? AtomForm(atom);
        }
        return AtomForm(atom);
    }

    private RationalForm AtomForm(Expr atom)
    {
        hasCosines |= atom.Is(Primitives<Expr>.Cos) || atom.Is(Primitives<Expr>.Cosh);
        return new(Polynomial.Of(Monomial.Atom(Atoms[atom]), Rational.One), []);
    }

    /// <summary>True once a cos or cosh atom is numbered (only they have a square rule): before that,
    /// trigonometric reduction has nothing to find.</summary>
    private bool hasCosines;

    internal RationalForm Negate(RationalForm a) => new(a.Numerator.Scale(-Rational.One), a.Denominator);

    internal RationalForm? Add(RationalForm a, RationalForm b, bool subtract = false)
    {
        var sign = subtract ? -Rational.One : Rational.One;
        if (a.Denominator.Count == 0 && b.Denominator.Count == 0)
            return Checked(Polynomial.Add(a.Numerator, b.Numerator, sign), []);
        // Common denominator: each factor at its larger power; numerators times what they lack.
        var factors = new List<RationalForm.Factor>(a.Denominator);
        foreach (var f in b.Denominator)
        {
            var at = IndexOf(factors, f.Polynomial);
            if (at < 0) factors.Add(f);
            else if (factors[at].Power < f.Power) factors[at] = f;
        }
        var na = Lift(a, factors);
        var nb = Lift(b, factors);
        if (na is null || nb is null) return null;
        var sum = Polynomial.Add(na, nb, sign);
        return Reduce(sum, factors);
    }

    private Polynomial? Lift(RationalForm a, List<RationalForm.Factor> common)
    {
        var n = a.Numerator;
        foreach (var f in common)
        {
            var have = IndexOf(a.Denominator, f.Polynomial) is var at and >= 0 ? a.Denominator[at].Power : 0;
            for (var i = have; i < f.Power; i++)
            {
                n = Polynomial.Multiply(n, f.Polynomial);
                if (n.Count > MaxTerms) return null;
            }
        }
        return n;
    }

    internal RationalForm? Multiply(RationalForm a, RationalForm b)
    {
        if (a.Numerator.Count * b.Numerator.Count > 2 * MaxTerms
            || a.Numerator.Degree + b.Numerator.Degree > MaxDegree
            || a.Numerator.Bits + b.Numerator.Bits > MaxBits) return null;
        var n = Polynomial.Multiply(a.Numerator, b.Numerator);
        var factors = new List<RationalForm.Factor>(a.Denominator);
        foreach (var f in b.Denominator)
        {
            var at = IndexOf(factors, f.Polynomial);
            if (at < 0) factors.Add(f);
            else factors[at] = factors[at] with { Power = factors[at].Power + f.Power };
        }
        return Reduce(n, factors);
    }

    /// <summary>1 / a, or null when a is zero or its numerator cannot become a denominator.</summary>
    internal RationalForm? Invert(RationalForm a)
    {
        if (a.Numerator.IsZero) return null;
        foreach (var m in a.Numerator.Terms.Keys)
            for (var i = 0; i < m.Count; i++)
                if (MayBeInfinite(Atoms.Atom(m.AtomAt(i)))) return null;
        Polynomial n = Polynomial.OnePolynomial;
        foreach (var f in a.Denominator)
            for (var i = 0; i < f.Power; i++)
            {
                n = Polynomial.Multiply(n, f.Polynomial);
                if (n.Count > MaxTerms) return null;
            }
        var factors = new List<RationalForm.Factor>();
        var scale = AddFactors(a.Numerator, 1, factors);
        return Reduce(n.Scale(scale), factors);
    }

    internal RationalForm? Power(RationalForm a, int k)
    {
        if (k == 0) return Constant(Rational.One);
        if (k < 0)
        {
            var inv = Invert(a);
            return inv is null ? null : Power(inv, -k);
        }
        var result = a;
        for (var i = 1; i < k && result is not null; i++) result = Multiply(result, a);
        return result;
    }

    /// <summary>Atoms that are ±∞ at some finite arguments (log(0), tan, x^-0.5 at 0 …). Such an atom
    /// never goes below a fraction line: 1 + 1/log(x) is 1 at x = 0, but (log(x) + 1)/log(x) is NaN there.
    /// (Overflow of exp and friends is not considered.)</summary>
    internal static bool MayBeInfinite(Expr atom) =>
        atom.Is(Primitives<Expr>.Log) || atom.Is(Primitives<Expr>.Log1p) || atom.Is(Primitives<Expr>.Xlogy) || atom.Is(Primitives<Expr>.Tan)
        || (atom.Is(Primitives<Expr>.Pow) && !(atom.Right!.IsConstant && atom.Right.ConstantValue >= 0))
        || atom.Is(Primitives<Expr>.Divide) || atom.Is(Primitives<Expr>.Multiply) || atom.Is(Primitives<Expr>.Add) || atom.Is(Primitives<Expr>.Subtract)
        || (atom.IsConstant && !double.IsFinite(atom.ConstantValue));

    /// <summary>Splits p into a number, atoms and a normalised polynomial, adding the atoms and the
    /// polynomial to <paramref name="factors"/> at power k; returns the number's k-th inverse power.</summary>
    private static Rational AddFactors(Polynomial p, int k, List<RationalForm.Factor> factors)
    {
        var content = p.Content;
        var rest = content.Count == 0 ? p : p.Times(content.Inverse(), Rational.One);
        for (var i = 0; i < content.Count; i++)
            Merge(factors, Polynomial.Of(Monomial.Atom(content.AtomAt(i)), Rational.One), k * content.PowerAt(i));
        var lc = rest.Leading.Coefficient;
        var scale = Rational.One;
        for (var i = 0; i < k; i++) scale /= lc;
        if (!rest.IsConstant) Merge(factors, rest.Scale(Rational.One / lc), k);
        return scale;
    }

    private static void Merge(List<RationalForm.Factor> factors, Polynomial p, int k)
    {
        var at = IndexOf(factors, p);
        if (at < 0) factors.Add(new RationalForm.Factor(p, k));
        else factors[at] = factors[at] with { Power = factors[at].Power + k };
    }

    /// <summary>The first factor whose polynomial is the same as p, or −1 (a loop: no closure per search).</summary>
    private static int IndexOf(List<RationalForm.Factor> factors, Polynomial p)
    {
        for (var i = 0; i < factors.Count; i++)
            if (factors[i].Polynomial.SameAs(p)) return i;
        return -1;
    }

    /// <summary>n / Π factors with trig reduction and cancellation, within the budget.</summary>
    private RationalForm? Reduce(Polynomial n, List<RationalForm.Factor> factors)
    {
        if (Trigonometric && hasCosines) n = ReduceTrig(n);
        if (n.IsZero) return Constant(Rational.Zero);
        if (Cancel)
            for (var i = 0; i < factors.Count; i++)
            {
                var f = factors[i];
                while (f.Power > 0 && Polynomial.TryDivide(n, f.Polynomial, 4 * MaxTerms) is { } q) { n = q; f = f with { Power = f.Power - 1 }; }
                if (Trigonometric && f.Power >= 2 && PythagoreanOf(f.Polynomial) is { } one)
                    while (f.Power >= 2 && Polynomial.TryDivide(n, one, 4 * MaxTerms) is { } q) { n = q; f = f with { Power = f.Power - 2 }; }
                if (f.Power == 1 && GcdCancel(ref n, f.Polynomial) is { } reduced)
                {
                    factors.RemoveAt(i);
                    if (!reduced.IsConstant) { var s = AddFactors(reduced, 1, factors); n = n.Scale(s); }
                    i = -1;
                    continue;
                }
                factors[i] = f;
            }
        factors.RemoveAll(f => f.Power == 0);
        return Checked(n, factors);
    }

    private RationalForm? Checked(Polynomial n, List<RationalForm.Factor> factors)
    {
        if (n.Count > MaxTerms || n.Degree > MaxDegree || n.Bits > MaxBits || factors.Count > MaxFactors) return null;
        foreach (var f in factors) if (f.Power > MaxDegree) return null;
        return new RationalForm(n, factors);
    }

    /// <summary>For the factor cos(u) (cosh(u)), the polynomial 1 − sin(u)² (1 + sinh(u)²) it squares to.</summary>
    private Polynomial? PythagoreanOf(Polynomial f)
    {
        if (f.Count != 1) return null;
        var (m, _) = f.Leading;
        if (m.Count != 1 || m.PowerAt(0) != 1) return null;
        return SquareRule(m.AtomAt(0)) is { } rule ? Polynomial.Add(Polynomial.OnePolynomial, Polynomial.Of(Monomial.Atom(rule.Partner, 2), rule.Sign), Rational.One) : null;
    }

    /// <summary>cos(u)² = 1 − sin(u)² and cosh(u)² = 1 + sinh(u)²: the partner atom and the sign.</summary>
    private (int Partner, Rational Sign)? SquareRule(int atom)
    {
        // Asked for every squared atom of every reduced numerator: memoised by atom (the partner's
        // number is fixed once it is first looked up).
        if (squareRules.TryGetValue(atom, out var known)) return known;
        var e = Atoms.Atom(atom);
        (int, Rational)? rule = null;
        if (e.Is(Primitives<Expr>.Cos)) rule = (Atoms[Expr.Apply(Primitives<Expr>.Sin, e.Left!)], -Rational.One);
        else if (e.Is(Primitives<Expr>.Cosh)) rule = (Atoms[Expr.Apply(Primitives<Expr>.Sinh, e.Left!)], Rational.One);
        squareRules[atom] = rule;
        return rule;
    }

    private readonly Dictionary<int, (int Partner, Rational Sign)?> squareRules = new();

    private Polynomial ReduceTrig(Polynomial n)
    {
        for (var round = 0; round < MaxDegree; round++)
        {
            (Monomial M, Rational C, int Atom, (int Partner, Rational Sign) Rule)? hit = null;
            foreach (var (m, c) in n.Terms)
            {
                for (var i = 0; i < m.Count && hit is null; i++)
                    if (m.PowerAt(i) >= 2 && SquareRule(m.AtomAt(i)) is { } rule) hit = (m, c, m.AtomAt(i), rule);
                if (hit is not null) break;
            }
            if (hit is not { } h) return n;
            var lowered = h.M.Times(Monomial.Atom(h.Atom, 2), -1);
            var replacement = Polynomial.Add(Polynomial.Of(lowered, h.C), Polynomial.Of(lowered.Times(Monomial.Atom(h.Rule.Partner, 2)), h.C * h.Rule.Sign), Rational.One);
            n = Polynomial.Add(Polynomial.Add(n, Polynomial.Of(h.M, h.C), -Rational.One), replacement, Rational.One);
        }
        return n;
    }

    /// <summary>When n and f are polynomials in one and the same atom with a common factor g of
    /// positive degree, divides n by g and returns f / g; otherwise null.</summary>
    private static Polynomial? GcdCancel(ref Polynomial n, Polynomial f)
    {
        var atom = f.SoleAtom;
        if (atom < 0 || n.SoleAtom != atom) return null;
        var g = Univariate.Gcd(Univariate.Of(n, atom), Univariate.Of(f, atom));
        if (g is null || g.Count < 2) return null;
        var gp = Univariate.ToPolynomial(g, atom);
        var nq = Polynomial.TryDivide(n, gp, 1000);
        var fq = Polynomial.TryDivide(f, gp, 1000);
        if (nq is null || fq is null) return null;
        n = nq;
        return fq;
    }
    /// <summary>The form as an expression (numerator over the product of factors), or null when a
    /// coefficient does not fit a double.</summary>
    internal Expr? ToExpr(RationalForm f)
    {
        // Factors are stored monic; one with a coefficient a double cannot hold (x + 1/3) is written
        // with integer coefficients instead (3*x + 1).
        var numerator = f.Numerator;
        var scaled = new List<Polynomial>();
        foreach (var d in f.Denominator)
        {
            var lcm = System.Numerics.BigInteger.One;
            if (d.Polynomial.Terms.Values.Any(c => !c.Den.IsPowerOfTwo))
                foreach (var c in d.Polynomial.Terms.Values) lcm = lcm / System.Numerics.BigInteger.GreatestCommonDivisor(lcm, c.Den) * c.Den;
            var l = Rational.Of(lcm, System.Numerics.BigInteger.One);
            scaled.Add(d.Polynomial.Scale(l));
            for (var i = 0; i < d.Power; i++) numerator = numerator.Scale(l);
        }
        var num = ToExpr(numerator);
        if (num is null) return null;
        Expr? den = null;
        for (var k = 0; k < f.Denominator.Count; k++)
        {
            var d = f.Denominator[k];
            var e = ToExpr(scaled[k]);
            if (e is null) return null;
            var p = Expr.Apply(Primitives<Expr>.Pow, e, Expr.Const(d.Power));
            den = den is null ? p : Expr.Apply(Primitives<Expr>.Multiply, den, p);
        }
        return den is null ? num : Expr.Apply(Primitives<Expr>.Divide, num, den);
    }

    /// <summary>The form with the numerator's common monomial factor taken out
    /// (x^2*(x*cos(x) + 3*sin(x))), or null when it has none.</summary>
    internal Expr? ToFactoredExpr(RationalForm f)
    {
        if (f.Numerator.Count < 2) return null;
        var content = f.Numerator.Content;
        if (content.Count == 0) return null;
        var inner = ToExpr(new RationalForm(f.Numerator.Times(content.Inverse(), Rational.One), f.Denominator));
        var outer = ToExpr(Polynomial.Of(content, Rational.One));
        return inner is null || outer is null ? null : Expr.Apply(Primitives<Expr>.Multiply, outer, inner);
    }

    internal Expr? ToExpr(Polynomial p)
    {
        Expr sum = Expr.Const(0);
        foreach (var (m, c) in p.Terms)
        {
            var value = c.ToDouble();
            if (!double.IsFinite(value)) return null;
            Expr term = Expr.Const(value);
            for (var i = 0; i < m.Count; i++)
                term = Expr.Apply(Primitives<Expr>.Multiply, term, Expr.Apply(Primitives<Expr>.Pow, Atoms.Atom(m.AtomAt(i)), Expr.Const(m.PowerAt(i))));
            sum = Expr.Apply(Primitives<Expr>.Add, sum, term);
        }
        return sum;
    }
}

/// <summary>Dense univariate polynomials (coefficient of power i at index i) for the gcd.</summary>
internal static class Univariate
{
    internal static List<Rational> Of(Polynomial p, int atom)
    {
        var c = new List<Rational>();
        foreach (var (m, v) in p.Terms)
        {
            var k = m.PowerOf(atom);
            while (c.Count <= k) c.Add(Rational.Zero);
            c[k] = v;
        }
        return c;
    }

    internal static Polynomial ToPolynomial(List<Rational> c, int atom)
    {
        var p = Polynomial.ZeroPolynomial;
        for (var k = 0; k < c.Count; k++)
            if (!c[k].IsZero) p = Polynomial.Add(p, Polynomial.Of(Monomial.Atom(atom, k), c[k]), Rational.One);
        return p;
    }

    private static void Trim(List<Rational> c)
    {
        while (c.Count > 0 && c[^1].IsZero) c.RemoveAt(c.Count - 1);
    }

    /// <summary>The monic gcd by Euclid's algorithm (null past a small budget).</summary>
    internal static List<Rational>? Gcd(List<Rational> a, List<Rational> b)
    {
        a = [.. a]; b = [.. b];
        Trim(a); Trim(b);
        for (var step = 0; b.Count > 0; step++)
        {
            if (step > 64) return null;
            var r = Remainder(a, b);
            a = b;
            b = r;
        }
        if (a.Count == 0) return null;
        var lc = a[^1];
        return a.Select(x => x / lc).ToList();
    }

    private static List<Rational> Remainder(List<Rational> a, List<Rational> b)
    {
        var r = new List<Rational>(a);
        while (r.Count >= b.Count && r.Count > 0)
        {
            var q = r[^1] / b[^1];
            var shift = r.Count - b.Count;
            for (var i = 0; i < b.Count; i++) r[shift + i] -= q * b[i];
            r[^1] = Rational.Zero;
            Trim(r);
        }
        return r;
    }
}
