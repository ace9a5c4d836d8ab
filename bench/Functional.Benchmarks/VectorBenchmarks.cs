using BenchmarkDotNet.Attributes;
using Functional;
using static Functional.AD;

namespace Functional.Benchmarks;

/// <summary>A 784→128 tanh→10 MLP, batch 64, softmax cross-entropy: loss and gradient through
/// <see cref="Vec"/> vs a plain naive-loop forward pass on doubles (the reference point:
/// TorchSharp takes 0.16× of such a loop).</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class MlpLossAndGradient
{
    public const int Batch = 64, Inputs = 784, Hidden = 128, Classes = 10;
    private double[,] x = new double[0, 0];
    private int[] labels = [];
    private double[,] w1 = new double[0, 0], w2 = new double[0, 0];
    private double[] b1 = [], b2 = [];
    private Scalar[] parameters = [];
    private Func<Scalar[], (Scalar Value, Scalar[] Gradient)> valueAndGrad = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        x = Random(random, Batch, Inputs, 1.0);
        labels = [.. Enumerable.Range(0, Batch).Select(_ => random.Next(Classes))];
        w1 = Random(random, Inputs, Hidden, 1 / Math.Sqrt(Inputs));
        w2 = Random(random, Hidden, Classes, 1 / Math.Sqrt(Hidden));
        b1 = new double[Hidden];
        b2 = new double[Classes];
        parameters = [.. w1.Cast<double>().Concat(b1).Concat(w2.Cast<double>()).Concat(b2).Select(v => (Scalar)v)];
        valueAndGrad = ValueAndGrad(p => Loss(x, labels, p));
    }

    /// <summary>The loss as a function of the flat parameter vector [W1, b1, W2, b2].</summary>
    public static Scalar Loss(double[,] x, int[] labels, Scalar[] p)
    {
        var span = p.AsSpan();
        var w1 = Vec.Reshape(span[..(Inputs * Hidden)], Inputs, Hidden);
        var b1 = span.Slice(Inputs * Hidden, Hidden).ToArray();
        var offset = Inputs * Hidden + Hidden;
        var w2 = Vec.Reshape(span.Slice(offset, Hidden * Classes), Hidden, Classes);
        var b2 = span[(offset + Hidden * Classes)..].ToArray();
        var hidden = Vec.Map(Vec.AddToRows(Vec.MatMul(x, w1), b1), Scalar.Tanh);
        return Vec.CrossEntropy(Vec.AddToRows(Vec.MatMul(hidden, w2), b2), labels);
    }

    [Benchmark(Baseline = true)]
    public double NaiveForwardOnDoubles()
    {
        var loss = 0.0;
        var hidden = new double[Hidden];
        var logits = new double[Classes];
        for (var b = 0; b < Batch; b++)
        {
            for (var j = 0; j < Hidden; j++)
            {
                var s = b1[j];
                for (var i = 0; i < Inputs; i++) s += x[b, i] * w1[i, j];
                hidden[j] = Math.Tanh(s);
            }
            var max = double.NegativeInfinity;
            for (var c = 0; c < Classes; c++)
            {
                var s = b2[c];
                for (var j = 0; j < Hidden; j++) s += hidden[j] * w2[j, c];
                logits[c] = s;
                max = Math.Max(max, s);
            }
            var total = 0.0;
            for (var c = 0; c < Classes; c++) total += Math.Exp(logits[c] - max);
            loss += max + Math.Log(total) - logits[labels[b]];
        }
        return loss / Batch;
    }

    /// <summary>The same forward pass with the loops ordered for row-major storage (the inner loop runs
    /// along a row of W1): still plain, unvectorised code, but cache-friendly.</summary>
    [Benchmark]
    public double RowMajorForwardOnDoubles()
    {
        var loss = 0.0;
        var hidden = new double[Hidden];
        var logits = new double[Classes];
        for (var b = 0; b < Batch; b++)
        {
            Array.Copy(b1, hidden, Hidden);
            for (var i = 0; i < Inputs; i++)
            {
                var xi = x[b, i];
                for (var j = 0; j < Hidden; j++) hidden[j] += xi * w1[i, j];
            }
            for (var j = 0; j < Hidden; j++) hidden[j] = Math.Tanh(hidden[j]);
            Array.Copy(b2, logits, Classes);
            for (var j = 0; j < Hidden; j++)
                for (var c = 0; c < Classes; c++) logits[c] += hidden[j] * w2[j, c];
            var max = logits.Max();
            var total = 0.0;
            for (var c = 0; c < Classes; c++) total += Math.Exp(logits[c] - max);
            loss += max + Math.Log(total) - logits[labels[b]];
        }
        return loss / Batch;
    }

    [Benchmark]
    public Scalar[] VecLossAndGradient() => valueAndGrad(parameters).Gradient;

    private static double[,] Random(Random random, int rows, int cols, double scale)
    {
        var m = new double[rows, cols];
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < cols; j++)
                m[i, j] = scale * (random.NextDouble() * 2 - 1);
        return m;
    }
}

