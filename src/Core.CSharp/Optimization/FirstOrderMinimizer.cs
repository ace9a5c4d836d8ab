namespace Functional.Optimization;

/// <summary>
/// The loop shared by the first-order optimisers: value and gradient by one reverse pass per step,
/// an update rule, the loss history, and clear failures for bad arguments and for a loss that
/// stops being a finite number.
/// </summary>
public abstract class FirstOrderMinimizer
{
    /// <summary>Checks the learning rate common to every optimiser.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The learning rate is not a positive finite number.</exception>
    private protected FirstOrderMinimizer(double learningRate)
    {
        if (!(learningRate > 0) || double.IsInfinity(learningRate))
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, $"the learning rate must be a positive finite number, not {learningRate}");
        LearningRate = learningRate;
    }

    /// <summary>The step size.</summary>
    public double LearningRate { get; }

    /// <summary>Runs <paramref name="steps"/> updates from <paramref name="x0"/>.</summary>
    /// <exception cref="ArgumentNullException">f or x0 is null.</exception>
    /// <exception cref="ArgumentException">x0 is empty or holds NaN/∞, or steps is negative.</exception>
    /// <exception cref="InvalidOperationException">The loss or its gradient became NaN or infinite
    /// (the message names the step; a smaller learning rate usually helps).</exception>
    public OptimizationResult Minimize(Func<Scalar[], Scalar> f, double[] x0, int steps)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(x0);
        if (x0.Length == 0) throw new ArgumentException("the starting point is empty", nameof(x0));
        if (x0.Any(v => !double.IsFinite(v))) throw new ArgumentException("the starting point holds NaN or an infinity", nameof(x0));
        ArgumentOutOfRangeException.ThrowIfNegative(steps);

        var valueAndGrad = AD.ValueAndGrad(f);
        var x = (double[])x0.Clone();
        var gradient = new double[x.Length];
        var history = new List<double>(steps + 1);
        var state = CreateState(x.Length);
        for (var step = 0; ; step++)
        {
            var (value, g) = valueAndGrad(Scalar.Constants(x));
            var loss = value.Value;
            for (var i = 0; i < g.Length; i++) gradient[i] = g[i].Value;
            var broken = !double.IsFinite(loss) ? $"the loss became {loss}"
                : gradient.Any(v => !double.IsFinite(v)) ? "the gradient became NaN or infinite" : null;
            if (broken is not null)
                throw new InvalidOperationException(step == 0
                    ? $"{GetType().Name}: {broken} at the starting point"
                    : $"{GetType().Name}: {broken} at step {step} (the learning rate {LearningRate} may be too large)");
            if (step == steps) return new OptimizationResult(x, loss, history);
            history.Add(loss);
            Update(x, gradient, state, step + 1);
        }
    }

    /// <summary>Per-run state (e.g. moment estimates) for a problem of the given size.</summary>
    private protected abstract double[][] CreateState(int n);

    /// <summary>x ← x − step, for update number <paramref name="t"/> (from 1).</summary>
    private protected abstract void Update(double[] x, double[] gradient, double[][] state, int t);
}
