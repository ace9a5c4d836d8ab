namespace Functional;

public static partial class AD
{
    /// <summary>θ ↦ x*(θ), the root of F(x, θ) = 0 found by <paramref name="solve"/> (any solver, on plain
    /// doubles), differentiated by the implicit function theorem — dx*/dθ = −(∂F/∂x)⁻¹·∂F/∂θ — and never
    /// by unrolling the solver. The Jacobians of <paramref name="residual"/> come from AD and the
    /// linear solve is written in <see cref="Scalar"/> operations, so second derivatives and every
    /// nesting work.</summary>
    /// <param name="solve">θ ↦ x* with F(x*, θ) = 0.</param>
    /// <param name="residual">(x, θ) ↦ F(x, θ), as many values as x has.</param>
    /// <example><code>
    /// var sqrt = Implicit(
    ///     theta =&gt; [NewtonSqrt(theta[0])],
    ///     (x, theta) =&gt; [x[0] * x[0] - theta[0]]);
    /// Grad(t =&gt; sqrt(t)[0])([4.0]);   // [0.25] = 1/(2√4)
    /// </code></example>
    /// <exception cref="ArgumentNullException">An argument (or later θ) is null.</exception>
    /// <exception cref="ArgumentException">solve returns null, or the residual returns a number of values
    /// different from x*'s.</exception>
    /// <exception cref="InvalidOperationException">∂F/∂x is singular at the solution (differentiating
    /// needs it), solve returns a non-finite value, or the residual captures a value being differentiated
    /// that is not in θ.</exception>
    public static Func<Scalar[], Scalar[]> Implicit(Func<double[], double[]> solve, Func<Scalar[], Scalar[], Scalar[]> residual)
    {
        ArgumentNullException.ThrowIfNull(solve);
        ArgumentNullException.ThrowIfNull(residual);
        return ImplicitCore(new ImplicitFunction(solve, residual, "Implicit"));
    }

    /// <summary>θ ↦ x* with x* = g(x*, θ), found by iterating x ← g(x, θ) from <paramref name="x0"/> on plain
    /// doubles until a step changes no entry by more than <paramref name="tolerance"/>·max(1, |x|);
    /// differentiated as <see cref="Implicit"/> with F(x, θ) = x − g(x, θ).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="g"/>, <paramref name="x0"/> (or later θ) is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tolerance"/> is not positive or
    /// <paramref name="maxIterations"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">g returns null or a number of values different from x0's.</exception>
    /// <exception cref="InvalidOperationException">The iteration does not converge within
    /// <paramref name="maxIterations"/> steps or diverges, or I − ∂g/∂x is singular at the fixed point.</exception>
    public static Func<Scalar[], Scalar[]> FixedPoint(Func<Scalar[], Scalar[], Scalar[]> g, double[] x0, double tolerance = 1e-12, int maxIterations = 10_000)
    {
        ArgumentNullException.ThrowIfNull(g);
        ArgumentNullException.ThrowIfNull(x0);
        if (!(tolerance > 0)) throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "the tolerance must be positive");
        ArgumentOutOfRangeException.ThrowIfLessThan(maxIterations, 1);
        var iteration = new FixedPointIteration(g, (double[])x0.Clone(), tolerance, maxIterations);
        return ImplicitCore(new ImplicitFunction(iteration.Solve, iteration.Residual, "FixedPoint"));
    }

    private static Func<Scalar[], Scalar[]> ImplicitCore(ImplicitFunction function) => theta =>
    {
        CheckInput(theta, nameof(theta));
        var point = Scalar.Primals(theta);
        var solution = function.Solve(point);
        function.CheckResidual(solution, point);
        return AllConstant(theta) ? Scalar.Constants(solution) : Scalar.Apply(new ImplicitOp(function, point, solution), theta);
    };
}
