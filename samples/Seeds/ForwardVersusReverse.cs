using static Functional.AD;
using static Functional.Seeds.Format;

namespace Functional.Seeds;

/// <summary>Seeds 002–004: forward mode pushes one tangent per pass (n passes for n inputs), reverse
/// mode pulls one adjoint per pass (one pass for a scalar output). Seed 004's trace:
/// f(x1, x2) = (x1 + x2)·sin(x1) at (1, 2) gives f = 2.524413, ∂f/∂x1 = sin 1 + 3 cos 1 = 2.462378,
/// ∂f/∂x2 = sin 1 = 0.841471.</summary>
public static class ForwardVersusReverse
{
    /// <summary>Seed 004's function.</summary>
    public static Scalar F(Scalar[] x) => (x[0] + x[1]) * Scalar.Sin(x[0]);

    /// <summary>Prints the two forward passes and the single reverse pass, then Jacobians of a
    /// function with more outputs than inputs, by both modes.</summary>
    public static void Run(TextWriter output)
    {
        Scalar[] point = [1.0, 2.0];
        var jvp = Jvp(x => [F(x)]);
        var (value, dx1) = jvp(point, [1.0, 0.0]);
        var (_, dx2) = jvp(point, [0.0, 1.0]);
        output.WriteLine($"f(1,2)              = {value[0].Value:F6}");
        output.WriteLine($"forward, pass 1 (tangent e1): df/dx1 = {dx1[0].Value:F6}");
        output.WriteLine($"forward, pass 2 (tangent e2): df/dx2 = {dx2[0].Value:F6}");
        var reverse = Grad(F)(point);
        output.WriteLine($"reverse, one pass:            grad   = [{reverse[0].Value:F6}, {reverse[1].Value:F6}]");
        output.WriteLine($"by hand: sin 1 + 3 cos 1 = {Math.Sin(1) + 3 * Math.Cos(1):F6}, sin 1 = {Math.Sin(1):F6}");

        // Two inputs, three outputs: forward needs 2 passes, reverse 3; both give the same Jacobian.
        Func<Scalar[], Scalar[]> polar = p => [p[0] * Scalar.Cos(p[1]), p[0] * Scalar.Sin(p[1]), p[0] * p[0]];
        var forward = JacFwd(polar)([2.0, 0.6]).ToDoubles();
        var backward = JacRev(polar)([2.0, 0.6]).ToDoubles();
        output.WriteLine($"Jacobian of (r cos t, r sin t, r^2) at (2, 0.6), forward = {Matrix(forward)}");
        output.WriteLine($"                                                 reverse = {Matrix(backward)}");
    }
}
