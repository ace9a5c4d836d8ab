namespace Functional.Numeric.Tests;

/// <summary>Bad calls to <see cref="FiniteDifference"/> throw exceptions that name the problem.</summary>
public class BadCallTests
{
    private static readonly Func<double[], double> Sum = x => x.Sum();

    [Fact]
    public void Null_function_or_point()
    {
        Assert.Equal("f", Assert.Throws<ArgumentNullException>(() => FiniteDifference.Derivative(null!, 1.0)).ParamName);
        Assert.Throws<ArgumentNullException>(() => FiniteDifference.DerivativeWithError(null!, 1.0));
        Assert.Throws<ArgumentNullException>(() => FiniteDifference.Gradient(null!, [1.0]));
        Assert.Throws<ArgumentNullException>(() => FiniteDifference.Jacobian(null!, [1.0]));
        Assert.Throws<ArgumentNullException>(() => FiniteDifference.Hessian(null!, [1.0]));
        Assert.Equal("x", Assert.Throws<ArgumentNullException>(() => FiniteDifference.Gradient(Sum, null!)).ParamName);
    }

    [Fact]
    public void Empty_or_non_finite_point()
    {
        Assert.Contains("x is empty", Assert.Throws<ArgumentException>(() => FiniteDifference.Gradient(Sum, [])).Message);
        Assert.Contains("x is empty", Assert.Throws<ArgumentException>(() => FiniteDifference.HessianWithError(Sum, [])).Message);
        Assert.Contains("x is NaN", Assert.Throws<ArgumentException>(() => FiniteDifference.Derivative(Math.Sin, double.NaN)).Message);
        Assert.Contains("x is −∞", Assert.Throws<ArgumentException>(() => FiniteDifference.DerivativeWithError(Math.Sin, double.NegativeInfinity)).Message);
        Assert.Contains("x[2] is NaN", Assert.Throws<ArgumentException>(() => FiniteDifference.Jacobian(x => x, [1.0, 2.0, double.NaN])).Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1e-6)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Step_that_is_not_positive_and_finite(double step)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => FiniteDifference.Derivative(Math.Sin, 1.0, step: step));
        Assert.Equal("step", e.ParamName);
        Assert.Contains("positive", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => FiniteDifference.Gradient(Sum, [1.0], DifferenceScheme.Richardson, step));
        Assert.Throws<ArgumentOutOfRangeException>(() => FiniteDifference.Hessian(Sum, [1.0], step: step));
    }

    [Fact]
    public void Undefined_scheme()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => FiniteDifference.Derivative(Math.Sin, 1.0, (DifferenceScheme)7));
        Assert.Equal("scheme", e.ParamName);
    }

    [Fact]
    public void Vector_function_whose_output_length_changes()
    {
        var calls = 0;
        Func<double[], double[]> unstable = x => ++calls % 2 == 0 ? [x[0]] : [x[0], x[1]];
        var e = Assert.Throws<ArgumentException>(() => FiniteDifference.Jacobian(unstable, [1.0, 2.0]));
        Assert.Contains("output length must not depend on the input", e.Message);
        Assert.Contains("returned null", Assert.Throws<ArgumentException>(() => FiniteDifference.Jacobian(_ => null!, [1.0])).Message);
    }

    [Fact]
    public void Functions_get_a_fresh_copy_of_the_point()
    {
        double[] x = [1.0, 2.0];
        var g = FiniteDifference.Gradient(p => { var s = p[0] * p[1]; p[0] = 99; return s; }, x);
        Assert.Equal([1.0, 2.0], x);
        Assert.Equal(2.0, g[0], 1e-9);
        Assert.Equal(1.0, g[1], 1e-9);
    }

    [Fact]
    public void Default_steps_scale_with_the_point()
    {
        // at x = 1e8 an unscaled step of 6e-6 would be below the spacing of doubles there (1.5e-8 · 1e8 … ), scaled it is fine
        Assert.Equal(Math.Cos(1e8 / 1e8), FiniteDifference.Derivative(t => 1e8 * Math.Sin(t / 1e8), 1e8), 1e-6);
        Assert.Equal(2e-8, FiniteDifference.Derivative(t => t * t, 1e-8), 1e-9);
    }
}
