using Functional.Optimization;

namespace Functional.Samples.Vectors;

/// <summary>
/// A 2→16 tanh→3 network trained with <see cref="Adam"/> on three noisy interleaved spirals
/// (a small synthetic data set that a linear model cannot separate): full-batch softmax
/// cross-entropy written with <see cref="Vec"/> (one matrix product per layer for the whole batch).
/// </summary>
public sealed class MlpTraining(int pointsPerClass = 60, int hidden = 16, int seed = 5)
{
    private const int Classes = 3;

    private readonly (double[,] Inputs, int[] Labels) data = Spirals(pointsPerClass, seed);

    /// <summary>The inputs, one row per example.</summary>
    public double[,] Inputs => data.Inputs;

    /// <summary>The class of each example.</summary>
    public int[] Labels => data.Labels;

    /// <summary>Trains for <paramref name="steps"/> Adam steps and returns the loss history, the
    /// trained parameters and the training accuracy before and after.</summary>
    public (IReadOnlyList<double> History, double[] Parameters, double AccuracyBefore, double AccuracyAfter) Train(int steps = 1500, double learningRate = 0.02)
    {
        var start = InitialParameters();
        var result = new Adam(learningRate).Minimize(Loss, start, steps);
        return (result.History, result.Point, Accuracy(start), Accuracy(result.Point));
    }

    /// <summary>The mean cross-entropy of the whole batch.</summary>
    public Scalar Loss(Scalar[] p) => Vec.CrossEntropy(Logits(p), Labels);

    /// <summary>The fraction of examples whose largest logit is their class.</summary>
    public double Accuracy(double[] p)
    {
        var logits = Logits(Scalars.Of(p)).ToDoubles();
        var correct = 0;
        for (var i = 0; i < Labels.Length; i++)
        {
            var best = 0;
            for (var c = 1; c < Classes; c++)
                if (logits[i, c] > logits[i, best]) best = c;
            if (best == Labels[i]) correct++;
        }
        return (double)correct / Labels.Length;
    }

    private Scalar[,] Logits(Scalar[] p)
    {
        var span = p.AsSpan();
        var w1 = Vec.Reshape(span[..(2 * hidden)], 2, hidden);
        var b1 = span.Slice(2 * hidden, hidden).ToArray();
        var w2 = Vec.Reshape(span.Slice(3 * hidden, hidden * Classes), hidden, Classes);
        var b2 = span[(3 * hidden + hidden * Classes)..].ToArray();
        var h = Vec.Map(Vec.AddToRows(Vec.MatMul(Inputs, w1), b1), Scalar.Tanh);
        return Vec.AddToRows(Vec.MatMul(h, w2), b2);
    }

    private double[] InitialParameters()
    {
        var random = new Random(seed + 1);
        var p = new double[3 * hidden + hidden * Classes + Classes];
        for (var i = 0; i < 2 * hidden; i++) p[i] = random.NextDouble() * 2 - 1;
        for (var i = 3 * hidden; i < 3 * hidden + hidden * Classes; i++) p[i] = (random.NextDouble() * 2 - 1) / Math.Sqrt(hidden);
        return p;
    }

    private static (double[,] Inputs, int[] Labels) Spirals(int perClass, int seed)
    {
        var random = new Random(seed);
        var inputs = new double[perClass * Classes, 2];
        var labels = new int[perClass * Classes];
        for (var c = 0; c < Classes; c++)
            for (var i = 0; i < perClass; i++)
            {
                var r = (double)i / perClass;
                var angle = c * 2 * Math.PI / Classes + 1.75 * r * 2 * Math.PI / Classes * 2 + 0.2 * (random.NextDouble() - 0.5);
                var row = c * perClass + i;
                inputs[row, 0] = r * Math.Cos(angle);
                inputs[row, 1] = r * Math.Sin(angle);
                labels[row] = c;
            }
        return (inputs, labels);
    }
}
