using BenchmarkDotNet.Attributes;
using static Functional.AD;

namespace Functional.Benchmarks;

/// <summary>The core's before/after workloads: scalar Rosenbrock gradient at n = 10³ and 10⁵ against its
/// plain-double loop (the seed gradient, JacFwd and the n = 100 Hessian are in CoreBenchmarks).</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class RosenbrockGradientBySize
{
    [Params(1_000, 100_000)] public int N;

    private readonly Func<Scalar[], Scalar[]> grad = Grad(RosenbrockGradient.Rosenbrock);
    private Scalar[] x = [];
    private double[] xd = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        xd = [.. Enumerable.Range(0, N).Select(_ => random.NextDouble() * 2 - 1)];
        x = [.. xd.Select(v => (Scalar)v)];
    }

    [Benchmark(Baseline = true)] public double PlainDouble() => RosenbrockGradient.RosenbrockDouble(xd);
    [Benchmark] public Scalar[] ReverseGrad() => grad(x);
}
