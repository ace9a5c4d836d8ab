using static Functional.Numeric.NumericArguments;

namespace Functional.Numeric;

public static partial class FiniteDifference
{
    /// <summary>The Jacobian J[i, j] = ∂fᵢ/∂xⱼ of a vector function, one column per coordinate.</summary>
    /// <param name="f">The function; its output length must not depend on its input.</param>
    /// <param name="x">The point (non-empty, finite).</param>
    /// <param name="scheme">The difference scheme; central by default.</param>
    /// <param name="step">The absolute step for every coordinate (Richardson: the starting step), or null for the scheme's default per coordinate.</param>
    /// <returns>The m × n matrix, m = length of f(x), n = length of x.</returns>
    public static double[,] Jacobian(Func<double[], double[]> f, double[] x, DifferenceScheme scheme = DifferenceScheme.Central, double? step = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        CheckPoint(x);
        CheckScheme(scheme);
        CheckStep(step);
        if (scheme == DifferenceScheme.Richardson) return Values(RichardsonJacobian(f, x, step));

        var output = new OutputLength(f);
        var f0 = scheme == DifferenceScheme.Forward ? output.Evaluate(Copy(x)) : null;
        double[,]? jacobian = null;
        for (var j = 0; j < x.Length; j++)
        {
            var h = Steps.Representable(x[j], step ?? Steps.FirstDerivative(scheme, x[j]));
            var plus = output.Evaluate(Shifted(x, j, h));
            var other = f0 ?? output.Evaluate(Shifted(x, j, -h));
            var width = f0 is null ? 2 * h : h;
            jacobian ??= new double[plus.Length, x.Length];
            for (var i = 0; i < plus.Length; i++) jacobian[i, j] = (plus[i] - other[i]) / width;
        }

        return jacobian!;
    }

    /// <summary>
    /// The Jacobian by Ridders' extrapolation (<see cref="DifferenceScheme.Richardson"/>), with an
    /// error estimate for each entry.
    /// </summary>
    /// <param name="f">The function; its output length must not depend on its input.</param>
    /// <param name="x">The point (non-empty, finite).</param>
    /// <param name="step">The starting step for every coordinate, or null for 0.1·max(|xⱼ|, 1).</param>
    /// <returns>The m × n matrix of estimates of ∂fᵢ/∂xⱼ with their error estimates.</returns>
    public static NumericEstimate[,] JacobianWithError(Func<double[], double[]> f, double[] x, double? step = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        CheckPoint(x);
        CheckStep(step);
        return RichardsonJacobian(f, x, step);
    }

    private static NumericEstimate[,] RichardsonJacobian(Func<double[], double[]> f, double[] x, double? step)
    {
        var output = new OutputLength(f);
        NumericEstimate[,]? jacobian = null;
        for (var j = 0; j < x.Length; j++)
        {
            var h0 = step ?? Steps.FirstDerivative(DifferenceScheme.Richardson, x[j]);
            var column = j;
            var estimates = Ridders.Extrapolate(t =>
            {
                var h = Steps.Representable(x[column], h0 * t);
                var plus = output.Evaluate(Shifted(x, column, h));
                var minus = output.Evaluate(Shifted(x, column, -h));
                var quotient = new double[plus.Length];
                var roundOff = new double[plus.Length];
                for (var i = 0; i < plus.Length; i++)
                {
                    quotient[i] = (plus[i] - minus[i]) / (2 * h);
                    roundOff[i] = Steps.Epsilon * (Math.Abs(plus[i]) + Math.Abs(minus[i])) / (2 * h);
                }

                return (quotient, roundOff);
            }, Ridders.FirstDerivativeCheckScale);
            jacobian ??= new NumericEstimate[estimates.Length, x.Length];
            for (var i = 0; i < estimates.Length; i++) jacobian[i, j] = estimates[i];
        }

        return jacobian!;
    }

    private static double[] Shifted(double[] x, int i, double h)
    {
        var shifted = Copy(x);
        shifted[i] += h;
        return shifted;
    }

    private static double[,] Values(NumericEstimate[,] estimates)
    {
        var values = new double[estimates.GetLength(0), estimates.GetLength(1)];
        for (var i = 0; i < values.GetLength(0); i++)
            for (var j = 0; j < values.GetLength(1); j++)
                values[i, j] = estimates[i, j].Value;
        return values;
    }

    /// <summary>Calls a vector function and insists that every call returns the same number of values.</summary>
    private sealed class OutputLength(Func<double[], double[]> f)
    {
        private int? length;

        public double[] Evaluate(double[] x)
        {
            var y = CheckOutput(f(x), length);
            length = y.Length;
            return y;
        }
    }
}
