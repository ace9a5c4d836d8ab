namespace Functional;

/// <summary>
/// Numerically careful <see cref="double"/> implementations of the primitives that
/// <see cref="Math"/> lacks. They are static methods (not lambdas) so that compiled symbolic
/// expressions can call them directly.
/// </summary>
public static class DoubleMath
{
    /// <summary>1 / (1 + e^-x), without overflow for large |x|.</summary>
    public static double Sigmoid(double x)
    {
        if (x >= 0) return 1.0 / (1.0 + Math.Exp(-x));
        var e = Math.Exp(x);
        return e / (1.0 + e);
    }

    /// <summary>log(1 + e^x) = max(x, 0) + log1p(e^-|x|): exact for large |x|.</summary>
    public static double Softplus(double x) => Math.Max(x, 0.0) + Log1p(Math.Exp(-Math.Abs(x)));

    /// <summary>max(x, 0); NaN stays NaN.</summary>
    public static double Relu(double x) => Math.Max(x, 0.0);

    /// <summary>−1, 0 or 1 (0 at 0, the convention for |x|' at a kink); NaN stays NaN.</summary>
    public static double Sign(double x) => double.IsNaN(x) ? double.NaN : Math.Sign(x);

    /// <summary>x·log(y), defined as 0 where x = 0 (so that 0·log 0 is 0, not NaN).</summary>
    public static double Xlogy(double x, double y) => x == 0 && !double.IsNaN(y) ? 0.0 : x * Math.Log(y);

    /// <summary>log(1 + x), accurate for tiny x.</summary>
    public static double Log1p(double x)
    {
        // Goldberg's trick: exact to a few ulps without a platform log1p.
        var u = 1.0 + x;
        if (u == 1.0) return x;
        if (double.IsInfinity(u)) return Math.Log(u);
        return Math.Log(u) * x / (u - 1.0);
    }

    /// <summary>e^x − 1, accurate for tiny x.</summary>
    public static double Expm1(double x)
    {
        // Kahan's trick: the rounding error of exp cancels against that of log.
        var u = Math.Exp(x);
        if (u == 1.0) return x;
        var um1 = u - 1.0;
        if (um1 == -1.0 || double.IsInfinity(u)) return um1;
        return um1 * x / Math.Log(u);
    }

    /// <summary>a + b (a method so the rule table can name it).</summary>
    public static double Add(double a, double b) => a + b;
    /// <summary>a − b.</summary>
    public static double Subtract(double a, double b) => a - b;
    /// <summary>a · b.</summary>
    public static double Multiply(double a, double b) => a * b;
    /// <summary>a / b.</summary>
    public static double Divide(double a, double b) => a / b;
    /// <summary>−x.</summary>
    public static double Negate(double x) => -x;
}
