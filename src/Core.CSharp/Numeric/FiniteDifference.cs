using static Functional.Numeric.NumericArguments;

namespace Functional.Numeric;

/// <summary>
/// Finite-difference derivatives of plain <see cref="double"/> functions: the way to get a derivative
/// of code that cannot be made to run on <see cref="Scalar"/>, and the independent check on the others.
/// </summary>
/// <remarks>
/// <para>Every method evaluates at a point and takes the same two optional parameters:</para>
/// <list type="bullet">
/// <item><c>scheme</c> — <see cref="DifferenceScheme.Central"/> (the default, error O(h²)),
/// <see cref="DifferenceScheme.Forward"/> (error O(h), fewest evaluations) or
/// <see cref="DifferenceScheme.Richardson"/> (Ridders' extrapolation, ~1e-13, with an error estimate
/// from the <c>…WithError</c> methods).</item>
/// <item><c>step</c> — the absolute step h, the same for every coordinate; for Richardson the
/// starting (largest) step. <c>null</c> (the default) picks each scheme's optimal step for each
/// coordinate xᵢ: √ε·max(|xᵢ|, 1) ≈ 1.5e-8 forward, ∛ε·max(|xᵢ|, 1) ≈ 6.1e-6 central,
/// ε^¼·max(|xᵢ|, 1) ≈ 1.2e-4 for central second derivatives (∛ε for forward ones), and
/// 0.1·max(|xᵢ|, 1) as Richardson's starting step.</item>
/// </list>
/// <para>Steps are made representable: the step actually divided by is <c>(x + h) − x</c>, the
/// exact distance between the points evaluated. Richardson retreats tenfold (up to eight times)
/// when f is not finite at its starting points, so a starting step that crosses a domain edge
/// (log near 0) still gives an answer; pass a smaller <c>step</c> when f changes character within
/// 0.1·max(|x|, 1) of the point.</para>
/// <para>Bad calls: a null function or point throws <see cref="ArgumentNullException"/>; an empty
/// point, a NaN or infinite coordinate, or a function whose output length changes throws
/// <see cref="ArgumentException"/>; a step that is not positive and finite, or an undefined scheme,
/// throws <see cref="ArgumentOutOfRangeException"/>. Functions receive a fresh copy of the point on
/// every call, so they may modify or keep it.</para>
/// </remarks>
/// <example>
/// <code>
/// double d = FiniteDifference.Derivative(Math.Sin, 1.0);                          // cos 1 ± 1e-10
/// NumericEstimate r = FiniteDifference.DerivativeWithError(Math.Exp, 1.0);          // e ± 1e-13
/// double[] g = FiniteDifference.Gradient(x => x[0] * x[1] + Math.Exp(x[0] * x[1]) - Math.Sin(x[1]),
///                                        [1.0, 2.0], DifferenceScheme.Richardson);
/// </code>
/// </example>
public static partial class FiniteDifference
{
    /// <summary>The derivative f′(x) of a scalar function.</summary>
    /// <param name="f">The function.</param>
    /// <param name="x">The point (finite).</param>
    /// <param name="scheme">The difference scheme; central by default.</param>
    /// <param name="step">The absolute step (Richardson: the starting step), or null for the scheme's default.</param>
    /// <returns>The estimate of f′(x).</returns>
    public static double Derivative(Func<double, double> f, double x, DifferenceScheme scheme = DifferenceScheme.Central, double? step = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        CheckPoint(x);
        CheckScheme(scheme);
        CheckStep(step);
        if (scheme == DifferenceScheme.Richardson) return RichardsonDerivative(f, x, step).Value;
        var h = Steps.Representable(x, step ?? Steps.FirstDerivative(scheme, x));
        return scheme == DifferenceScheme.Forward
            ? (f(x + h) - f(x)) / h
            : (f(x + h) - f(x - h)) / (2 * h);
    }

    /// <summary>
    /// The derivative f′(x) by Ridders' extrapolation (<see cref="DifferenceScheme.Richardson"/>),
    /// with an estimate of its absolute error.
    /// </summary>
    /// <param name="f">The function.</param>
    /// <param name="x">The point (finite).</param>
    /// <param name="step">The starting step, or null for 0.1·max(|x|, 1).</param>
    /// <returns>The estimate and its error estimate.</returns>
    public static NumericEstimate DerivativeWithError(Func<double, double> f, double x, double? step = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        CheckPoint(x);
        CheckStep(step);
        return RichardsonDerivative(f, x, step);
    }

