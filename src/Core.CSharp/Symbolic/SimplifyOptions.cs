namespace Functional.Symbolic;

/// <summary>
/// What <see cref="Expr.Simplify(SimplifyOptions)"/> may do. Every stage keeps the value wherever the
/// input is defined (finite); each candidate form replaces a subexpression only when it has fewer
/// operations, so simplification never makes an expression longer. The defaults enable everything.
/// </summary>
public sealed class SimplifyOptions
{
    /// <summary>Everything enabled, with the default budget.</summary>
    public static SimplifyOptions Default { get; } = new();

    /// <summary>Only the fast first pass: constants folded, like terms collected, powers of one base
    /// merged (what <c>Simplify</c> did before normal forms existed).</summary>
    public static SimplifyOptions Basic { get; } = new()
    {
        RationalFunctions = false, FunctionIdentities = false, Trigonometric = false, Activations = false,
    };

    /// <summary>Polynomials over exact rationals: products and integer powers expanded, fractions
    /// brought over a common denominator and common factors cancelled — <c>(x^2 - 1)/(x - 1)</c> is
    /// <c>x + 1</c>, assuming x ≠ 1 (cancelling only removes points where the input is undefined). Also: a sum's
    /// fractions brought together while its other terms stay outside, polynomial terms collected next to a
    /// <c>tan</c>, and fractions inside a factor cleared against the rest of the product
    /// (<c>1/((z/(3*x + 1) + 2)*(3*x + 1))</c> → <c>1/(2*(3*x + 1) + z)</c>).</summary>
    public bool RationalFunctions { get; init; } = true;

    /// <summary><c>log(exp(u))</c> → u; <c>exp(log(u))</c> → u (the input is defined only for u &gt; 0,
    /// where they agree — and at u = 0 both are 0); <c>sqrt(u)^2</c> → u (defined only for u ≥ 0);
    /// <c>sqrt(u^2)</c> → <c>abs(u)</c>; products of exponentials merged (<c>exp(a)*exp(b)</c> →
    /// <c>exp(a + b)</c>); odd and even functions of −u (<c>sin(-u)</c> → <c>-sin(u)</c>, <c>cos(-u)</c> →
    /// <c>cos(u)</c> …); <c>log(sqrt(u))</c> → <c>log(u)/2</c> and <c>log(u^k)</c> → <c>k*log(u)</c> unless k is
    /// even; <c>sqrt(64*u)</c> → <c>8*sqrt(u)</c>; <c>f/sqrt(g)</c> → <c>(f/g)*sqrt(g)</c> when f and g cancel.</summary>
    public bool FunctionIdentities { get; init; } = true;

    /// <summary>The Pythagorean and hyperbolic identities: sin² + cos² = 1, cosh² − sinh² = 1, with
    /// tan = sin/cos and tanh = sinh/cosh, so <c>1 + tan(x)^2</c> and <c>1/cos(x)^2</c> are known equal and
    /// the shorter is kept; quotients sin/cos and sinh/cosh become tan and tanh.</summary>
    public bool Trigonometric { get; init; } = true;

    /// <summary>Recognise the activations: <c>1/(1 + exp(-u))</c> → <c>sigmoid(u)</c>,
    /// <c>exp(u)/(1 + exp(u))</c> → <c>sigmoid(u)</c>, <c>exp(-u)*sigmoid(u)</c> → <c>1 - sigmoid(u)</c>,
    /// <c>log(1 + exp(u))</c> → <c>softplus(u)</c>, <c>(exp(u) - exp(-u))/(exp(u) + exp(-u))</c> → <c>tanh(u)</c>;
    /// the slope <c>(1 - sigmoid(u))*sigmoid(u)</c> becomes <c>1/(4*cosh(u/2)^2)</c> only where that saves at
    /// least two operations (u written once instead of twice), so the derivatives of <c>sigmoid(x)</c> and
    /// <c>sigmoid(w*x + b)</c> keep their sigmoid.</summary>
    public bool Activations { get; init; } = true;

    /// <summary>The budget: the most terms a polynomial normal form may have (default 16). Past it a
    /// subexpression keeps its first-pass form, so simplification stays fast on large expressions.</summary>
    public int MaxTerms
    {
        get => maxTerms;
        init
        {
            if (value < 1) throw new ArgumentOutOfRangeException(nameof(value), value, "MaxTerms must be at least 1");
            maxTerms = value;
        }
    }

    private readonly int maxTerms = 16;

    internal bool Any => RationalFunctions || FunctionIdentities || Trigonometric || Activations;
}
