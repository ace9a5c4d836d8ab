namespace Functional;

/// <summary>
/// [A | B] = [∂F/∂x | ∂F/∂θ] of a residual at (x, θ): one recording of F on a tape of its own with
/// inputs [x; θ], one backward sweep per equation (on doubles when nothing is nested, on
/// <see cref="Scalar"/>s carrying the enclosing levels' derivatives otherwise), and the tape's storage
/// back to the pool at the end.
/// </summary>
internal static class ResidualJacobians
{
    public static (Scalar[,] A, Scalar[,] B) At(Func<Scalar[], Scalar[], Scalar[]> residual, Scalar[] x, Scalar[] theta)
    {
        int m = x.Length, n = theta.Length;
        var tape = new Tape(64);
        try
        {
            var xs = new Scalar[m];
            var ts = new Scalar[n];
            for (var i = 0; i < m; i++) xs[i] = tape.Variable(x[i]);
            for (var j = 0; j < n; j++) ts[j] = tape.Variable(theta[j]);
            Scalar[] f;
            try { f = residual(xs, ts); }
            finally { tape.Finish(); }

            var a = new Scalar[m, m];
            var b = new Scalar[m, n];
            for (var i = 0; i < f.Length; i++)
            {
                if (f[i].Node != tape) continue; // independent of x and θ: a zero row
                if (tape.IsNested) Fill(tape.SweepScalars([f[i].Slot], [new Scalar(1.0)]), i, xs, ts, a, b);
                else
                {
                    var adjoint = tape.SweepDoubles([f[i].Slot], [1.0]);
                    for (var k = 0; k < m; k++) a[i, k] = new Scalar(adjoint[xs[k].Slot]);
                    for (var k = 0; k < n; k++) b[i, k] = new Scalar(adjoint[ts[k].Slot]);
                    Tape.ReturnAdjoints(adjoint);
                }
            }
            return (a, b);
        }
        finally { tape.Release(); }
    }

    private static void Fill(Scalar[] adjoint, int row, Scalar[] xs, Scalar[] ts, Scalar[,] a, Scalar[,] b)
    {
        for (var k = 0; k < xs.Length; k++) a[row, k] = adjoint[xs[k].Slot];
        for (var k = 0; k < ts.Length; k++) b[row, k] = adjoint[ts[k].Slot];
    }
}
