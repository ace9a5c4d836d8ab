using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Functional.Benchmarks.Crossover;

/// <summary>
/// JacFwd (one forward pass per input) against JacRev (one taped pass, one sweep per output) for
/// f: ℝⁿ → ℝᵐ over a grid of n and m, with the plain-double evaluation of f as the baseline.
/// Run: <c>dotnet run -c Release --project bench/Functional.Benchmarks -- --filter '*JacobianCrossover*'</c>,
/// then <c>-- crossover-report</c> turns the CSV into the README's table, plot and cost-model fit.
/// </summary>
[Config(typeof(Config))]
public class JacobianCrossover
{
    private sealed class Config : BenchmarkDotNet.Configs.ManualConfig
    {
        public Config() => AddJob(Job.ShortRun.WithWarmupCount(2).WithIterationCount(5).WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(120)).WithToolchain(InProcessEmitToolchain.Instance));
    }

    private CrossoverWorkload workload = new(1, 1);
    private Func<Scalar[], Scalar[,]> jacFwd = null!, jacRev = null!, jacobian = null!;
    private Scalar[] x = [];
    private double[] xd = [];

    [Params(1, 4, 16, 64)] public int N { get; set; }
    [Params(1, 4, 16, 64)] public int M { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        workload = new CrossoverWorkload(N, M);
        jacFwd = AD.JacFwd(workload.Evaluate);
        jacRev = AD.JacRev(workload.Evaluate);
        jacobian = AD.Jacobian(workload.Evaluate);
        xd = workload.Point();
        x = [.. xd.Select(v => (Scalar)v)];
    }

    [Benchmark(Baseline = true)] public double[] PlainDouble() => workload.Evaluate(xd);
    [Benchmark] public Scalar[,] Forward() => jacFwd(x);
    [Benchmark] public Scalar[,] Reverse() => jacRev(x);
    [Benchmark] public Scalar[,] Automatic() => jacobian(x);
}