/// <summary>Rosenbrock at n = 10⁵ written with <see cref="Vec"/> (a handful of array operations):
/// its gradient vs the primal as a plain double loop and as the same Vec code on constants.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class VectorisedRosenbrock
{
    private const int N = 100_000;
    private readonly Func<Scalar[], Scalar[]> grad = Grad(Rosenbrock);
    private Scalar[] x = [];
    private double[] xd = [];

    [GlobalSetup]
    public void Setup()
    {
        xd = BenchmarkPoints.Uniform(N);
        x = [.. xd.Select(v => (Scalar)v)];
    }

    /// <summary>Σ 100(x_{i+1} − x_i²)² + (1 − x_i)².</summary>
    public static Scalar Rosenbrock(Scalar[] x)
    {
        var head = x[..^1];
        var tail = x[1..];
        var ones = new Scalar[head.Length];
        Array.Fill(ones, 1.0);
        return 100 * Vec.SquaredNorm(Vec.Subtract(tail, Vec.Multiply(head, head))) + Vec.SquaredNorm(Vec.Subtract(ones, head));
    }

    [Benchmark(Baseline = true)]
    public double PrimalOnDoubles()
    {
        double sum = 0;
        for (var i = 0; i < xd.Length - 1; i++)
        {
            var a = xd[i + 1] - xd[i] * xd[i];
            var b = 1.0 - xd[i];
            sum += 100.0 * a * a + b * b;
        }
        return sum;
    }

    [Benchmark] public Scalar PrimalWithVecOnConstants() => Rosenbrock(x);

    [Benchmark] public Scalar[] VecGradient() => grad(x);
}

/// <summary>Seed 004's Hessian-vector product of 0.5‖Ax‖² at n = 2,000 by forward-over-reverse
/// through <see cref="Vec.MatVec(double[,], Scalar[])"/>, never forming the Hessian, vs the primal
/// on doubles.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class LeastSquaresHvp
{
    private const int N = 2_000;
    private double[,] a = new double[0, 0];
    private double[] xd = [];
    private Scalar[] x = [], v = [];
    private Func<Scalar[], Scalar[], Scalar[]> hvp = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2);
        a = new double[N, N];
        for (var i = 0; i < N; i++)
            for (var j = 0; j < N; j++)
                a[i, j] = random.NextDouble() - 0.5;
        xd = [.. Enumerable.Range(0, N).Select(_ => random.NextDouble())];
        x = [.. xd.Select(t => (Scalar)t)];
        v = [.. Enumerable.Range(0, N).Select(_ => (Scalar)random.NextDouble())];
        hvp = Hvp(p => 0.5 * Vec.SquaredNorm(Vec.MatVec(a, p)));
    }

    [Benchmark(Baseline = true)]
    public double PrimalOnDoubles()
    {
        var sum = 0.0;
        for (var i = 0; i < N; i++)
        {
            var s = 0.0;
            for (var j = 0; j < N; j++) s += a[i, j] * xd[j];
            sum += s * s;
        }
        return 0.5 * sum;
    }

    [Benchmark] public Scalar PrimalWithVecOnConstants() => 0.5 * Vec.SquaredNorm(Vec.MatVec(a, x));

    [Benchmark] public Scalar[] HessianVectorProduct() => hvp(x, v);
}
