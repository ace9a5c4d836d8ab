using BenchmarkDotNet.Attributes;
using Functional;
using static Functional.AD;

namespace Functional.Benchmarks;

/// <summary>Scalar Rosenbrock, n = 10³: plain doubles vs the traced gradient, compiled and replayed.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class TracedRosenbrock1000
{
    private const int N = 1_000;
    private double[] x = [];
    private readonly double[] gradient = new double[N];
    private Traced replay = null!, compiled = null!;

    [GlobalSetup]
    public void Setup()
    {
        x = BenchmarkPoints.Uniform(N);
        replay = Trace(RosenbrockGradient.Rosenbrock, x);
        compiled = replay.Compile();
    }

    [Benchmark(Baseline = true)] public double PlainDouble() => RosenbrockGradient.RosenbrockDouble(x);
    [Benchmark] public double CompiledGradient() => compiled.ValueAndGrad(x, gradient);
    [Benchmark] public double ReplayedGradient() => replay.ValueAndGrad(x, gradient);
}

/// <summary>Scalar Rosenbrock, n = 10⁵: plain doubles vs the replayed trace (too long to compile).</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class TracedRosenbrock100k
{
    private const int N = 100_000;
    private double[] x = [];
    private readonly double[] gradient = new double[N];
    private Traced replay = null!;

    [GlobalSetup]
    public void Setup()
    {
        x = BenchmarkPoints.Uniform(N);
        replay = Trace(RosenbrockGradient.Rosenbrock, x);
    }

    [Benchmark(Baseline = true)] public double PlainDouble() => RosenbrockGradient.RosenbrockDouble(x);
    [Benchmark] public double ReplayedGradient() => replay.ValueAndGrad(x, gradient);
}

/// <summary>The seed example's gradient, traced: compiled and replayed vs plain doubles.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class TracedSeed
{
    private readonly double[] x = [1.0, 2.0];
    private readonly double[] gradient = new double[2];
    private Traced replay = null!, compiled = null!;

    private static Scalar F(Scalar[] x) => x[0] * x[1] + Scalar.Exp(x[0] * x[1]) - Scalar.Sin(x[1]);
    private static double FDouble(double[] x) => x[0] * x[1] + Math.Exp(x[0] * x[1]) - Math.Sin(x[1]);

    [GlobalSetup]
    public void Setup()
    {
        replay = Trace(F, x);
        compiled = replay.Compile();
    }

    [Benchmark(Baseline = true)] public double PlainDouble() => FDouble(x);
    [Benchmark] public double CompiledGradient() => compiled.ValueAndGrad(x, gradient);
    [Benchmark] public double ReplayedGradient() => replay.ValueAndGrad(x, gradient);
}

/// <summary>Full Hessians at n = 100 from a trace: Rosenbrock and the <see cref="Hessian100"/> function.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class TracedHessian100
{
    private const int N = 100;
    private double[] x = [];
    private readonly double[,] hessian = new double[N, N];
    private Traced rosenbrock = null!, mixed = null!;

    private static Scalar Mixed(Scalar[] x)
    {
        Scalar sum = 0;
        for (var i = 0; i < x.Length - 1; i++) sum += Scalar.Sin(x[i]) * x[i + 1] * x[i + 1] + Scalar.Exp(0.1 * x[i] * x[i + 1]);
        return sum;
    }

    [GlobalSetup]
    public void Setup()
    {
        x = [.. Enumerable.Range(0, N).Select(i => Math.Sin(i))];
        rosenbrock = Trace(RosenbrockGradient.Rosenbrock, x);
        mixed = Trace(Mixed, x);
    }

    [Benchmark(Baseline = true)] public double PlainDouble() => RosenbrockGradient.RosenbrockDouble(x);
    [Benchmark] public double[,] RosenbrockHessian() { rosenbrock.Hessian(x, hessian); return hessian; }
    [Benchmark] public double[,] MixedHessian() { mixed.Hessian(x, hessian); return hessian; }
}
