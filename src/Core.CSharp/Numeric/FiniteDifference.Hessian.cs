using static Functional.Numeric.NumericArguments;

namespace Functional.Numeric;

public static partial class FiniteDifference
{
    /// <summary>The Hessian H[i, j] = ∂²f/∂xᵢ∂xⱼ of a function of several variables (symmetric by construction).</summary>
    /// <param name="f">The function.</param>
    /// <param name="x">The point (non-empty, finite).</param>
    /// <param name="scheme">
    /// Central (default): second differences symmetric about x, error O(h²), default step
    /// ε^¼·max(|xᵢ|, 1), 2n² + 1 evaluations at most. Forward: differences of f at x, x + hᵢeᵢ and
    /// x + hᵢeᵢ + hⱼeⱼ, error O(h), default step ∛ε·max(|xᵢ|, 1). Richardson: Ridders'
    /// extrapolation of the central differences.
    /// </param>
    /// <param name="step">The absolute step for every coordinate (Richardson: the starting step), or null for the scheme's default per coordinate.</param>
    /// <returns>The n × n matrix.</returns>
    public static double[,] Hessian(Func<double[], double> f, double[] x, DifferenceScheme scheme = DifferenceScheme.Central, double? step = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        CheckPoint(x);
        CheckScheme(scheme);
        CheckStep(step);
        if (scheme == DifferenceScheme.Richardson) return Values(RichardsonHessian(f, x, step));

        var h = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
            h[i] = Steps.Representable(x[i], step ?? Steps.SecondDerivative(scheme, x[i]));
        var quotients = scheme == DifferenceScheme.Forward ? ForwardSecondDifferences(f, x, h) : CentralSecondDifferences(f, x, h).Quotients;
        return Unpack(quotients, x.Length);
    }

    /// <summary>
    /// The Hessian by Ridders' extrapolation (<see cref="DifferenceScheme.Richardson"/>) of central
    /// second differences, with an error estimate for each entry.
    /// </summary>
    /// <param name="f">The function.</param>
    /// <param name="x">The point (non-empty, finite).</param>
    /// <param name="step">The starting step for every coordinate, or null for 0.1·max(|xᵢ|, 1).</param>
    /// <returns>The n × n symmetric matrix of estimates with their error estimates.</returns>
    public static NumericEstimate[,] HessianWithError(Func<double[], double> f, double[] x, double? step = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        CheckPoint(x);
        CheckStep(step);
        return RichardsonHessian(f, x, step);
    }

    private static NumericEstimate[,] RichardsonHessian(Func<double[], double> f, double[] x, double? step)
    {
        var h0 = new double[x.Length];
        for (var i = 0; i < x.Length; i++) h0[i] = step ?? Steps.SecondDerivative(DifferenceScheme.Richardson, x[i]);
        var estimates = Ridders.Extrapolate(t =>
        {
            var h = new double[x.Length];
            for (var i = 0; i < x.Length; i++) h[i] = Steps.Representable(x[i], h0[i] * t);
            return CentralSecondDifferences(f, x, h);
        }, Ridders.SecondDerivativeCheckScale);
        return Unpack(estimates, x.Length);
    }

    /// <summary>The upper triangle (row by row) of the central second differences at steps h, with their round-off errors.</summary>
    private static (double[] Quotients, double[] RoundOff) CentralSecondDifferences(Func<double[], double> f, double[] x, double[] h)
    {
        var n = x.Length;
        var f0 = f(Copy(x));
        var result = new double[n * (n + 1) / 2];
        var roundOff = new double[result.Length];
        var k = 0;
        for (var i = 0; i < n; i++)
        {
            double plus = At(f, x, i, h[i]), minus = At(f, x, i, -h[i]);
            roundOff[k] = Steps.Epsilon * (Math.Abs(plus) + 2 * Math.Abs(f0) + Math.Abs(minus)) / (h[i] * h[i]);
            result[k++] = (plus - 2 * f0 + minus) / (h[i] * h[i]);
            for (var j = i + 1; j < n; j++)
            {
                double pp = At(f, x, i, h[i], j, h[j]), pm = At(f, x, i, h[i], j, -h[j]);
                double mp = At(f, x, i, -h[i], j, h[j]), mm = At(f, x, i, -h[i], j, -h[j]);
                roundOff[k] = Steps.Epsilon * (Math.Abs(pp) + Math.Abs(pm) + Math.Abs(mp) + Math.Abs(mm)) / (4 * h[i] * h[j]);
                result[k++] = (pp - pm - mp + mm) / (4 * h[i] * h[j]);
            }
        }

        return (result, roundOff);
    }

    /// <summary>The upper triangle (row by row) of the forward second differences at steps h.</summary>
    private static double[] ForwardSecondDifferences(Func<double[], double> f, double[] x, double[] h)
    {
        var n = x.Length;
        var f0 = f(Copy(x));
        var single = new double[n];
        for (var i = 0; i < n; i++) single[i] = At(f, x, i, h[i]);
        var result = new double[n * (n + 1) / 2];
        var k = 0;
        for (var i = 0; i < n; i++)
        {
            result[k++] = (At(f, x, i, 2 * h[i]) - 2 * single[i] + f0) / (h[i] * h[i]);
            for (var j = i + 1; j < n; j++)
                result[k++] = (At(f, x, i, h[i], j, h[j]) - single[i] - single[j] + f0) / (h[i] * h[j]);
        }

        return result;
    }

    /// <summary>The symmetric matrix whose upper triangle, row by row, is <paramref name="upper"/>.</summary>
    private static T[,] Unpack<T>(T[] upper, int n)
    {
        var matrix = new T[n, n];
        var k = 0;
        for (var i = 0; i < n; i++)
            for (var j = i; j < n; j++)
                matrix[i, j] = matrix[j, i] = upper[k++];
        return matrix;
    }
}
