using static Functional.AD;
using static Functional.Seeds.Format;

namespace Functional.Seeds;

/// <summary>Minimising with <see cref="AD.Grad(Func{Scalar[], Scalar})"/>: gradient descent on a
/// quadratic bowl (minimum at (3, −1)) and on Rosenbrock's valley (minimum at (1, 1)), then
/// Newton's method on Rosenbrock with <see cref="AD.Hessian"/>.</summary>
public static class Minimise
{
    /// <summary>(x − 3)² + 10(y + 1)².</summary>
    public static Scalar Quadratic(Scalar[] p) => (p[0] - 3) * (p[0] - 3) + 10 * (p[1] + 1) * (p[1] + 1);

    /// <summary>(1 − x)² + 100(y − x²)².</summary>
    public static Scalar Rosenbrock(Scalar[] p) => (1 - p[0]) * (1 - p[0]) + 100 * (p[1] - p[0] * p[0]) * (p[1] - p[0] * p[0]);

    /// <summary>Plain gradient descent: x ← x − rate·∇f(x).</summary>
    public static double[] GradientDescent(Func<Scalar[], Scalar> f, double[] start, double rate, int steps)
    {
        var gradient = Grad(f);
        var x = (double[])start.Clone();
        for (var step = 0; step < steps; step++)
        {
            var g = gradient([.. x.Select(v => (Scalar)v)]);
            for (var i = 0; i < x.Length; i++) x[i] -= rate * g[i].Value;
        }
        return x;
    }

    /// <summary>Newton's method for two variables: x ← x − H⁻¹∇f(x), with H by forward-over-reverse.</summary>
    public static double[] Newton(Func<Scalar[], Scalar> f, double[] start, int steps)
    {
        var gradient = Grad(f);
        var hessian = Hessian(f);
        var x = (double[])start.Clone();
        for (var step = 0; step < steps; step++)
        {
            Scalar[] point = [.. x.Select(v => (Scalar)v)];
            var g = gradient(point).ToDoubles();
            var h = hessian(point).ToDoubles();
            var det = h[0, 0] * h[1, 1] - h[0, 1] * h[1, 0];
            x[0] -= (h[1, 1] * g[0] - h[0, 1] * g[1]) / det;
            x[1] -= (h[0, 0] * g[1] - h[1, 0] * g[0]) / det;
        }
        return x;
    }

    /// <summary>Prints where each method ends.</summary>
    public static void Run(TextWriter output)
    {
        output.WriteLine($"quadratic, 100 descent steps (rate 0.04) from (0,0)        -> {Vector(GradientDescent(Quadratic, [0, 0], 0.04, 100))}");
        output.WriteLine($"Rosenbrock, 20000 descent steps (rate 0.001) from (-1.2,1) -> {Vector(GradientDescent(Rosenbrock, [-1.2, 1], 0.001, 20000))}");
        output.WriteLine($"Rosenbrock, 10 Newton steps from (-1.2,1)                  -> {Vector(Newton(Rosenbrock, [-1.2, 1], 10))}");
    }
}
