namespace Functional.Optimization;

/// <summary>Gradient descent with (heavy-ball) momentum: v ← βv + ∇f(x), x ← x − ηv.</summary>
public sealed class Momentum : FirstOrderMinimizer
{
    /// <summary>An optimiser with step η and momentum β.</summary>
    /// <param name="learningRate">η &gt; 0.</param>
    /// <param name="beta">β in [0, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range or NaN.</exception>
    public Momentum(double learningRate, double beta) : base(learningRate)
    {
        Beta = Settings.Decay(beta, nameof(beta));
    }

    /// <summary>β, the fraction of the velocity kept at each step.</summary>
    public double Beta { get; }

    private protected override double[][] CreateState(int n) => [new double[n]];

    private protected override void Update(double[] x, double[] gradient, double[][] state, int t)
    {
        var velocity = state[0];
        for (var i = 0; i < x.Length; i++)
        {
            velocity[i] = Beta * velocity[i] + gradient[i];
            x[i] -= LearningRate * velocity[i];
        }
    }
}
