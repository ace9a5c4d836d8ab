using Xunit.Abstractions;

namespace Functional.Numeric.Tests;

/// <summary>Ridders' extrapolation: near machine precision, and an honest error estimate.</summary>
public class RichardsonTests(ITestOutputHelper output)
{
    public static TheoryData<string, double> Smooth => new()
    {
        { "sin", 1.0 }, { "exp", 1.0 }, { "log", 0.5 }, { "log", 0.05 }, { "x^5", 1.3 }, { "atan", 0.7 },
        { "exp", -20.0 }, { "sin", 100.0 }, { "sqrt", 3.0 },
    };

    private static (Func<double, double> F, double Derivative) Case(string name, double x) => name switch
    {
        "sin" => (Math.Sin, Math.Cos(x)),
        "exp" => (Math.Exp, Math.Exp(x)),
        "log" => (Math.Log, 1 / x),
        "x^5" => (t => t * t * t * t * t, 5 * Math.Pow(x, 4)),
        "atan" => (Math.Atan, 1 / (1 + x * x)),
        "sqrt" => (Math.Sqrt, 0.5 / Math.Sqrt(x)),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Smooth))]
    public void Reaches_1e_10_relative_error_and_the_estimate_bounds_the_true_error(string name, double x)
    {
        var (f, exact) = Case(name, x);
        var estimate = FiniteDifference.DerivativeWithError(f, x);
        var trueError = Math.Abs(estimate.Value - exact);
        output.WriteLine($"{name}'({x}) = {estimate}; true error {trueError:G3}, relative {trueError / Math.Abs(exact):G3}");

        Assert.True(trueError <= 1e-10 * Math.Abs(exact), $"relative error {trueError / Math.Abs(exact):G3}");
        Assert.True(trueError <= estimate.Error, $"true error {trueError:G3} exceeds the estimate {estimate.Error:G3}");
        Assert.Equal(estimate.Value, FiniteDifference.Derivative(f, x, DifferenceScheme.Richardson));
    }

    [Theory]
    [InlineData(-2.0)]
    [InlineData(1.7)]
    [InlineData(3.0)]
    public void A_fast_oscillation_cannot_fool_the_extrapolation(double x)
    {
        // cos(8x⁴) oscillates with wavelength ~2π/(32|x|³), far below the starting step 0.1·|x|:
        // every quotient of the first tableau aliases to a consistent but wrong slope. The cross-check
        // against a small-step quotient catches it (found by the F# property suite).
        static double F(double t) => Math.Cos(t * Math.Pow(2 * t, 3));
        var exact = -Math.Sin(8 * Math.Pow(x, 4)) * 32 * Math.Pow(x, 3);
        var estimate = FiniteDifference.DerivativeWithError(F, x);
        var trueError = Math.Abs(estimate.Value - exact);
        output.WriteLine($"f'({x}) = {estimate}; exact {exact}; true error {trueError:G3}");
        // Ridders' estimate is a heuristic: here it must be within a small factor of the truth.
        Assert.True(trueError <= 4 * estimate.Error, $"true error {trueError:G3} exceeds 4 × the estimate {estimate.Error:G3}");
        Assert.True(trueError <= 1e-9 * Math.Abs(exact), $"relative error {trueError / Math.Abs(exact):G3}");
    }

    [Fact]
    public void Gradient_of_the_seed_function_to_1e_10_with_bounding_errors()
    {
        Func<double[], double> f = x => x[0] * x[1] + Math.Exp(x[0] * x[1]) - Math.Sin(x[1]);
        double[] exact = [16.7781121978613, 8.805202935477793];   // the seed's closed form at (1, 2)
        var estimates = FiniteDifference.GradientWithError(f, [1.0, 2.0]);
        for (var i = 0; i < 2; i++)
        {
            var trueError = Math.Abs(estimates[i].Value - exact[i]);
            output.WriteLine($"∂f/∂x{i + 1} = {estimates[i]}; true error {trueError:G3}");
            Assert.True(trueError <= 1e-10 * Math.Abs(exact[i]));
            Assert.True(trueError <= estimates[i].Error + 2e-15 * Math.Abs(exact[i]), "the estimate bounds the error (up to the rounding of the closed form)");
        }

        Assert.Equal(estimates.Select(e => e.Value), FiniteDifference.Gradient(f, [1.0, 2.0], DifferenceScheme.Richardson));
    }

    [Fact]
    public void Beats_the_seed_notebook_central_difference()
    {
        // The seed's numeric_gradient with h = 1e-8 gives [16.778112232884723, 8.80520287793729]:
        // errors 3.5e-8 and 5.8e-8. The default central step and Richardson do far better.
        Func<double[], double> f = x => x[0] * x[1] + Math.Exp(x[0] * x[1]) - Math.Sin(x[1]);
        double[] exact = [16.7781121978613, 8.805202935477793];
        var seedLike = FiniteDifference.Gradient(f, [1.0, 2.0], step: 1e-8);
        Assert.Equal(16.778112232884723, seedLike[0], 1e-7);
        var central = FiniteDifference.Gradient(f, [1.0, 2.0]);
        var richardson = FiniteDifference.Gradient(f, [1.0, 2.0], DifferenceScheme.Richardson);
        for (var i = 0; i < 2; i++)
        {
            Assert.True(Math.Abs(central[i] - exact[i]) < 1e-9 * exact[i]);
            Assert.True(Math.Abs(richardson[i] - exact[i]) < Math.Abs(seedLike[i] - exact[i]) / 1000);
        }
    }

    [Fact]
    public void Error_estimate_is_infinite_when_f_is_not_finite_near_the_point()
    {
        // sqrt is NaN left of 0 at every step, so no estimate can be formed.
        var estimate = FiniteDifference.DerivativeWithError(Math.Sqrt, 0.0);
        Assert.Equal(double.PositiveInfinity, estimate.Error);
    }

    [Fact]
    public void A_user_step_is_the_starting_step()
    {
        // log near its pole needs a smaller starting step than 0.1 to be accurate.
        var estimate = FiniteDifference.DerivativeWithError(Math.Log, 1e-3, step: 1e-4);
        Assert.True(Math.Abs(estimate.Value - 1e3) <= 1e-10 * 1e3);
        Assert.True(Math.Abs(estimate.Value - 1e3) <= estimate.Error);
    }
}
