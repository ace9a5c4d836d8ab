namespace Functional;

/// <summary>
/// The solver and residual behind <see cref="AD.Implicit"/> (and <see cref="AD.FixedPoint"/>), with the
/// checks of their results.
/// </summary>
internal sealed class ImplicitFunction(Func<double[], double[]> solve, Func<Scalar[], Scalar[], Scalar[]> residual, string combinator)
{
    /// <summary>How messages name ∂F/∂x.</summary>
    public string JacobianName => $"{combinator}: ∂F/∂x (the Jacobian of the residual with respect to x at the solution), needed by the implicit function theorem,";

    /// <summary>x* = solve(θ), checked: not null, finite.</summary>
    public double[] Solve(double[] theta)
    {
        var solution = solve(theta)
            ?? throw new ArgumentException($"{combinator}: solve returned null instead of the solution x*", nameof(solve));
        for (var i = 0; i < solution.Length; i++)
            if (!double.IsFinite(solution[i]))
                throw new InvalidOperationException($"{combinator}: solve returned a non-finite value ({solution[i]}) for x*[{i}]");
        return (double[])solution.Clone();
    }

    /// <summary>F(x, θ), checked: as many values as x has.</summary>
    public Scalar[] Residual(Scalar[] x, Scalar[] theta) =>
        UserFunctions.Checked(residual(x, theta), combinator, nameof(residual), x.Length,
            $"x* has {x.Length} entries (F(x, θ) = 0 must have as many equations as unknowns)");

    /// <summary>Checks the residual once on plain values: its length, and that it captures no value being differentiated.</summary>
    public void CheckResidual(double[] solution, double[] theta)
    {
        foreach (var v in Residual(Scalar.Constants(solution), Scalar.Constants(theta)))
            UserFunctions.EnsureConstant(v, combinator, nameof(residual));
    }

    /// <summary>A = ∂F/∂x and B = ∂F/∂θ at (x, θ).</summary>
    public (Scalar[,] A, Scalar[,] B) Jacobians(Scalar[] x, Scalar[] theta) => ResidualJacobians.At(Residual, x, theta);
}
