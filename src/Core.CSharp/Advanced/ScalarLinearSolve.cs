namespace Functional;

/// <summary>
/// A·x = b by Gaussian elimination with partial pivoting, in <see cref="Scalar"/> operations so that
/// the solution carries the derivatives of A and b at every level of nesting. Pivots are chosen by
/// the primal values (a choice of control flow, not a differentiated quantity).
/// </summary>
internal static class ScalarLinearSolve
{
    private const double Epsilon = 2.220446049250313e-16;

    /// <summary>The solution of A·x = b (A is n×n and is not modified).</summary>
    /// <exception cref="InvalidOperationException">A is singular (or has non-finite entries); the
    /// message starts with <paramref name="what"/>, which names the matrix for the user.</exception>
    public static Scalar[] Solve(Scalar[,] matrix, Scalar[] b, string what, bool transpose = false)
    {
        var n = b.Length;
        var a = new Scalar[n, n];
        var columnScale = new double[n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                a[i, j] = transpose ? matrix[j, i] : matrix[i, j];
                var magnitude = Math.Abs(a[i, j].Primal);
                if (!double.IsFinite(magnitude))
                    throw new InvalidOperationException($"{what} has a non-finite entry ({a[i, j].Primal}) at row {i}, column {j}");
                columnScale[j] = Math.Max(columnScale[j], magnitude);
            }
        var x = (Scalar[])b.Clone();
        for (var k = 0; k < n; k++)
        {
            var pivot = k;
            for (var i = k + 1; i < n; i++)
                if (Math.Abs(a[i, k].Primal) > Math.Abs(a[pivot, k].Primal)) pivot = i;
            // n·ε·(largest entry of the column): a pivot below it is rounding noise of a zero
            if (!(Math.Abs(a[pivot, k].Primal) > n * Epsilon * columnScale[k]))
                throw new InvalidOperationException($"{what} is singular (no usable pivot in column {k} of {n})");
            if (pivot != k)
            {
                for (var j = k; j < n; j++) (a[k, j], a[pivot, j]) = (a[pivot, j], a[k, j]);
                (x[k], x[pivot]) = (x[pivot], x[k]);
            }
            for (var i = k + 1; i < n; i++)
            {
                var factor = a[i, k] / a[k, k];
                for (var j = k + 1; j < n; j++) a[i, j] -= factor * a[k, j];
                x[i] -= factor * x[k];
            }
        }
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = x[i];
            for (var j = i + 1; j < n; j++) sum -= a[i, j] * x[j];
            x[i] = sum / a[i, i];
        }
        return x;
    }
}
