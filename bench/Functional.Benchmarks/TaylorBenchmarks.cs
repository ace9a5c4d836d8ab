using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Functional.Benchmarks;

/// <summary>
/// Higher derivatives of sin(exp(x)): Taylor mode (O(k²) per operation) against nested forward mode
/// (O(2ᵏ)), with the first derivative by forward mode as the yardstick and plain doubles as baseline.
/// Run: <c>dotnet run -c Release --project bench/Functional.Benchmarks -- --filter '*TaylorMode*'</c>.
/// </summary>
[MemoryDiagnoser]
[MinColumn, MedianColumn]
[Config(typeof(Config))]
public class TaylorMode
{
    private sealed class Config : BenchmarkDotNet.Configs.ManualConfig
    {
        // Many short iterations: on a shared machine the minimum is the figure that preemption does not inflate.
        public Config() => AddJob(Job.ShortRun.WithWarmupCount(3).WithIterationCount(40)
            .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(15)).WithToolchain(InProcessEmitToolchain.Instance));
    }

    private static Scalar F(Scalar x) => Scalar.Sin(Scalar.Exp(x));
    private readonly Func<Scalar, Scalar> first = AD.Derivative(F);
    private readonly Func<Scalar, Scalar> tenthNested = AD.Derivative(F, 10);
    private double at = 0.5;

    [Benchmark(Baseline = true)] public double PlainDouble() => Math.Sin(Math.Exp(at));
    [Benchmark] public Scalar FirstByForward() => first(at);
    [Benchmark] public double FirstByTaylor() => AD.Taylor(F, at, 1)[1];
    [Benchmark] public double TenthByTaylor() => AD.Taylor(F, at, 10)[10] * 3628800.0;
    [Benchmark] public double TwentiethByTaylor() => AD.Taylor(F, at, 20)[20] * 2432902008176640000.0;
    [Benchmark] public Scalar TenthByNestedForward() => tenthNested(at);
}
