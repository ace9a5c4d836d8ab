namespace Functional;

/// <summary>
/// θ ↦ x*(θ) for one call of <see cref="AD.Implicit"/>: the value comes from the user's solver, the
/// derivatives from the implicit function theorem. With A = ∂F/∂x and B = ∂F/∂θ at (x*, θ):
/// dx* = −A⁻¹·(B·dθ) forward, and uᵀ·dx*/dθ = −(A⁻ᵀu)ᵀ·B reverse. A and B come from reverse mode on the
/// residual (<see cref="ResidualJacobians"/>) and the solve is <see cref="ScalarLinearSolve"/>, all in
/// <see cref="Scalar"/> operations on the values of the enclosing levels, so second derivatives and
/// every nesting work.
/// </summary>
internal sealed class ImplicitOp(ImplicitFunction function, double[] theta, double[] solution)
    : CallOp("implicit solve", theta, solution)
{
    protected override void Recompute(ReadOnlySpan<double> x, Span<double> y) => function.Solve(x.ToArray()).CopyTo(y);

    public override void Jvp(ReadOnlySpan<Scalar> x, ReadOnlySpan<Scalar> y, ReadOnlySpan<Scalar> dx, Span<Scalar> dy)
    {
        var (a, b) = function.Jacobians(y.ToArray(), x.ToArray());
        var rhs = new Scalar[Outputs];
        for (var i = 0; i < rhs.Length; i++)
        {
            Scalar sum = 0;
            for (var j = 0; j < dx.Length; j++) sum += b[i, j] * dx[j];
            rhs[i] = -sum;
        }
        ScalarLinearSolve.Solve(a, rhs, function.JacobianName).CopyTo(dy);
    }

    public override void Pullback(ReadOnlySpan<Scalar> x, ReadOnlySpan<Scalar> y, ReadOnlySpan<Scalar> dy, Span<Scalar> dx)
    {
        var (a, b) = function.Jacobians(y.ToArray(), x.ToArray());
        var w = ScalarLinearSolve.Solve(a, dy.ToArray(), function.JacobianName, transpose: true);
        for (var j = 0; j < dx.Length; j++)
        {
            var sum = dx[j];
            for (var i = 0; i < w.Length; i++) sum -= w[i] * b[i, j];
            dx[j] = sum;
        }
    }
}
