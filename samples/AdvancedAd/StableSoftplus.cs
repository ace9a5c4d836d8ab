namespace Functional.AdvancedAd;

/// <summary>
/// softplus(x) = log(1 + eˣ) with a custom derivative (seed 004, §8.1): the value by the stable
/// formula x + log1p(e⁻ˣ) for x &gt; 0 and log1p(eˣ) otherwise, the derivative σ(x). The naive
/// formula overflows for x &gt; 709 (e^x = ∞), giving an infinite value and a NaN derivative.
/// </summary>
public static class StableSoftplus
{
    /// <summary>The stable softplus, differentiable to any order (its derivative is <see cref="Scalar.Sigmoid"/>).</summary>
    public static readonly Func<Scalar, Scalar> Softplus = AD.CustomDerivative(
        x => x > 0 ? x + Scalar.Log1p(Scalar.Exp(-x)) : Scalar.Log1p(Scalar.Exp(x)),
        Scalar.Sigmoid);

    /// <summary>log(1 + eˣ) written directly.</summary>
    public static Scalar Naive(Scalar x) => Scalar.Log(1 + Scalar.Exp(x));

    /// <summary>Value, first and second derivative of the stable and the naive formula at x.</summary>
    public static (double Value, double Slope, double Curvature, double NaiveValue, double NaiveSlope) At(double x) => (
        Softplus(x).Value,
        AD.Grad(Softplus)(x).Value,
        AD.Derivative(Softplus, 2)(x).Value,
        Naive(x).Value,
        AD.Grad(Naive)(x).Value);

    /// <summary>Prints the table of seed 004 (and x = 1000, where the naive formula breaks in double precision).</summary>
    public static void Run(TextWriter output)
    {
        output.WriteLine($"{"x",7} {"softplus",24} {"d/dx (sigmoid)",24} {"d2/dx2",24} {"naive",10} {"naive d/dx",10}");
        foreach (var x in new[] { -100.0, -10, 0, 10, 100, 1000 })
        {
            var r = At(x);
            output.WriteLine($"{x,7} {r.Value,24:R} {r.Slope,24:R} {r.Curvature,24:R} {r.NaiveValue,10:G4} {r.NaiveSlope,10:G4}");
        }
    }
}
