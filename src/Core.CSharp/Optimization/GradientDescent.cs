namespace Functional.Optimization;

/// <summary>Plain gradient descent: x ← x − η∇f(x).</summary>
/// <param name="learningRate">η &gt; 0.</param>
public sealed class GradientDescent(double learningRate) : FirstOrderMinimizer(learningRate)
{
    private protected override double[][] CreateState(int n) => [];

    private protected override void Update(double[] x, double[] gradient, double[][] state, int t)
    {
        for (var i = 0; i < x.Length; i++) x[i] -= LearningRate * gradient[i];
    }
}
