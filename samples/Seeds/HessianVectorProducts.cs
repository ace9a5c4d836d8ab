using static Functional.AD;
using static Functional.Seeds.Format;

namespace Functional.Seeds;

/// <summary>Hessian-vector products: <see cref="AD.Hvp"/> computes H·v by forward-over-reverse
/// without forming H. For f(x) = ½‖Ax‖² the Hessian is AᵀA exactly (seed 004's check).</summary>
public static class HessianVectorProducts
{
    /// <summary>A fixed 4 × 3 matrix.</summary>
    public static readonly double[,] A = { { 1, 2, 0 }, { 0, -1, 3 }, { 2, 0, 1 }, { -1, 1, 1 } };

    /// <summary>½‖Ax‖².</summary>
    public static Scalar HalfSquaredNorm(Scalar[] x)
    {
        Scalar total = 0.0;
        for (var i = 0; i < A.GetLength(0); i++)
        {
            Scalar row = 0.0;
            for (var j = 0; j < A.GetLength(1); j++) row += A[i, j] * x[j];
            total += row * row;
        }
        return 0.5 * total;
    }

    /// <summary>AᵀA·v, the exact product.</summary>
    public static double[] Exact(double[] v)
    {
        var result = new double[v.Length];
        for (var i = 0; i < v.Length; i++)
            for (var j = 0; j < v.Length; j++)
                for (var k = 0; k < A.GetLength(0); k++)
                    result[i] += A[k, i] * A[k, j] * v[j];
        return result;
    }

    /// <summary>Prints H·v three ways for ½‖Ax‖², and H·v of the seed function.</summary>
    public static void Run(TextWriter output)
    {
        Scalar[] x = [0.3, -1.2, 0.7];
        Scalar[] v = [1.0, 2.0, -1.0];
        var hv = Hvp(HalfSquaredNorm)(x, v);
        var h = Hessian(HalfSquaredNorm)(x).ToDoubles();
        var hTimesV = Enumerable.Range(0, 3).Select(i => Enumerable.Range(0, 3).Sum(j => h[i, j] * v[j].Value));
        output.WriteLine($"f(x) = 1/2 |Ax|^2, v = {Vector(v)}");
        output.WriteLine($"Hvp(f)(x, v)        = {Vector(hv)}");
        output.WriteLine($"Hessian(f)(x) * v   = {Vector(hTimesV)}");
        output.WriteLine($"A^T A v (exact)     = {Vector(Exact([1.0, 2.0, -1.0]))}");

        var seed = Hvp(SeedGradient.F)([1.0, 2.0], [1.0, 0.0]);
        var e2 = Math.Exp(2);
        output.WriteLine($"seed 000: H(1,2) e1 = {Vector(seed)}   (by hand [x2^2 e^(x1 x2), 1 + (1 + x1 x2) e^(x1 x2)] = {Vector([4 * e2, 1 + 3 * e2])})");
    }
}
