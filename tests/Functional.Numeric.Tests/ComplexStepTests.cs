using System.Numerics;
using Xunit.Abstractions;

namespace Functional.Numeric.Tests;

public class ComplexStepTests(ITestOutputHelper output)
{
    /// <summary>Squire and Trapp (1998): f(x) = eˣ / √(sin³x + cos³x).</summary>
    private static Complex SquireTrapp(Complex z) =>
        Complex.Exp(z) / Complex.Sqrt(Complex.Sin(z) * Complex.Sin(z) * Complex.Sin(z) + Complex.Cos(z) * Complex.Cos(z) * Complex.Cos(z));

    private static double SquireTrappDerivative(double x)
    {
        double s = Math.Sin(x), c = Math.Cos(x), d = s * s * s + c * c * c;
        return Math.Exp(x) / Math.Sqrt(d) * (1 - (3 * s * s * c - 3 * c * c * s) / (2 * d));
    }

    [Fact]
    public void Squire_Trapp_example_to_machine_precision()
    {
        var exact = SquireTrappDerivative(1.5);
        var viaAd = AD.Derivative(x => Scalar.Exp(x) / Scalar.Sqrt(Scalar.Pow(Scalar.Sin(x), 3.0) + Scalar.Pow(Scalar.Cos(x), 3.0)))(1.5).Value;
        var complexStep = ComplexStep.Derivative(SquireTrapp, 1.5);
        var central = FiniteDifference.Derivative(x => SquireTrapp(x).Real, 1.5);
        output.WriteLine($"closed form {exact:R}, AD {viaAd:R}, complex step {complexStep:R} (rel {Math.Abs(complexStep - exact) / exact:G3}), central {central:R} (rel {Math.Abs(central - exact) / exact:G3})");

        Assert.True(Math.Abs(complexStep - exact) <= 1e-14 * Math.Abs(exact));
        Assert.True(Math.Abs(complexStep - viaAd) <= 1e-14 * Math.Abs(exact));
    }

    [Theory]
    [InlineData(1e-20)]
    [InlineData(1e-100)]
    [InlineData(1e-8)]
    public void No_subtractive_cancellation_whatever_the_step(double h)
    {
        var exact = SquireTrappDerivative(1.5);
        Assert.True(Math.Abs(ComplexStep.Derivative(SquireTrapp, 1.5, h) - exact) <= 1e-14 * Math.Abs(exact) + h * h * 1e3);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(2.0)]
    [InlineData(-4.0)]
    public void Elementary_functions_to_1e_14(double x)
    {
        static void Close(double expected, double actual, string what) =>
            Assert.True(Math.Abs(actual - expected) <= 1e-14 * Math.Abs(expected), $"{what}: {actual:R} vs {expected:R}");
        Close(Math.Cos(x), ComplexStep.Derivative(Complex.Sin, x), "sin");
        Close(Math.Exp(x), ComplexStep.Derivative(Complex.Exp, x), "exp");
        Close(5 * Math.Pow(x, 4), ComplexStep.Derivative(z => z * z * z * z * z, x), "x^5");
        // Complex.Atan (.NET 10) drops an imaginary part of 1e-20 (it subtracts two logs), so write
        // atan through an identity that keeps it: atan z = asin(z / √(1 + z²)).
        Close(1 / (1 + x * x), ComplexStep.Derivative(z => Complex.Asin(z / Complex.Sqrt(1 + z * z)), x), "atan");
        Close(1 / x, ComplexStep.Derivative(Complex.Log, Math.Abs(x)) * Math.Sign(x), "log");
    }

    [Fact]
    public void Gradient_of_the_seed_function()
    {
        double[] exact = [16.7781121978613, 8.805202935477793];
        var g = ComplexStep.Gradient(z => z[0] * z[1] + Complex.Exp(z[0] * z[1]) - Complex.Sin(z[1]), [1.0, 2.0]);
        for (var i = 0; i < 2; i++) Assert.True(Math.Abs(g[i] - exact[i]) <= 1e-14 * exact[i], $"component {i}: {g[i]:R}");
    }

    [Fact]
    public void Bad_calls()
    {
        Assert.Throws<ArgumentNullException>(() => ComplexStep.Derivative(null!, 1.0));
        Assert.Contains("NaN", Assert.Throws<ArgumentException>(() => ComplexStep.Derivative(Complex.Sin, double.NaN)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => ComplexStep.Derivative(Complex.Sin, 1.0, 0.0));
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => ComplexStep.Gradient(z => z[0], [])).Message);
    }
}
