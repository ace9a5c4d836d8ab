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
/// <para>Last, a cross-check: a starting step much larger than the scale on which f varies (a fast
/// oscillation) can fool the whole tableau into agreeing on a wrong slope. A single quotient at a
/// small step cannot be fooled that way, so the answer must agree with it within both their errors;
/// where it does not, the tableau restarts from smaller steps, and failing that the small-step
/// quotient is the answer and the disagreement its error estimate.</para>
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

    /// <summary>The cross-check's step for first differences, relative to the starting step:
    /// the optimal central step ∛ε·max(|x|, 1) over the default start 0.1·max(|x|, 1).</summary>
    public const double FirstDerivativeCheckScale = 6.06e-6 / 0.1;

    /// <summary>The cross-check's step for second differences: ε^¼·max(|x|, 1) over 0.1·max(|x|, 1).</summary>
    public const double SecondDerivativeCheckScale = 1.22e-4 / 0.1;

    /// <summary>How far the answer and the small-step quotient may differ beyond their error estimates,
    /// relative to their size.</summary>
    private const double CheckTolerance = 1e-9;

    /// <summary>Difference quotients at the starting steps scaled by <c>t</c>, with their round-off errors.</summary>
    public delegate (double[] Quotients, double[] RoundOff) Quotients(double t);

    /// <summary>
    /// Extrapolates <paramref name="quotients"/>(t) — the difference quotients at the starting
    /// steps scaled by t — to t → 0.
    /// </summary>
    /// <param name="quotients">The quotients at the starting steps scaled by t.</param>
    /// <param name="checkScale">The scale t of the cross-check quotient (<see cref="FirstDerivativeCheckScale"/>
    /// or <see cref="SecondDerivativeCheckScale"/>).</param>
    public static NumericEstimate[] Extrapolate(Quotients quotients, double checkScale)
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

        return CrossCheck(quotients, best, scale, checkScale);
    }

    private static NumericEstimate[] CrossCheck(Quotients quotients, NumericEstimate[] best, double scale, double checkScale)
    {
        var check = quotients(checkScale);
        // The quotient's truncation error is O(h²): a second quotient at twice the step differs by ~3 times it.
        var coarser = quotients(2 * checkScale);
        bool Consistent(NumericEstimate e, int k)
        {
            var q = check.Quotients[k];
            if (!double.IsFinite(q) || !double.IsFinite(e.Value)) return true; // nothing to compare against
            var truncation = Math.Abs(coarser.Quotients[k] - q);
            return Math.Abs(e.Value - q) <= e.Error + 100 * check.RoundOff[k] + truncation
                + CheckTolerance * Math.Max(Math.Abs(e.Value), Math.Abs(q));
        }

        var suspect = Enumerable.Range(0, best.Length).Where(k => !Consistent(best[k], k)).ToList();
        while (suspect.Count > 0 && (scale /= 10) > checkScale)
        {
            var next = Tableau(quotients, scale, quotients(scale));
            suspect.RemoveAll(k =>
            {
                if (!Consistent(next[k], k)) return false;
                best[k] = next[k];
                return true;
            });
        }

        foreach (var k in suspect)
        {
            var q = check.Quotients[k];
            best[k] = new NumericEstimate(q, Math.Max(Math.Abs(coarser.Quotients[k] - q), 100 * check.RoundOff[k]));
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
