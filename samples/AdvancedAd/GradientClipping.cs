namespace Functional.AdvancedAd;

/// <summary>
/// Gradient clipping as a custom VJP: the identity on the way forward, each cotangent entry clipped
/// to [−c, c] on the way back, so a loss far from its minimum cannot take a huge step.
/// </summary>
public static class GradientClipping
{
    /// <summary>The identity whose backward pass clips every cotangent entry to [−<paramref name="c"/>, <paramref name="c"/>].</summary>
    public static Func<Scalar[], Scalar[]> Clip(double c) => AD.CustomVjp(
        x => x,
        (x, u) => [.. u.Select(g => Scalar.Max(-c, Scalar.Min(c, g)))]);

    /// <summary>The loss 50·(w₀² + w₁²) with clipped gradients flowing back into w.</summary>
    public static Scalar Loss(Scalar[] w, Func<Scalar[], Scalar[]> clip)
    {
        var v = clip(w);
        return 50 * (v[0] * v[0] + v[1] * v[1]);
    }

    /// <summary>The plain and the clipped gradient at w.</summary>
    public static (double[] Plain, double[] Clipped) Gradients(double[] w, double c) => (
        AD.Grad(v => Loss(v, x => x))(w.AsScalars()).ToDoubles(),
        AD.Grad(v => Loss(v, Clip(c)))(w.AsScalars()).ToDoubles());

    /// <summary>Gradient descent from w₀ with the clipped gradient; returns every iterate.</summary>
    public static List<double[]> Descend(double[] w0, double c, double learningRate, int steps)
    {
        var grad = AD.Grad((Scalar[] v) => Loss(v, Clip(c)));
        var path = new List<double[]> { w0 };
        for (var k = 0; k < steps; k++)
        {
            var w = path[^1];
            var g = grad(w.AsScalars()).ToDoubles();
            path.Add([w[0] - learningRate * g[0], w[1] - learningRate * g[1]]);
        }
        return path;
    }

    /// <summary>Prints both gradients and a few clipped steps.</summary>
    public static void Run(TextWriter output)
    {
        var (plain, clipped) = Gradients([3.0, -0.004], 1.0);
        output.WriteLine($"loss 50|w|^2 at w = (3, -0.004): gradient {Format.Vector(plain)}, clipped to [-1, 1]: {Format.Vector(clipped)}");
        var path = Descend([3.0, -0.004], 1.0, 0.5, 4);
        output.WriteLine("descent with clipped gradients (step 0.5): " + string.Join(" -> ", path.Select(Format.Vector)));
    }
}
