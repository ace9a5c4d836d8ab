using BenchmarkDotNet.Attributes;
using Functional.AdvancedAd;
using static Functional.AD;

namespace Functional.Benchmarks;

/// <summary>
/// The gradient of a 10⁵-step loop (samples/AdvancedAd's pendulum) plainly and as √L checkpointed
/// segments, against the loop on plain doubles. BenchmarkDotNet's Allocated column is not peak memory
/// (tapes rent their storage from a pool), so each benchmark process also measures the peak growth of
/// the live heap during one gradient in its global setup, before anything has warmed the pool, and
/// prints it as "peak memory (...)".
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class CheckpointedLoopGradient
{
    private readonly CheckpointedLoop loop = new(100_000);

    [GlobalSetup(Target = nameof(PlainGradient))]
    public void MeasurePlain() => Console.WriteLine($"// peak memory (plain gradient): {loop.PeakBytes(checkpointed: false)} bytes");

    [GlobalSetup(Target = nameof(CheckpointedGradient))]
    public void MeasureCheckpointed() => Console.WriteLine($"// peak memory (checkpointed gradient): {loop.PeakBytes(checkpointed: true)} bytes");

    [Benchmark(Baseline = true)]
    public double PlainDouble()
    {
        double x = CheckpointedLoop.Start[0], v = CheckpointedLoop.Start[1], theta = CheckpointedLoop.Start[2];
        for (var t = 0; t < loop.Length; t++)
        {
            v -= CheckpointedLoop.Dt * theta * Math.Sin(x);
            x += CheckpointedLoop.Dt * v;
        }
        return x * x + v;
    }

    [Benchmark] public double[] PlainGradient() => loop.Gradient(checkpointed: false).Gradient;

    [Benchmark] public double[] CheckpointedGradient() => loop.Gradient(checkpointed: true).Gradient;
}

/// <summary>
/// ∇θ of cᵀx* where M·x* = θ (n = 50, M diagonally dominant): 50 Jacobi iterations on doubles
/// differentiated by the implicit function theorem (one linear solve with ∂F/∂x = M), against reverse
/// mode through the same 50 iterations unrolled on Scalars, and against the iterations on plain doubles.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class ImplicitVersusUnrolled
{
    private const int N = 50, Iterations = 50;
    private readonly double[,] m = new double[N, N];
    private readonly double[] c = new double[N], theta = new double[N];
    private Func<Scalar[], Scalar[]> implicitGrad = null!, unrolledGrad = null!;
    private Scalar[] thetaScalars = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        for (var i = 0; i < N; i++)
        {
            for (var j = 0; j < N; j++) m[i, j] = (random.NextDouble() * 2 - 1) * 14.0 / N; // Jacobi contracts by ≈ 0.6 per step
            m[i, i] = 2;
            c[i] = random.NextDouble() * 2 - 1;
            theta[i] = random.NextDouble() * 2 - 1;
        }
        thetaScalars = [.. theta.Select(v => (Scalar)v)];
        var solution = Implicit(t => JacobiOnDoubles(t, Iterations), Residual); // the same solver, not unrolled
        implicitGrad = Grad(t => Dot(c, solution(t)));
        unrolledGrad = Grad(t => Dot(c, JacobiOnScalars(t, Iterations)));
        // report how far each gradient is from the exact one, M⁻ᵀc
        var exact = Grad(t => Dot(c, JacobiOnScalars(t, 1000)))(thetaScalars).ToDoubles();
        Console.WriteLine($"// max |implicit − exact| = {MaxDifference(exact, ImplicitGradient().ToDoubles()):G3}, " +
            $"max |unrolled({Iterations}) − exact| = {MaxDifference(exact, UnrolledGradient().ToDoubles()):G3}");
    }

    private Scalar[] Residual(Scalar[] x, Scalar[] t)
    {
        var r = new Scalar[N];
        for (var i = 0; i < N; i++)
        {
            var s = -t[i];
            for (var j = 0; j < N; j++) s += m[i, j] * x[j];
            r[i] = s;
        }
        return r;
    }

    private static Scalar Dot(double[] a, Scalar[] b)
    {
        Scalar s = 0;
        for (var i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    private static double MaxDifference(double[] a, double[] b) => a.Zip(b).Max(p => Math.Abs(p.First - p.Second));

    /// <summary>x ← D⁻¹(θ − (M − D)x).</summary>
    private double[] JacobiOnDoubles(double[] t, int iterations)
    {
        var x = new double[N];
        var next = new double[N];
        for (var k = 0; k < iterations; k++)
        {
            for (var i = 0; i < N; i++)
            {
                var s = t[i];
                for (var j = 0; j < N; j++) if (j != i) s -= m[i, j] * x[j];
                next[i] = s / m[i, i];
            }
            (x, next) = (next, x);
        }
        return x;
    }

    private Scalar[] JacobiOnScalars(Scalar[] t, int iterations)
    {
        var x = new Scalar[N];
        for (var k = 0; k < iterations; k++)
        {
            var next = new Scalar[N];
            for (var i = 0; i < N; i++)
            {
                var s = t[i];
                for (var j = 0; j < N; j++) if (j != i) s -= m[i, j] * x[j];
                next[i] = s / m[i, i];
            }
            x = next;
        }
        return x;
    }

    [Benchmark(Baseline = true)] public double[] PlainDoubleJacobi() => JacobiOnDoubles(theta, Iterations);

    [Benchmark] public Scalar[] ImplicitGradient() => implicitGrad(thetaScalars);

    [Benchmark] public Scalar[] UnrolledGradient() => unrolledGrad(thetaScalars);
}
