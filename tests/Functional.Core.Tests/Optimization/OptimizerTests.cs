using Functional.Optimization;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Functional.Core.Tests.Optimization;

public class OptimizerTests
{
    private static Scalar Rosenbrock(Scalar[] x) => (1 - x[0]) * (1 - x[0]) + 100 * (x[1] - x[0] * x[0]) * (x[1] - x[0] * x[0]);

    private static readonly double[] RosenbrockStart = [-1.2, 1.0];

    [Fact]
    public void Gradient_descent_on_a_quadratic_follows_the_closed_form_path()
    {
        // f = 1.5 x², so x_k = (1 − 3η)^k x0 and f(x_k) = 1.5 x_k²
        var result = new GradientDescent(0.1).Minimize(x => 1.5 * x[0] * x[0], [2.0], 20);
        Assert.Equal(20, result.History.Count);
        for (var k = 0; k < 20; k++)
            Assert.Equal(1.5 * Math.Pow(0.7, 2 * k) * 4, result.History[k], 1e-12);
        Assert.Equal(2 * Math.Pow(0.7, 20), result.Point[0], 1e-14);
        Assert.Equal(1.5 * Math.Pow(0.7, 40) * 4, result.Value, 1e-15);
        Assert.Empty(new GradientDescent(0.1).Minimize(x => x[0] * x[0], [3.0], 0).History);
    }

    [Fact]
    public void Momentum_reaches_the_minimum_of_an_ill_conditioned_quadratic()
    {
        var result = new Momentum(0.01, 0.9).Minimize(x => x[0] * x[0] + 50 * (x[1] - 3) * (x[1] - 3), [5.0, -4.0], 1000);
        Assert.Equal(0.0, result.Point[0], 1e-6);
        Assert.Equal(3.0, result.Point[1], 1e-6);
        Assert.True(result.Value < 1e-10 * result.History[0]);
    }

    [Fact]
    public void Adam_reaches_the_Rosenbrock_minimum_from_the_classic_start()
    {
        var result = new Adam(0.02).Minimize(Rosenbrock, RosenbrockStart, 20_000);
        Assert.Equal(1.0, result.Point[0], 1e-3);
        Assert.Equal(1.0, result.Point[1], 2e-3);
        Assert.True(result.Value < 1e-6, $"Adam stopped at loss {result.Value}");
        Assert.Equal(24.2, result.History[0], 1e-12);
    }

    [Fact]
    public void Bfgs_Lbfgs_and_Newton_through_the_bridge_reach_the_Rosenbrock_minimum()
    {
        var start = Vector<double>.Build.DenseOfArray(RosenbrockStart);
        var objective = MathNetBridge.Objective(Rosenbrock);
        var results = new[]
        {
            new BfgsMinimizer(1e-10, 1e-10, 1e-10, 1000).FindMinimum(objective, start),
            new LimitedMemoryBfgsMinimizer(1e-10, 1e-10, 1e-10, 5, 1000).FindMinimum(objective, start),
            new NewtonMinimizer(1e-10, 1000).FindMinimum(objective, start),
        };
        foreach (var r in results)
        {
            Assert.Equal(1.0, r.MinimizingPoint[0], 1e-6);
            Assert.Equal(1.0, r.MinimizingPoint[1], 1e-6);
        }
    }

    [Fact]
    public void The_bridge_gives_the_closed_form_value_gradient_and_Hessian()
    {
        var objective = MathNetBridge.Objective(Rosenbrock);
        objective.EvaluateAt(Vector<double>.Build.DenseOfArray([0.5, -0.3]));
        double x = 0.5, y = -0.3;
        Assert.Equal((1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x), objective.Value, 1e-14);
        Assert.Equal(-2 * (1 - x) - 400 * x * (y - x * x), objective.Gradient[0], 1e-12);
        Assert.Equal(200 * (y - x * x), objective.Gradient[1], 1e-12);
        Assert.Equal(2 - 400 * (y - 3 * x * x), objective.Hessian[0, 0], 1e-12);
        Assert.Equal(-400 * x, objective.Hessian[0, 1], 1e-12);
        Assert.Equal(-400 * x, objective.Hessian[1, 0], 1e-12);
        Assert.Equal(200, objective.Hessian[1, 1], 1e-12);
    }

    [Fact]
    public void An_optimiser_trains_a_vectorised_model()
    {
        // least squares through Vec: the minimiser of ‖Aw − b‖² solves the normal equations
        var a = VecCases_RandomMatrix(20, 3);
        var b = Enumerable.Range(0, 20).Select(i => Math.Sin(i)).ToArray();
        Scalar Loss(Scalar[] w) => Vec.SquaredNorm(Vec.Subtract(Vec.MatVec(a, w), [.. b.Select(v => (Scalar)v)]));
        var result = new Adam(0.05).Minimize(Loss, [0.0, 0.0, 0.0], 4000);
        var matrix = Matrix<double>.Build.DenseOfArray(a);
        var exact = matrix.Solve(Vector<double>.Build.DenseOfArray(b)); // least squares (QR)
        for (var i = 0; i < 3; i++) Assert.Equal(exact[i], result.Point[i], 1e-5);
    }

    private static double[,] VecCases_RandomMatrix(int rows, int cols)
    {
        var random = new Random(3);
        var m = new double[rows, cols];
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < cols; j++)
                m[i, j] = random.NextDouble() * 2 - 1;
        return m;
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(0.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Bad_learning_rates_are_rejected(double rate)
    {
        foreach (var make in new Func<object>[] { () => new GradientDescent(rate), () => new Momentum(rate, 0.9), () => new Adam(rate) })
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(make);
            Assert.Contains("learning rate", e.Message);
        }
    }

    [Fact]
    public void Bad_decay_rates_epsilon_steps_and_starts_are_rejected()
    {
        Assert.Contains("beta", Assert.Throws<ArgumentOutOfRangeException>(() => new Momentum(0.1, 1.0)).Message);
        Assert.Contains("beta2", Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(0.1, beta2: double.NaN)).Message);
        Assert.Contains("epsilon", Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(0.1, epsilon: 0)).Message);
        var gd = new GradientDescent(0.1);
        Assert.Throws<ArgumentOutOfRangeException>(() => gd.Minimize(Rosenbrock, RosenbrockStart, -1));
        Assert.Throws<ArgumentException>(() => gd.Minimize(Rosenbrock, [double.NaN, 1], 10));
        Assert.Throws<ArgumentNullException>(() => gd.Minimize(null!, RosenbrockStart, 10));
    }

    [Fact]
    public void A_loss_that_becomes_NaN_or_diverges_stops_with_the_step_named()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new GradientDescent(10).Minimize(x => Scalar.Sqrt(x[0]), [1.0], 10));
        Assert.Contains("NaN at step 1", e.Message);
        Assert.Contains("learning rate", e.Message);
        e = Assert.Throws<InvalidOperationException>(() => new GradientDescent(1e150).Minimize(x => x[0] * x[0], [1.0], 100));
        Assert.Contains("step", e.Message);
    }
}
