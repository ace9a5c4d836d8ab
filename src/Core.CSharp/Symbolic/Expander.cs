namespace Functional.Symbolic;

/// <summary>
/// <see cref="Expr.Expand()"/>: products and integer powers of sums multiplied out over exact rational
/// coefficients, like terms collected. Quotients by a single term become negative powers; a quotient
/// by a sum keeps that sum (expanded) as a denominator atom, like SymPy's <c>expand</c>. Function
/// arguments are expanded too.
/// </summary>
internal static class Expander
{
    /// <summary>The most terms an expansion may reach before it is refused.</summary>
    internal const int MaxTerms = 100_000;

    internal static Expr Expand(Expr root)
    {
        var atoms = new AtomTable();
        var poly = new Dictionary<Expr, Polynomial>();
        var expanded = new Dictionary<Expr, Expr>();

        Expr ExpandedOf(Expr n) =>
            expanded.TryGetValue(n, out var e) ? e : expanded[n] = ToExpr(poly[n], atoms);

        Polynomial Atom(Expr e, int power = 1) => Polynomial.Of(Monomial.Atom(atoms[e], power), Rational.One);

        Polynomial Checked(Polynomial p) => p.Count <= MaxTerms ? p
            : throw new InvalidOperationException($"expanding this expression gives more than {MaxTerms} terms");

        Polynomial? Single(Polynomial p) => p.Count == 1 ? p : null;

        foreach (var n in Expr.PostOrder(root))
        {
            Polynomial p;
            if (n.IsConstant && double.IsFinite(n.ConstantValue)) p = Polynomial.Constant(Rational.FromDouble(n.ConstantValue));
            else if (n.Kind is ExprKind.Constant or ExprKind.Variable) p = Atom(n);
            else if (n.Is(Primitives<Expr>.Add)) p = Checked(Polynomial.Add(poly[n.Left!], poly[n.Right!], Rational.One));
            else if (n.Is(Primitives<Expr>.Subtract)) p = Checked(Polynomial.Add(poly[n.Left!], poly[n.Right!], -Rational.One));
            else if (n.Is(Primitives<Expr>.Negate)) p = poly[n.Left!].Scale(-Rational.One);
            else if (n.Is(Primitives<Expr>.Multiply)) p = Multiply(poly[n.Left!], poly[n.Right!]);
            else if (n.Is(Primitives<Expr>.Divide)) p = Multiply(poly[n.Left!], Inverse(n.Right!, 1));
            else if (n.Is(Primitives<Expr>.Pow) && n.Right!.IsConstant && Expr.IsInteger(n.Right.ConstantValue) && Math.Abs(n.Right.ConstantValue) <= 1000)
            {
                var k = (int)n.Right.ConstantValue;
                p = k >= 0 ? Power(poly[n.Left!], k) : Inverse(n.Left!, -k);
            }
            else p = Atom(n.Kind == ExprKind.Unary
                ? Expr.Apply(n.UnaryOp!, ExpandedOf(n.Left!))
                : Expr.Apply(n.BinaryOp!, ExpandedOf(n.Left!), ExpandedOf(n.Right!)));
            poly[n] = p;
        }
        return Simplifier.Simplify(ToExpr(poly[root], atoms), SimplifyOptions.Basic);

        Polynomial Multiply(Polynomial a, Polynomial b)
        {
            if ((long)a.Count * b.Count > 4L * MaxTerms) throw new InvalidOperationException($"expanding this expression gives more than {MaxTerms} terms");
            return Checked(Polynomial.Multiply(a, b));
        }

        Polynomial Power(Polynomial a, int k)
        {
            var r = Polynomial.OnePolynomial;
            for (var i = 0; i < k; i++) r = Multiply(r, a);
            return r;
        }

        // 1/d^k: a single term inverts exactly; a sum stays, expanded, as an atom to the power −k.
        Polynomial Inverse(Expr d, int k)
        {
            var p = poly[d];
            if (Single(p) is { } term && !p.IsZero)
            {
                var (m, c) = term.Leading;
                var inv = Polynomial.Of(m.Inverse(), Rational.One / c);
                return Power(inv, k);
            }
            return Atom(ExpandedOf(d), -k);
        }
    }

    internal static Expr ToExpr(Polynomial p, AtomTable atoms)
    {
        Expr sum = Expr.Const(0);
        foreach (var (m, c) in p.Terms)
        {
            Expr term = Expr.Const(c.ToDouble());
            for (var i = 0; i < m.Count; i++)
                term = Expr.Apply(Primitives<Expr>.Multiply, term, Expr.Apply(Primitives<Expr>.Pow, atoms.Atom(m.AtomAt(i)), Expr.Const(m.PowerAt(i))));
            sum = Expr.Apply(Primitives<Expr>.Add, sum, term);
        }
        return sum;
    }
}
