namespace Functional.Optimization;

/// <summary>Adam (Kingma and Ba, 2015): bias-corrected moving averages of the gradient and of its
/// square set a per-coordinate step.</summary>
public sealed class Adam : FirstOrderMinimizer
{
    /// <summary>An Adam optimiser.</summary>
    /// <param name="learningRate">η &gt; 0.</param>
    /// <param name="beta1">Decay of the first-moment average, in [0, 1).</param>
    /// <param name="beta2">Decay of the second-moment average, in [0, 1).</param>
    /// <param name="epsilon">A positive term that keeps the step finite where the gradient vanishes.</param>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range or NaN.</exception>
    public Adam(double learningRate, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8) : base(learningRate)
    {
        Beta1 = Settings.Decay(beta1, nameof(beta1));
        Beta2 = Settings.Decay(beta2, nameof(beta2));
        if (!(epsilon > 0) || double.IsInfinity(epsilon))
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, $"epsilon must be a positive finite number, not {epsilon}");
        Epsilon = epsilon;
    }

    /// <summary>β₁.</summary>
    public double Beta1 { get; }

    /// <summary>β₂.</summary>
    public double Beta2 { get; }

    /// <summary>ε.</summary>
    public double Epsilon { get; }

    private protected override double[][] CreateState(int n) => [new double[n], new double[n]];

    private protected override void Update(double[] x, double[] gradient, double[][] state, int t)
    {
        double[] m = state[0], v = state[1];
        double correction1 = 1 - Math.Pow(Beta1, t), correction2 = 1 - Math.Pow(Beta2, t);
        for (var i = 0; i < x.Length; i++)
        {
            m[i] = Beta1 * m[i] + (1 - Beta1) * gradient[i];
            v[i] = Beta2 * v[i] + (1 - Beta2) * gradient[i] * gradient[i];
            x[i] -= LearningRate * (m[i] / correction1) / (Math.Sqrt(v[i] / correction2) + Epsilon);
        }
    }
}
