namespace Functional;

/// <summary>
/// θ ↦ x*(θ) for one call of <see cref="AD.Implicit"/>: the value comes from the user's solver, the
/// derivatives from the implicit function theorem. With A = ∂F/∂x and B = ∂F/∂θ at (x*, θ):
/// dx* = −A⁻¹·(B·dθ) forward, and uᵀ·dx*/dθ = −(A⁻ᵀu)ᵀ·B reverse. A, B·dθ and wᵀB come from AD of the
/// residual and the solve is <see cref="ScalarLinearSolve"/>, all in <see cref="Scalar"/> operations on
/// the values of the enclosing levels, so second derivatives and every nesting work.
/// </summary>
internal sealed class ImplicitOp(ImplicitFunction function, double[] theta, double[] solution)
    : CallOp("implicit solve", theta, solution)
{
    protected override void Recompute(ReadOnlySpan<double> x, Span<double> y) => function.Solve(x.ToArray()).CopyTo(y);

    public override void Jvp(ReadOnlySpan<Scalar> x, ReadOnlySpan<Scalar> y, ReadOnlySpan<Scalar> dx, Span<Scalar> dy)
    {
        Scalar[] theta = x.ToArray(), solution = y.ToArray();
        var a = function.JacobianInX(solution, theta);
        var (_, bTimesDTheta) = AD.Jvp(t => function.Residual(solution, t))(theta, dx.ToArray());
        for (var i = 0; i < bTimesDTheta.Length; i++) bTimesDTheta[i] = -bTimesDTheta[i];
        ScalarLinearSolve.Solve(a, bTimesDTheta, function.JacobianName).CopyTo(dy);
    }

    public override void Pullback(ReadOnlySpan<Scalar> x, ReadOnlySpan<Scalar> y, ReadOnlySpan<Scalar> dy, Span<Scalar> dx)
    {
        Scalar[] theta = x.ToArray(), solution = y.ToArray();
        var a = function.JacobianInX(solution, theta);
        var w = ScalarLinearSolve.Solve(a, dy.ToArray(), function.JacobianName, transpose: true);
        for (var i = 0; i < w.Length; i++) w[i] = -w[i];
        var (_, pullback) = AD.Vjp(t => function.Residual(solution, t))(theta);
        var g = pullback(w);
        for (var i = 0; i < dx.Length; i++) dx[i] += g[i];
    }
}
