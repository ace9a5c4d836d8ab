namespace Functional.Numeric;

/// <summary>
/// Ridders' method: Richardson extrapolation of a difference quotient to step 0.
/// </summary>
/// <remarks>
/// A central difference quotient A(h) has the error expansion A(h) = A + c₁h² + c₂h⁴ + …, so
/// quotients at steps h, h/s, h/s², … can be combined (a Neville tableau in h²) to cancel the
/// error terms one after another. Each new step adds one row; every tableau entry is compared with
/// its two parents, and the entry with the smallest such difference is the answer, that difference
/// its error estimate. Shrinking the step eventually makes round-off dominate and the estimates
/// grow again; the extrapolation stops as soon as the newest diagonal entry is worse than
/// <see cref="Safe"/> times the best error so far. The tableau runs over a vector of quotients
/// at once (a Jacobian column, the entries of a Hessian), each component with its own answer,
/// error and stopping point.
/// </remarks>
internal static class Ridders
{
    /// <summary>The step shrinks by this factor per row.</summary>
    private const double Shrink = 1.4;

    /// <summary>Stop when the newest diagonal entry is worse than this multiple of the best error.</summary>
    private const double Safe = 2.0;

    /// <summary>Rows of the tableau, so steps go down to h/1.4⁹ ≈ h/21.</summary>
    private const int MaxRows = 10;

    /// <summary>How often the starting step shrinks tenfold while the quotient is not finite.</summary>
    private const int MaxRetreats = 8;

    /// <summary>
    /// Extrapolates <paramref name="quotients"/>(t) — the difference quotients at the starting
    /// steps scaled by t — to t → 0.
    /// </summary>
    public static NumericEstimate[] Extrapolate(Func<double, double[]> quotients)
    {
        var scale = 1.0;
        var first = quotients(scale);
        for (var retreat = 0; retreat < MaxRetreats && !AllFinite(first); retreat++)
        {
            // f is not finite somewhere in [x − h, x + h] (a pole or a domain edge): start closer.
            scale /= 10;
            first = quotients(scale);
        }

        var n = first.Length;
        var previous = new double[n][];
        var current = new double[n][];
        var answer = new double[n];
        var error = new double[n];
        var active = new bool[n];
        for (var k = 0; k < n; k++)
        {
            previous[k] = new double[MaxRows];
            current[k] = new double[MaxRows];
            previous[k][0] = first[k];
            answer[k] = first[k];
            error[k] = double.PositiveInfinity;
            active[k] = true;
        }

        var shrink2 = Shrink * Shrink;
        var remaining = n;
        for (var row = 1; row < MaxRows && remaining > 0; row++)
        {
            scale /= Shrink;
            var next = quotients(scale);
            for (var k = 0; k < n; k++)
            {
                if (!active[k]) continue;
                var cur = current[k];
                var prev = previous[k];
                cur[0] = next[k];
                var factor = shrink2;
                for (var j = 1; j <= row; j++)
                {
                    cur[j] = (cur[j - 1] * factor - prev[j - 1]) / (factor - 1);
                    factor *= shrink2;
                    var candidate = Math.Max(Math.Abs(cur[j] - cur[j - 1]), Math.Abs(cur[j] - prev[j - 1]));
                    if (candidate <= error[k])
                    {
                        error[k] = candidate;
                        answer[k] = cur[j];
                    }
                }

                if (Math.Abs(cur[row] - prev[row - 1]) >= Safe * error[k])
                {
                    active[k] = false;
                    remaining--;
                }

                (current[k], previous[k]) = (prev, cur);
            }
        }

        var result = new NumericEstimate[n];
        for (var k = 0; k < n; k++)
        {
            // No estimate is better than the last bit or two of the answer itself.
            var floor = 2 * Steps.Epsilon * Math.Abs(answer[k]);
            result[k] = double.IsFinite(answer[k])
                ? new NumericEstimate(answer[k], Math.Max(error[k], floor))
                : new NumericEstimate(answer[k], double.PositiveInfinity);
        }

        return result;
    }

    private static bool AllFinite(double[] values)
    {
        foreach (var v in values)
            if (!double.IsFinite(v)) return false;
        return true;
    }
}