    /// <summary>The gradient ∇f(x) of a function of several variables.</summary>
    /// <param name="f">The function.</param>
    /// <param name="x">The point (non-empty, finite).</param>
    /// <param name="scheme">The difference scheme; central by default.</param>
    /// <param name="step">The absolute step for every coordinate (Richardson: the starting step), or null for the scheme's default per coordinate.</param>
    /// <returns>The estimate of ∂f/∂xᵢ for each i.</returns>
    public static double[] Gradient(Func<double[], double> f, double[] x, DifferenceScheme scheme = DifferenceScheme.Central, double? step = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        CheckPoint(x);
        CheckScheme(scheme);
        CheckStep(step);
        var gradient = new double[x.Length];
        if (scheme == DifferenceScheme.Richardson)
        {
            var estimates = RichardsonGradient(f, x, step);
            for (var i = 0; i < x.Length; i++) gradient[i] = estimates[i].Value;
            return gradient;
        }

        var f0 = scheme == DifferenceScheme.Forward ? f(Copy(x)) : 0;
        for (var i = 0; i < x.Length; i++)
        {
            var h = Steps.Representable(x[i], step ?? Steps.FirstDerivative(scheme, x[i]));
            gradient[i] = scheme == DifferenceScheme.Forward
                ? (At(f, x, i, h) - f0) / h
                : (At(f, x, i, h) - At(f, x, i, -h)) / (2 * h);
        }

        return gradient;
    }

    /// <summary>
    /// The gradient ∇f(x) by Ridders' extrapolation (<see cref="DifferenceScheme.Richardson"/>),
    /// with an error estimate for each component.
    /// </summary>
    /// <param name="f">The function.</param>
    /// <param name="x">The point (non-empty, finite).</param>
    /// <param name="step">The starting step for every coordinate, or null for 0.1·max(|xᵢ|, 1).</param>
    /// <returns>For each i, the estimate of ∂f/∂xᵢ and its error estimate.</returns>
    public static NumericEstimate[] GradientWithError(Func<double[], double> f, double[] x, double? step = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        CheckPoint(x);
        CheckStep(step);
        return RichardsonGradient(f, x, step);
    }

    private static NumericEstimate RichardsonDerivative(Func<double, double> f, double x, double? step)
    {
        var h0 = step ?? Steps.FirstDerivative(DifferenceScheme.Richardson, x);
        return Ridders.Extrapolate(t =>
        {
            var h = Steps.Representable(x, h0 * t);
            return CentralQuotient(f(x + h), f(x - h), h);
        }, Ridders.FirstDerivativeCheckScale)[0];
    }

    private static NumericEstimate[] RichardsonGradient(Func<double[], double> f, double[] x, double? step)
    {
        var result = new NumericEstimate[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            var h0 = step ?? Steps.FirstDerivative(DifferenceScheme.Richardson, x[i]);
            var index = i;
            result[i] = Ridders.Extrapolate(t =>
            {
                var h = Steps.Representable(x[index], h0 * t);
                return CentralQuotient(At(f, x, index, h), At(f, x, index, -h), h);
            }, Ridders.FirstDerivativeCheckScale)[0];
        }

        return result;
    }

    /// <summary>The central quotient from f(x + h) and f(x − h), with its round-off error.</summary>
    private static (double[] Quotients, double[] RoundOff) CentralQuotient(double plus, double minus, double h) =>
        ([(plus - minus) / (2 * h)], [Steps.Epsilon * (Math.Abs(plus) + Math.Abs(minus)) / (2 * h)]);

    /// <summary>f at x + h·eᵢ, on a fresh copy of x.</summary>
    private static double At(Func<double[], double> f, double[] x, int i, double h)
    {
        var shifted = Copy(x);
        shifted[i] += h;
        return f(shifted);
    }

    /// <summary>f at x + hᵢ·eᵢ + hⱼ·eⱼ, on a fresh copy of x.</summary>
    private static double At(Func<double[], double> f, double[] x, int i, double hi, int j, double hj)
    {
        var shifted = Copy(x);
        shifted[i] += hi;
        shifted[j] += hj;
        return f(shifted);
    }

    private static double[] Copy(double[] x) => (double[])x.Clone();
}
