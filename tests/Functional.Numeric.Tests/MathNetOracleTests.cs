using MathNet.Numerics.Differentiation;

namespace Functional.Numeric.Tests;

/// <summary>MathNet.Numerics' finite differences as an independent oracle.</summary>
public class MathNetOracleTests
{
    private static readonly Func<double[], double> Seed = x => x[0] * x[1] + Math.Exp(x[0] * x[1]) - Math.Sin(x[1]);

    [Theory]
    [InlineData(0.3)]
    [InlineData(1.0)]
    [InlineData(2.5)]
    [InlineData(-7.0)]
    public void Derivative_agrees_with_MathNet_within_its_error(double x)
    {
        Func<double, double> f = t => Math.Exp(Math.Sin(t)) / (1 + t * t);
        var oracle = new NumericalDerivative(5, 2).EvaluateDerivative(f, x, 1);
        var closedForm = f(x) * (Math.Cos(x) - 2 * x / (1 + x * x));
        var tolerance = 1e-9 * Math.Max(Math.Abs(closedForm), 1);   // MathNet's 5-point stencil error
        Assert.True(Math.Abs(oracle - closedForm) <= tolerance, "the oracle itself is accurate");

        var richardson = FiniteDifference.DerivativeWithError(f, x);
        Assert.True(Math.Abs(richardson.Value - oracle) <= tolerance + richardson.Error);
        Assert.True(Math.Abs(FiniteDifference.Derivative(f, x) - oracle) <= 1e-8 * Math.Max(Math.Abs(oracle), 1));
        Assert.True(Math.Abs(FiniteDifference.Derivative(f, x, DifferenceScheme.Forward) - oracle) <= 1e-6 * Math.Max(Math.Abs(oracle), 1));
    }

    [Fact]
    public void Gradient_agrees_with_MathNet_NumericalJacobian()
    {
        double[] x = [1.0, 2.0];
        var oracle = new NumericalJacobian(5, 2).Evaluate(Seed, x);
        var ours = FiniteDifference.GradientWithError(Seed, x);
        double[] exact = [16.7781121978613, 8.805202935477793];
        for (var i = 0; i < 2; i++)
        {
            Assert.True(Math.Abs(oracle[i] - exact[i]) <= 1e-8 * exact[i]);
            Assert.True(Math.Abs(ours[i].Value - oracle[i]) <= 1e-8 * exact[i] + ours[i].Error);
        }
    }

    [Fact]
    public void Jacobian_agrees_with_MathNet_NumericalJacobian()
    {
        Func<double[], double>[] components =
        [
            x => x[0] * x[0] * x[1],
            x => 5 * x[0] + Math.Sin(x[1]),
            x => Math.Exp(x[0] - x[1]) + x[2] * x[2],
        ];
        Func<double[], double[]> f = x => [.. components.Select(c => c(x))];
        double[] point = [0.7, -1.2, 2.0];
        var oracle = new NumericalJacobian(5, 2).Evaluate(components, point);
        foreach (var scheme in new[] { DifferenceScheme.Central, DifferenceScheme.Richardson })
        {
            var ours = FiniteDifference.Jacobian(f, point, scheme);
            for (var i = 0; i < 3; i++)
                for (var j = 0; j < 3; j++)
                    Assert.True(Math.Abs(ours[i, j] - oracle[i, j]) <= 1e-8 * Math.Max(Math.Abs(oracle[i, j]), 1), $"{scheme} J[{i},{j}]");
        }
    }

    [Fact]
    public void Hessian_agrees_with_MathNet_NumericalHessian()
    {
        double[] x = [1.0, 2.0];
        var oracle = new NumericalHessian(5, 2).Evaluate(Seed, x);
        var ours = FiniteDifference.HessianWithError(Seed, x);
        for (var i = 0; i < 2; i++)
            for (var j = 0; j < 2; j++)
                Assert.True(Math.Abs(ours[i, j].Value - oracle[i, j]) <= 1e-5 * Math.Abs(oracle[i, j]) + ours[i, j].Error, $"H[{i},{j}]: {ours[i, j]} vs {oracle[i, j]:R}");
    }
}
