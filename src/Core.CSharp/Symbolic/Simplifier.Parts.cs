namespace Functional.Symbolic;

/// <summary>Sums simplified a part at a time: the terms with denominators over one common
/// denominator while the others stay outside (−z²(x + 2)/(xz² + 1)² + 1/(xz² + 1) + eˣ), or the
/// polynomial terms collected next to a tangent (x²(x + 1) + x²(3x + 2) + 2x − tan x).</summary>
internal sealed partial class Simplifier
{
    /// <summary>Above zero while a part is being simplified, so that parts are not split again.</summary>
    private int partDepth;

    /// <summary>Ways to split a sum into a part to simplify on its own (at least two terms) and the
    /// rest (at least one term), each as a sum.</summary>
    private IEnumerable<(Expr Inside, Expr Outside)> Parts(Expr sum)
    {
        if (Terms(sum, MaxTogetherTerms) is not { Count: >= 3 } terms) yield break;
        var fractions = terms.ConvertAll(t => HasDenominator(t.Term));
        if (Split(terms, fractions) is { } byFraction) yield return byFraction;
        var trigonometric = terms.ConvertAll(t => !HasTrigonometricFactor(t.Term));
        if (Split(terms, trigonometric) is { } byTrigonometry) yield return byTrigonometry;
    }

    private (Expr Inside, Expr Outside)? Split(List<(Expr Term, double Sign)> terms, List<bool> inside)
    {
        var count = inside.Count(b => b);
        if (count < 2 || count == terms.Count) return null;
        var a = new List<(Expr, double)>();
        var b = new List<(Expr, double)>();
        for (var i = 0; i < terms.Count; i++) (inside[i] ? a : b).Add(terms[i]);
        return SumOf([.. a]) is { } left && SumOf([.. b]) is { } right ? (left, right) : null;
    }

    private bool HasDenominator(Expr term) => Factor([(term, 1)]) is { } p && p.Factors.Exists(f => f.Exponent < 0);

    private bool HasTrigonometricFactor(Expr term) => Factor([(term, 1)]) is { } p
        && p.Factors.Exists(f => f.Base.Is(Primitives<Expr>.Tan) || f.Base.Is(Primitives<Expr>.Tanh)
            || ((f.Base.Is(Primitives<Expr>.Cos) || f.Base.Is(Primitives<Expr>.Cosh)) && Math.Abs(f.Exponent) >= 2));
}
