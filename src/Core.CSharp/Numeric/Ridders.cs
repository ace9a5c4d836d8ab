namespace Functional.Numeric;

/// <summary>
/// Ridders' method: Richardson extrapolation of a difference quotient to step 0.
/// </summary>
/// <remarks>
/// <para>A central difference quotient A(h) has the error expansion A(h) = A + c₁h² + c₂h⁴ + …, so
/// quotients at steps h, h/s, h/s², … can be combined (a Neville tableau in h²) to cancel the
/// error terms one after another. Each new step adds one row; every tableau entry is compared with
/// its two parents, and the entry with the smallest such difference is the answer, that difference
/// its error estimate. Shrinking the step eventually makes round-off dominate and the estimates
/// grow again; the extrapolation stops as soon as the newest diagonal entry is worse than
/// <see cref="Safe"/> times the best error so far.</para>
/// <para>Two guards make the estimate honest. The error is never reported below the round-off of
/// the quotient the answer was extrapolated from (ε·Σ|f|/h, supplied by the caller), because tableau
/// entries can agree by accident to far better than their noise. And when the error is still large
/// relative to the answer (the starting step was too big for f, e.g. sin at x = 100 with h = 10),
/// the whole extrapolation restarts from a tenfold smaller step, as long as that keeps helping.</para>
/// <para>The tableau runs over a vector of quotients at once (a Jacobian column, the entries of a
/// Hessian), each component with its own answer, error and stopping point.</para>
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

    /// <summary>How often the extrapolation restarts from a tenfold smaller step while its error is large.</summary>
    private const int MaxRestarts = 4;

    /// <summary>A relative error above this triggers a restart from a smaller step.</summary>
    private const double GoodEnough = 1e-10;

    /// <summary>Difference quotients at the starting steps scaled by <c>t</c>, with their round-off errors.</summary>
    public delegate (double[] Quotients, double[] RoundOff) Quotients(double t);

    /// <summary>
    /// Extrapolates <paramref name="quotients"/>(t) — the difference quotients at the starting
    /// steps scaled by t — to t → 0.
    /// </summary>
    public static NumericEstimate[] Extrapolate(Quotients quotients)
    {
        var scale = 1.0;
        var first = quotients(scale);
        for (var retreat = 0; retreat < MaxRetreats && !AllFinite(first.Quotients); retreat++)
        {
            // f is not finite somewhere in [x − h, x + h] (a pole or a domain edge): start closer.
            scale /= 10;
            first = quotients(scale);
        }

        var best = Tableau(quotients, scale, first);
        for (var restart = 0; restart < MaxRestarts && !AllGood(best); restart++)
        {
            scale /= 10;
            var next = Tableau(quotients, scale, quotients(scale));
            var improved = false;
            for (var k = 0; k < best.Length; k++)
            {
                if (next[k].Error < best[k].Error)
                {
                    best[k] = next[k];
                    improved = true;
                }
            }

            if (!improved) break;
        }

        return best;
    }

    private static NumericEstimate[] Tableau(Quotients quotients, double scale, (double[] Quotients, double[] RoundOff) first)
    {
        var n = first.Quotients.Length;
        var previous = new double[n][];
        var current = new double[n][];
        var answer = new double[n];
        var error = new double[n];
        var roundOff = new double[n];
        var active = new bool[n];
        for (var k = 0; k < n; k++)
        {
            previous[k] = new double[MaxRows];
            current[k] = new double[MaxRows];
            previous[k][0] = first.Quotients[k];
            answer[k] = first.Quotients[k];
            error[k] = double.PositiveInfinity;
            roundOff[k] = first.RoundOff[k];
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
                cur[0] = next.Quotients[k];
                var factor = shrink2;
                var amplification = 1.0;
                for (var j = 1; j <= row; j++)
                {
                    cur[j] = (cur[j - 1] * factor - prev[j - 1]) / (factor - 1);
                    // the sum of |weights| of the quotients in cur[j]: a bound on how it amplifies their noise
                    amplification *= (factor + 1) / (factor - 1);
                    factor *= shrink2;
                    var candidate = Math.Max(Math.Abs(cur[j] - cur[j - 1]), Math.Abs(cur[j] - prev[j - 1]));
                    if (candidate <= error[k])
                    {
                        error[k] = candidate;
                        answer[k] = cur[j];
                        roundOff[k] = amplification * next.RoundOff[k];
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
            // Never claim better than the noise of the quotients the answer came from, nor than
            // the last bits of the answer itself.
            var floor = Math.Max(roundOff[k], 2 * Steps.Epsilon * Math.Abs(answer[k]));
            result[k] = double.IsFinite(answer[k]) && !double.IsNaN(error[k])
                ? new NumericEstimate(answer[k], Math.Max(error[k], floor))
                : new NumericEstimate(answer[k], double.PositiveInfinity);
        }

        return result;
    }

    private static bool AllGood(NumericEstimate[] estimates)
    {
        foreach (var e in estimates)
            if (!(e.Error <= GoodEnough * Math.Abs(e.Value))) return false;
        return true;
    }

    private static bool AllFinite(double[] values)
    {
        foreach (var v in values)
            if (!double.IsFinite(v)) return false;
        return true;
    }
}
