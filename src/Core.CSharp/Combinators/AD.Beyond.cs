using System.Runtime.CompilerServices;

namespace Functional;

public static partial class AD
{
    /// <summary>
    /// The derivative of a function whose result is a function (Manzyuk, Pearlmutter, Radul, Rush and
    /// Siskind, "Perturbation confusion in forward automatic differentiation of higher-order
    /// functions", JFP 2019): <c>Derivative(f)(x)(g)(y)</c> = ∂/∂x [f(x)(g)(y)].
    /// </summary>
    /// <remarks>
    /// The perturbation is drawn fresh when the innermost function is applied to y, not when
    /// <c>Derivative(f)(x)</c> is built. So a derivative that is applied to a function built from itself
    /// (<c>d(d(exp))</c> below) gets two distinct perturbations, the inner one created later and hence of
    /// higher level, and the answer is right; drawing the tag once per closure gives a wrong number.
    /// Nests with every other combinator; a value that escapes its differentiation is an
    /// <see cref="InvalidOperationException"/>.
    /// </remarks>
    /// <example>
    /// <code>
    /// Func&lt;Scalar, Func&lt;Func&lt;Scalar, Scalar&gt;, Func&lt;Scalar, Scalar&gt;&gt;&gt; shift = x =&gt; g =&gt; y =&gt; g(x + y);
    /// var d = AD.Derivative(shift)(3.0);
    /// d(Scalar.Exp)(5.0);     // e⁸
    /// d(d(Scalar.Exp))(5.0);  // e¹¹
    /// </code>
    /// </example>
    /// <exception cref="ArgumentNullException"><paramref name="f"/> (or later g) is null.</exception>
    [OverloadResolutionPriority(-1)] // Derivative(null) keeps meaning the scalar overload
    public static Func<Scalar, Func<Func<Scalar, Scalar>, Func<Scalar, Scalar>>> Derivative(
        Func<Scalar, Func<Func<Scalar, Scalar>, Func<Scalar, Scalar>>> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return x => g =>
        {
            ArgumentNullException.ThrowIfNull(g);
            return y =>
            {
                var owner = new ForwardDifferentiation();
                Scalar result;
                try
                {
                    var applied = f(owner.Make(x, 1.0)) ?? throw NullFunction("f(x)");
                    var inner = applied(g) ?? throw NullFunction("f(x)(g)");
                    result = inner(y);
                }
                finally { owner.Finish(); }
                CheckNotEscaped(result, owner);
                return owner.Split(result).Tangent;
            };
        };
    }

    private static ArgumentException NullFunction(string what) =>
        new($"the differentiated function returned null for {what} instead of a function", "f");

    /// <summary>
    /// The Taylor coefficients c₀ … c_order of f at x, c_j = f⁽ʲ⁾(x)/j!, from one evaluation of f on
    /// truncated Taylor series (like JAX's <c>jet</c>): O(order²) per operation, where nested forward
    /// mode (<see cref="Derivative(Func{Scalar, Scalar}, int)"/>) costs O(2^order).
    /// </summary>
    /// <remarks>
    /// Each primitive has its own recurrence; a primitive without one is expanded from its derivative
    /// rule in O(order³). Combinators called inside f work on the series as on any primal. The
    /// coefficients are plain doubles, so f must not use values that carry derivatives of an
    /// enclosing differentiation (that is an <see cref="InvalidOperationException"/>). Where f has no
    /// Taylor series (xʳ at 0 for non-integer r) the coefficients beyond c₀ are NaN or infinite.
    /// </remarks>
    /// <example><c>AD.Taylor(Scalar.Exp, 0.0, 4)</c> is [1, 1, 1/2, 1/6, 1/24].</example>
    /// <exception cref="ArgumentNullException"><paramref name="f"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="order"/> is negative.</exception>
    public static double[] Taylor(Func<Scalar, Scalar> f, double x, int order)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentOutOfRangeException.ThrowIfNegative(order);
        ArgumentOutOfRangeException.ThrowIfEqual(order, int.MaxValue);
        var owner = new TaylorExpansion(order);
        var input = TaylorArithmetic.Constant(x, owner.Length);
        if (order > 0) input[1] = 1.0;
        Scalar y;
        try { y = f(owner.Wrap(input)); }
        finally { owner.Finish(); }
        CheckNotEscaped(y, owner);
        var coefficients = owner.CoefficientsOf(y);
        return y.Node is null ? coefficients : (double[])coefficients.Clone();
    }
}
