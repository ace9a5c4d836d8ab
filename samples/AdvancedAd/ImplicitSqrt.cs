namespace Functional.AdvancedAd;

/// <summary>
/// √θ computed by Newton's method on plain doubles and differentiated by the implicit function
/// theorem through F(x, θ) = x² − θ: dx/dθ = −(∂F/∂x)⁻¹·∂F/∂θ = 1/(2x), and the second derivative
/// −1/(4θ^{3/2}) comes from differentiating that rule again — the Newton iterations are never unrolled.
/// </summary>
public static class ImplicitSqrt
{
    /// <summary>Newton's method for x² = θ (θ ≥ 0), to the last bit.</summary>
    public static double Newton(double theta)
    {
        if (theta < 0 || !double.IsFinite(theta)) throw new ArgumentOutOfRangeException(nameof(theta), theta, "√θ needs a finite θ ≥ 0");
        if (theta == 0) return 0;
        var x = Math.Max(theta, 1);
        for (var k = 0; k < 200; k++)
        {
            var next = 0.5 * (x + theta / x);
            if (next >= x) return x; // from above the iterates decrease until rounding stops them
            x = next;
        }
        return x;
    }

    /// <summary>θ ↦ √θ with IFT derivatives.</summary>
    public static readonly Func<Scalar, Scalar> Sqrt = CreateSqrt();

    private static Func<Scalar, Scalar> CreateSqrt()
    {
        var root = AD.Implicit(theta => [Newton(theta[0])], (x, theta) => [x[0] * x[0] - theta[0]]);
        return theta => root([theta])[0];
    }

    /// <summary>Prints value, first and second derivative against the closed forms.</summary>
    public static void Run(TextWriter output)
    {
        foreach (var theta in new[] { 0.25, 2.0, 9.0 })
        {
            var value = Sqrt(theta).Value;
            var first = AD.Grad(Sqrt)(theta).Value;
            var second = AD.Derivative(Sqrt, 2)(theta).Value;
            output.WriteLine($"theta = {theta}: sqrt = {value:R} (Math.Sqrt {Math.Sqrt(theta):R}); " +
                $"d/dtheta = {first:R} (1/(2 sqrt) = {1 / (2 * Math.Sqrt(theta)):R}); " +
                $"d2/dtheta2 = {second:R} (-1/(4 theta^1.5) = {-1 / (4 * Math.Pow(theta, 1.5)):R})");
        }
    }
}
