using static Functional.AD;

namespace Functional.Samples.Vectors;

/// <summary>
/// Seed 004's Hessian-vector product of f(x) = ½‖Ax‖² at n = 10,000: H·v = AᵀA·v by
/// forward-over-reverse (<see cref="AD.Hvp"/>) through <see cref="Vec.MatVec(double[,], Scalar[])"/>,
/// without forming the 10,000×10,000 Hessian (800 MB), checked against Aᵀ(Av) computed directly.
/// </summary>
public sealed class LargeHvp(int n = 10_000, int rows = 30, int seed = 42)
{
    /// <summary>The size of the input.</summary>
    public int Size => n;

    /// <summary>H·v by AD and the largest difference from Aᵀ(Av).</summary>
    public (double[] Hv, double MaxDifference) Run()
    {
        var random = new Random(seed);
        var a = new double[rows, n];
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < n; j++)
                a[i, j] = random.NextDouble() * 2 - 1;
        var x = Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray();
        var v = Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray();

        var hv = Hvp(p => 0.5 * Vec.SquaredNorm(Vec.MatVec(a, p)))(Scalars.Of(x), Scalars.Of(v)).ToDoubles();

        var av = new double[rows];
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < n; j++) av[i] += a[i, j] * v[j];
        var max = 0.0;
        for (var j = 0; j < n; j++)
        {
            var exact = 0.0;
            for (var i = 0; i < rows; i++) exact += a[i, j] * av[i];
            max = Math.Max(max, Math.Abs(exact - hv[j]) / Math.Max(1, Math.Abs(exact)));
        }
        return (hv, max);
    }
}
