namespace Functional.Benchmarks.Crossover;

/// <summary>
/// The function f: ℝⁿ → ℝᵐ of the crossover benchmark: a dense layer yᵢ = sin(Σⱼ wᵢⱼ·tanh xⱼ), so every
/// output depends on every input and one evaluation costs about n + 2nm operations.
/// </summary>
public sealed class CrossoverWorkload(int inputs, int outputs)
{
    private readonly double[,] weights = MakeWeights(inputs, outputs);

    public int Inputs => inputs;
    public int Outputs => outputs;

    private static double[,] MakeWeights(int n, int m)
    {
        var w = new double[m, n];
        for (var i = 0; i < m; i++)
            for (var j = 0; j < n; j++)
                w[i, j] = Math.Cos(i + 2.0 * j) / Math.Sqrt(n);
        return w;
    }

    public Scalar[] Evaluate(Scalar[] x)
    {
        var hidden = new Scalar[inputs];
        for (var j = 0; j < inputs; j++) hidden[j] = Scalar.Tanh(x[j]);
        var y = new Scalar[outputs];
        for (var i = 0; i < outputs; i++)
        {
            Scalar sum = 0.0;
            for (var j = 0; j < inputs; j++) sum += weights[i, j] * hidden[j];
            y[i] = Scalar.Sin(sum);
        }
        return y;
    }

    public double[] Evaluate(double[] x)
    {
        var hidden = new double[inputs];
        for (var j = 0; j < inputs; j++) hidden[j] = Math.Tanh(x[j]);
        var y = new double[outputs];
        for (var i = 0; i < outputs; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < inputs; j++) sum += weights[i, j] * hidden[j];
            y[i] = Math.Sin(sum);
        }
        return y;
    }

    public double[] Point()
    {
        var x = new double[inputs];
        for (var j = 0; j < inputs; j++) x[j] = Math.Sin(j + 1.0);
        return x;
    }
}
