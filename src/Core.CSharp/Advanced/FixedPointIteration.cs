namespace Functional;

/// <summary>x ← g(x, θ) on plain doubles until it settles: the solver behind <see cref="AD.FixedPoint"/>.</summary>
internal sealed class FixedPointIteration(Func<Scalar[], Scalar[], Scalar[]> g, double[] x0, double tolerance, int maxIterations)
{
    private const string Combinator = "FixedPoint";

    public double[] Solve(double[] theta)
    {
        var parameters = Scalar.Constants(theta);
        var x = x0;
        var step = double.NaN;
        for (var k = 0; k < maxIterations; k++)
        {
            var next = Step(Scalar.Constants(x), parameters);
            step = 0;
            var size = 1.0;
            for (var i = 0; i < next.Length; i++)
            {
                if (!double.IsFinite(next[i]))
                    throw new InvalidOperationException($"{Combinator}: the iteration diverged: x[{i}] became {next[i]} after {k + 1} steps");
                step = Math.Max(step, Math.Abs(next[i] - x[i]));
                size = Math.Max(size, Math.Abs(next[i]));
            }
            x = next;
            if (step <= tolerance * size) return x;
        }
        throw new InvalidOperationException(
            $"{Combinator}: the iteration did not converge in {maxIterations} steps (the last step changed x by {step:G3}, " +
            $"the tolerance is {tolerance:G3}); g must be a contraction near the fixed point, or allow more iterations");
    }

    /// <summary>F(x, θ) = x − g(x, θ).</summary>
    public Scalar[] Residual(Scalar[] x, Scalar[] theta)
    {
        var gx = Checked(g(x, theta));
        var r = new Scalar[x.Length];
        for (var i = 0; i < r.Length; i++) r[i] = x[i] - gx[i];
        return r;
    }

    private double[] Step(Scalar[] x, Scalar[] theta)
    {
        var next = Checked(g(x, theta));
        foreach (var v in next) UserFunctions.EnsureConstant(v, Combinator, nameof(g));
        return Scalar.Primals(next);
    }

    private Scalar[] Checked(Scalar[]? gx) =>
        UserFunctions.Checked(gx, Combinator, nameof(g), x0.Length, $"x0 has {x0.Length} entries");
}
