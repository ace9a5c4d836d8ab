using System.Numerics;
using static Functional.Numeric.NumericArguments;

namespace Functional.Numeric;

/// <summary>
/// Complex-step differentiation: f′(x) ≈ Im f(x + ih) / h for a function that is analytic
/// (holomorphic) near the real point x and real on the real axis.
/// </summary>
/// <remarks>
/// <para>f(x + ih) = f(x) + ih·f′(x) − h²f″(x)/2 − ih³f‴(x)/6 + …, so the imaginary part divided by
/// h is f′(x) with error h²f‴(x)/6. Nothing is subtracted, so there is no cancellation and h can be
/// tiny: with the default h = 1e-20 the truncation error is far below the last bit and the result is
/// exact to machine precision (Squire and Trapp, 1998).</para>
/// <para>f must be written with <see cref="Complex"/> operations that extend the real function
/// analytically — arithmetic, <see cref="Complex.Exp(Complex)"/>, <see cref="Complex.Sin(Complex)"/>,
/// <see cref="Complex.Sqrt(Complex)"/>, … — and must not use <c>Abs</c>, <c>Conjugate</c>, or compare
/// or branch on the imaginary part, which break analyticity and give wrong answers silently. The
/// library function itself must carry an imaginary part of 1e-20 through: in .NET 10
/// <see cref="Complex.Atan(Complex)"/> does not (it returns a zero imaginary part, so the
/// derivative comes out 0); write atan z as <c>Complex.Asin(z / Complex.Sqrt(1 + z * z))</c>.
/// Exp, Log, Sqrt, Pow, Sin, Cos, Tan, Sinh, Cosh, Tanh, Asin and Acos are fine.</para>
/// </remarks>
/// <example>
/// <code>
/// // The Squire–Trapp example: exp(x) / sqrt(sin(x)³ + cos(x)³) at 1.5, to all 16 digits.
/// double d = ComplexStep.Derivative(z =&gt; Complex.Exp(z) / Complex.Sqrt(Complex.Pow(Complex.Sin(z), 3) + Complex.Pow(Complex.Cos(z), 3)), 1.5);
/// </code>
/// </example>
public static class ComplexStep
{
    /// <summary>The default imaginary step, 1e-20.</summary>
    public const double DefaultStep = 1e-20;

    /// <summary>The derivative f′(x) of a function analytic near the real point x.</summary>
    /// <param name="f">The function, written with <see cref="Complex"/> operations.</param>
    /// <param name="x">The real point (finite).</param>
    /// <param name="step">The imaginary step h (positive); null for <see cref="DefaultStep"/>.</param>
    /// <returns>Im f(x + ih) / h.</returns>
    public static double Derivative(Func<Complex, Complex> f, double x, double? step = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        CheckPoint(x);
        CheckStep(step);
        var h = step ?? DefaultStep;
        return f(new Complex(x, h)).Imaginary / h;
    }

    /// <summary>The gradient ∇f(x) of a function of several variables analytic near the real point x.</summary>
    /// <param name="f">The function, written with <see cref="Complex"/> operations.</param>
    /// <param name="x">The real point (non-empty, finite).</param>
    /// <param name="step">The imaginary step h (positive); null for <see cref="DefaultStep"/>.</param>
    /// <returns>For each i, Im f(x + ih·eᵢ) / h; one evaluation per coordinate.</returns>
    public static double[] Gradient(Func<Complex[], Complex> f, double[] x, double? step = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        CheckPoint(x);
        CheckStep(step);
        var h = step ?? DefaultStep;
        var gradient = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            var z = new Complex[x.Length];
            for (var k = 0; k < x.Length; k++) z[k] = x[k];
            z[i] = new Complex(x[i], h);
            gradient[i] = f(z).Imaginary / h;
        }

        return gradient;
    }
}
