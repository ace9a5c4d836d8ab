using MathNet.Numerics.LinearAlgebra;

namespace Functional.AdvancedAd;

/// <summary>
/// Seed 004, §10.1: z*(θ) = argmin ½‖Az − b‖² + ½θ‖z‖² = (AᵀA + θI)⁻¹Aᵀb. Its derivative by the
/// implicit function theorem through the optimality condition F(z, θ) = Aᵀ(Az − b) + θz = 0, checked
/// against the closed form −(AᵀA + θI)⁻¹z* and against central finite differences.
/// </summary>
public sealed class RidgeRegression
{
    /// <summary>The design matrix A (m × n).</summary>
    public double[,] A { get; }

    /// <summary>The targets b (m).</summary>
    public double[] B { get; }

    /// <summary>A random problem of the seed's size (m = 10 samples, n = 5 features), fixed by the seed.</summary>
    public RidgeRegression(int m = 10, int n = 5, int seed = 42)
    {
        var random = new Random(seed);
        A = new double[m, n];
        for (var i = 0; i < m; i++)
            for (var j = 0; j < n; j++) A[i, j] = random.NextDouble() * 2 - 1;
        B = [.. Enumerable.Range(0, m).Select(_ => random.NextDouble() * 2 - 1)];
    }

    private Matrix<double> Gram(double theta)
    {
        var a = Matrix<double>.Build.DenseOfArray(A);
        return a.TransposeThisAndMultiply(a) + theta * Matrix<double>.Build.DenseIdentity(a.ColumnCount);
    }

    /// <summary>z*(θ) on doubles (the "solver").</summary>
    public double[] Solve(double theta)
    {
        var a = Matrix<double>.Build.DenseOfArray(A);
        return Gram(theta).Solve(a.TransposeThisAndMultiply(Vector<double>.Build.DenseOfArray(B))).ToArray();
    }

    /// <summary>F(z, θ) = Aᵀ(Az − b) + θz, the gradient of the ridge objective.</summary>
    public Scalar[] Residual(Scalar[] z, Scalar[] theta)
    {
        int m = A.GetLength(0), n = A.GetLength(1);
        var r = new Scalar[m];
        for (var i = 0; i < m; i++)
        {
            Scalar s = -B[i];
            for (var j = 0; j < n; j++) s += A[i, j] * z[j];
            r[i] = s;
        }
        var f = new Scalar[n];
        for (var j = 0; j < n; j++)
        {
            var s = theta[0] * z[j];
            for (var i = 0; i < m; i++) s += A[i, j] * r[i];
            f[j] = s;
        }
        return f;
    }

    /// <summary>θ ↦ z*(θ), differentiable by the IFT.</summary>
    public Func<Scalar[], Scalar[]> Solution => AD.Implicit(t => Solve(t[0]), Residual);

    /// <summary>dz*/dθ by the IFT (reverse mode: one pullback per entry of z).</summary>
    public double[] DerivativeByImplicit(double theta)
    {
        var jacobian = AD.JacRev(Solution)([theta]).ToDoubles();
        return [.. Enumerable.Range(0, jacobian.GetLength(0)).Select(i => jacobian[i, 0])];
    }

    /// <summary>The closed form −(AᵀA + θI)⁻¹z*.</summary>
    public double[] DerivativeClosedForm(double theta) =>
        (-Gram(theta).Solve(Vector<double>.Build.DenseOfArray(Solve(theta)))).ToArray();

    /// <summary>Central differences with step h, as in the seed.</summary>
    public double[] DerivativeByFiniteDifferences(double theta, double h = 1e-5)
    {
        double[] plus = Solve(theta + h), minus = Solve(theta - h);
        return [.. plus.Select((p, i) => (p - minus[i]) / (2 * h))];
    }

    /// <summary>Prints the three derivatives and their largest differences.</summary>
    public static void Run(TextWriter output)
    {
        var ridge = new RidgeRegression();
        const double theta = 0.5;
        double[] ift = ridge.DerivativeByImplicit(theta), closed = ridge.DerivativeClosedForm(theta), fd = ridge.DerivativeByFiniteDifferences(theta);
        output.WriteLine($"dz*/dtheta (IFT):         {Format.Vector(ift.Select(v => Math.Round(v, 6)))}");
        output.WriteLine($"dz*/dtheta (closed form): {Format.Vector(closed.Select(v => Math.Round(v, 6)))}");
        output.WriteLine($"dz*/dtheta (FD, h=1e-5):  {Format.Vector(fd.Select(v => Math.Round(v, 6)))}");
        output.WriteLine($"max |IFT - closed form| = {ift.Zip(closed).Max(p => Math.Abs(p.First - p.Second)):G3}, " +
            $"max |IFT - FD| = {ift.Zip(fd).Max(p => Math.Abs(p.First - p.Second)):G3}");
    }
}
