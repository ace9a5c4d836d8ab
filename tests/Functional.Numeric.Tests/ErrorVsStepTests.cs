using Functional.Numeric;
using Xunit.Abstractions;

namespace Functional.Numeric.Tests;

/// <summary>
/// The classic picture: truncation error falls like hᵖ as h shrinks until round-off (~ε/h) takes
/// over; the default steps sit at the bottom of the resulting V.
/// </summary>
public class ErrorVsStepTests(ITestOutputHelper output)
{
    private static readonly double Exact = Math.Cos(1.0);

    private static double Error(DifferenceScheme scheme, double h) =>
        Math.Abs(FiniteDifference.Derivative(Math.Sin, 1.0, scheme, h) - Exact);

    /// <summary>h = 10^-k for k in [from, to], at <paramref name="perDecade"/> points per decade.</summary>
    private static double[] Steps(double from, double to, int perDecade = 1)
    {
        var count = (int)Math.Round((to - from) * perDecade) + 1;
        return [.. Enumerable.Range(0, count).Select(i => Math.Pow(10, -(from + (double)i / perDecade)))];
    }

    /// <summary>Least-squares slope of log10(error) against log10(h).</summary>
    private static double LogLogSlope(DifferenceScheme scheme, double[] steps)
    {
        var xs = steps.Select(Math.Log10).ToArray();
        var ys = steps.Select(h => Math.Log10(Error(scheme, h))).ToArray();
        var mx = xs.Average();
        var my = ys.Average();
        return xs.Zip(ys, (x, y) => (x - mx) * (y - my)).Sum() / xs.Sum(x => (x - mx) * (x - mx));
    }

    [Fact]
    public void Forward_error_falls_like_h_in_the_truncation_range()
    {
        var slope = LogLogSlope(DifferenceScheme.Forward, Steps(1, 6, 2));
        Assert.InRange(slope, 0.75, 1.25);
    }

    [Fact]
    public void Central_error_falls_like_h_squared_in_the_truncation_range()
    {
        var slope = LogLogSlope(DifferenceScheme.Central, Steps(1, 4, 2));
        Assert.InRange(slope, 1.75, 2.25);
    }

    [Theory]
    [InlineData(DifferenceScheme.Forward)]
    [InlineData(DifferenceScheme.Central)]
    public void Error_rises_again_below_the_optimal_step(DifferenceScheme scheme)
    {
        var sweep = Steps(1, 13, 4);
        var best = sweep.Min(h => Error(scheme, h));
        var tiny = Steps(11, 13, 4).Average(h => Error(scheme, h));
        Assert.True(tiny > 100 * best, $"mean error {tiny:G3} at h = 1e-11…1e-13 should be ≫ best {best:G3}");
        // and it rises steadily: each decade below 1e-9 is worse on average than the one before
        Assert.True(Steps(12, 13, 4).Average(h => Error(scheme, h)) > Steps(9, 10, 4).Average(h => Error(scheme, h)));
    }

    /// <remarks>
    /// Below the optimum the error at one h is the rounding error of f(x ± h), quasi-random in h: a
    /// lucky cancellation can make a single step look 20× better than its neighbours (forward at
    /// h = 1e-8 here). So "the best step" is the minimum of the error curve smoothed by a geometric
    /// mean over half a decade — what a user could expect from choosing that step, not luck.
    /// </remarks>
    [Theory]
    [InlineData(DifferenceScheme.Forward)]
    [InlineData(DifferenceScheme.Central)]
    public void Default_step_is_near_the_best_step_of_a_sweep(DifferenceScheme scheme)
    {
        const int perDecade = 8;
        var sweep = Steps(0, 14, perDecade);
        var log = sweep.Select(h => Math.Log10(Error(scheme, h))).ToArray();
        var window = perDecade / 4;
        var smoothed = Enumerable.Range(window, sweep.Length - 2 * window)
            .Select(i => (Step: sweep[i], Error: Math.Pow(10, log[(i - window)..(i + window + 1)].Average())))
            .ToArray();
        var (bestStep, bestError) = smoothed.MinBy(p => p.Error);
        var defaultError = Math.Abs(FiniteDifference.Derivative(Math.Sin, 1.0, scheme) - Exact);
        var defaultStep = scheme == DifferenceScheme.Forward ? Math.Sqrt(2.220446049250313e-16) : Math.Cbrt(2.220446049250313e-16);

        output.WriteLine($"{scheme}: default h {defaultStep:G3} error {defaultError:G3}; best h {bestStep:G3} error {bestError:G3}; luckiest single step error {sweep.Min(h => Error(scheme, h)):G3}");
        Assert.True(defaultError <= 10 * bestError, $"default error {defaultError:G3} vs best {bestError:G3}");
        Assert.InRange(defaultStep / bestStep, 0.1, 10);
    }

    [Fact]
    public void Table_for_the_readme()
    {
        output.WriteLine("| h | forward error | central error |");
        output.WriteLine("|---|---|---|");
        foreach (var h in Steps(1, 13))
            output.WriteLine($"| {h:0e0} | {Error(DifferenceScheme.Forward, h):0.0e0} | {Error(DifferenceScheme.Central, h):0.0e0} |");
        Assert.True(Error(DifferenceScheme.Central, 1e-5) < Error(DifferenceScheme.Forward, 1e-5));
    }
}
