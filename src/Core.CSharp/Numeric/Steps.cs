namespace Functional.Numeric;

/// <summary>Default finite-difference steps and the representable-step trick.</summary>
/// <remarks>
/// A difference quotient has truncation error ~ C·hᵖ and round-off error ~ ε·|f|/h; their sum is
/// smallest at h ~ ε^(1/(p+1)) (times the scale of x). The steps are scaled by max(|x|, 1) so
/// that x + h differs from x in the same number of bits whatever the magnitude of x.
/// </remarks>
internal static class Steps
{
    /// <summary>Machine epsilon, 2⁻⁵² (the spacing of doubles at 1).</summary>
    public const double Epsilon = 2.220446049250313e-16;

    /// <summary>√ε ≈ 1.49e-8: optimal for the forward difference (error O(h)).</summary>
    public static readonly double ForwardFactor = Math.Sqrt(Epsilon);

    /// <summary>∛ε ≈ 6.06e-6: optimal for the central difference (error O(h²)) and for the
    /// forward second difference.</summary>
    public static readonly double CentralFactor = Math.Cbrt(Epsilon);

    /// <summary>ε^(1/4) ≈ 1.22e-4: optimal for the central second difference (error O(h²), round-off ε/h²).</summary>
    public static readonly double HessianFactor = Math.Pow(Epsilon, 0.25);

    /// <summary>The starting step of Ridders' extrapolation, as a fraction of max(|x|, 1): large,
    /// because the tableau shrinks it and extrapolates the truncation error away.</summary>
    public const double RichardsonFactor = 0.1;

    /// <summary>The default first-derivative step of <paramref name="scheme"/> at <paramref name="x"/>.</summary>
    public static double FirstDerivative(DifferenceScheme scheme, double x) => Scale(x) * scheme switch
    {
        DifferenceScheme.Forward => ForwardFactor,
        DifferenceScheme.Central => CentralFactor,
        _ => RichardsonFactor,
    };

    /// <summary>The default second-derivative step of <paramref name="scheme"/> at <paramref name="x"/>.</summary>
    public static double SecondDerivative(DifferenceScheme scheme, double x) => Scale(x) * scheme switch
    {
        DifferenceScheme.Forward => CentralFactor,
        DifferenceScheme.Central => HessianFactor,
        _ => RichardsonFactor,
    };

    /// <summary>
    /// The step actually taken from <paramref name="x"/> towards <paramref name="x"/> + <paramref name="h"/>:
    /// <c>(x + h) − x</c>, which is exactly representable.
    /// </summary>
    public static double Representable(double x, double h)
    {
        // (x + h) − x is exactly the distance between the two points f is evaluated at, so
        // dividing by it instead of by h removes the rounding error of forming x + h.
        var exact = (x + h) - x;
        return exact > 0 ? exact : h;
    }

    private static double Scale(double x) => Math.Max(Math.Abs(x), 1.0);
}
