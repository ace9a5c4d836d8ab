namespace Functional.Symbolic;

public sealed partial class Expr
{
    /// <summary>The expression with products and integer powers of sums multiplied out and like terms
    /// collected, coefficients computed exactly: <c>(x + 1)^2</c> → <c>x^2 + 2*x + 1</c>. Dividing by a
    /// single term gives negative powers; a sum in a denominator stays there (expanded). Function
    /// arguments are expanded too. The value is unchanged wherever this expression is defined.</summary>
    /// <exception cref="InvalidOperationException">The expansion would have more than 100 000 terms.</exception>
    public Expr Expand() => Expander.Expand(this);

    /// <summary>The expression with every occurrence of the variable <paramref name="variable"/>
    /// replaced by <paramref name="replacement"/> (constants folded again; shared nodes rebuilt once).
    /// Evaluating the result equals evaluating this expression at the replacement's value.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public Expr Substitute(string variable, Expr replacement)
    {
        ArgumentNullException.ThrowIfNull(variable);
        ArgumentNullException.ThrowIfNull(replacement);
        var result = new Dictionary<Expr, Expr>();
        foreach (var n in PostOrder(this))
        {
            result[n] = n.Kind switch
            {
                ExprKind.Constant => n,
                ExprKind.Variable => n.Name == variable ? replacement : n,
                ExprKind.Unary => ReferenceEquals(result[n.Left!], n.Left) ? n : Apply(n.UnaryOp!, result[n.Left!]),
                _ => ReferenceEquals(result[n.Left!], n.Left) && ReferenceEquals(result[n.Right!], n.Right)
                    ? n : Apply(n.BinaryOp!, result[n.Left!], result[n.Right!]),
            };
        }
        return result[this];
    }

    /// <summary>The Taylor coefficients c₀ … c_order of this expression in <paramref name="variable"/>
    /// about <paramref name="at"/>: cₖ = f⁽ᵏ⁾(at)/k!, so f(at + h) ≈ Σ cₖ·hᵏ. Each coefficient is an
    /// exact expression where possible (<c>sin(1)/6</c>, <c>-1/6</c>; other variables stay symbolic);
    /// <see cref="Evaluate"/> gives its number. Computed by repeated symbolic differentiation,
    /// simplified at each order.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="order"/> is negative or above 64, or
    /// <paramref name="at"/> is not finite.</exception>
    public Expr[] Series(string variable, double at, int order)
    {
        ArgumentNullException.ThrowIfNull(variable);
        if (order is < 0 or > 64) throw new ArgumentOutOfRangeException(nameof(order), order, "the series order must be between 0 and 64");
        if (!double.IsFinite(at)) throw new ArgumentOutOfRangeException(nameof(at), at, "the expansion point must be finite");
        var point = Const(at);
        var coefficients = new Expr[order + 1];
        // A larger budget than Simplify's default: derivatives of rational functions stay one
        // numerator over a power of the denominator instead of growing term by term.
        var options = new SimplifyOptions { MaxTerms = 256 };
        var derivative = Simplify(options);
        System.Numerics.BigInteger factorial = 1;
        for (var k = 0; k <= order; k++)
        {
            if (k > 0)
            {
                factorial *= k;
                derivative = derivative.Diff(variable).Simplify(options);
            }
            var value = derivative.Substitute(variable, point).Simplify(options);
            coefficients[k] = DivideExactly(value, factorial);
        }
        return coefficients;
    }

    /// <summary>value / k!, kept as an exact quotient of integers when it does not fold exactly.</summary>
    private static Expr DivideExactly(Expr value, System.Numerics.BigInteger factorial)
    {
        if (factorial.IsOne) return value;
        if (value.IsConstant && IsInteger(value.ConstantValue) && Math.Abs(value.ConstantValue) < 1e15)
        {
            var n = new System.Numerics.BigInteger(value.ConstantValue);
            var g = System.Numerics.BigInteger.GreatestCommonDivisor(n, factorial);
            if (g.IsZero) return Const(0);
            var num = n / g;
            var den = factorial / g;
            if (den.IsOne) return Const((double)num);
            if (den < new System.Numerics.BigInteger(1L << 53)) return Apply(Primitives<Expr>.Divide, Const((double)num), Const((double)den));
        }
        return Apply(Primitives<Expr>.Divide, value, Const((double)factorial));
    }
}
