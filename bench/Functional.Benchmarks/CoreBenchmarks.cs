using BenchmarkDotNet.Attributes;
using Functional;
using static Functional.AD;

namespace Functional.Benchmarks;

/// <summary>The seed example f(x1, x2) = x1·x2 + exp(x1·x2) − sin(x2): plain doubles vs its gradient.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class SeedGradient
{
    private readonly Func<Scalar[], Scalar[]> grad = Grad(F);
    private readonly Func<Scalar[], Scalar[,]> jacFwd = JacFwd(x => [F(x)]);
    private readonly MathNet.Numerics.Differentiation.NumericalJacobian numeric = new();
    private readonly Scalar[] x = [1.0, 2.0];
    private readonly double[] xd = [1.0, 2.0];

    private static Scalar F(Scalar[] x) => x[0] * x[1] + Scalar.Exp(x[0] * x[1]) - Scalar.Sin(x[1]);
    private static double FDouble(double[] x) => x[0] * x[1] + Math.Exp(x[0] * x[1]) - Math.Sin(x[1]);

    [Benchmark(Baseline = true)] public double PlainDouble() => FDouble(xd);
    [Benchmark] public Scalar[] ReverseGrad() => grad(x);
    [Benchmark] public Scalar[,] ForwardJacobian() => jacFwd(x);
    [Benchmark] public double[] MathNetFiniteDifference() => numeric.Evaluate(FDouble, xd);
}

/// <summary>Scalar Rosenbrock at n = 10³ and 10⁵: plain doubles vs reverse-mode gradient.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class RosenbrockGradient
{
    [Params(1_000, 100_000)] public int N;
    private readonly Func<Scalar[], Scalar[]> grad = Grad(Rosenbrock);
    private Scalar[] x = [];
    private double[] xd = [];

    [GlobalSetup]
    public void Setup()
    {
        xd = BenchmarkPoints.Uniform(N);
        x = [.. xd.Select(v => (Scalar)v)];
    }

    public static Scalar Rosenbrock(Scalar[] x)
    {
        Scalar sum = 0;
        for (var i = 0; i < x.Length - 1; i++)
        {
            var a = x[i + 1] - x[i] * x[i];
            var b = 1.0 - x[i];
            sum += 100.0 * a * a + b * b;
        }
        return sum;
    }

    public static double RosenbrockDouble(double[] x)
    {
        double sum = 0;
        for (var i = 0; i < x.Length - 1; i++)
        {
            var a = x[i + 1] - x[i] * x[i];
            var b = 1.0 - x[i];
            sum += 100.0 * a * a + b * b;
        }
        return sum;
    }

    [Benchmark(Baseline = true)] public double PlainDouble() => RosenbrockDouble(xd);
    [Benchmark] public Scalar[] ReverseGrad() => grad(x);
}

/// <summary>Hessian of an n = 100 function (forward-over-reverse) vs the plain-double function.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class Hessian100
{
    private const int N = 100;
    private readonly Func<Scalar[], Scalar[,]> hessian = Hessian(F);
    private readonly Func<Scalar[], Scalar[], Scalar[]> hvp = Hvp(F);
    private Scalar[] x = [];
    private Scalar[] v = [];
    private double[] xd = [];

    [GlobalSetup]
    public void Setup()
    {
        xd = [.. Enumerable.Range(0, N).Select(i => Math.Sin(i))];
        x = [.. xd.Select(d => (Scalar)d)];
        v = [.. xd.Select(d => (Scalar)(1 - d))];
    }

    private static Scalar F(Scalar[] x)
    {
        Scalar sum = 0;
        for (var i = 0; i < x.Length - 1; i++) sum += Scalar.Sin(x[i]) * x[i + 1] * x[i + 1] + Scalar.Exp(0.1 * x[i] * x[i + 1]);
        return sum;
    }

    private static double FDouble(double[] x)
    {
        double sum = 0;
        for (var i = 0; i < x.Length - 1; i++) sum += Math.Sin(x[i]) * x[i + 1] * x[i + 1] + Math.Exp(0.1 * x[i] * x[i + 1]);
        return sum;
    }

    [Benchmark(Baseline = true)] public double PlainDouble() => FDouble(xd);
    [Benchmark] public Scalar[,] FullHessian() => hessian(x);
    [Benchmark] public Scalar[] HessianVectorProduct() => hvp(x, v);
}

/// <summary>The sixth derivative of sin by nested forward mode vs Math.Sin.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class SixthDerivative
{
    private readonly Func<Scalar, Scalar> d6 = Derivative(Scalar.Sin, 6);
    private readonly Func<Scalar, Scalar> d6Reverse = Grad(Grad(Grad(Grad(Grad(Grad((Func<Scalar, Scalar>)Scalar.Sin))))));
    private double at = 0.7;

    [Benchmark(Baseline = true)] public double PlainDouble() => Math.Sin(at);
    [Benchmark] public Scalar ForwardOrder6() => d6(at);
    [Benchmark] public Scalar ReverseOrder6() => d6Reverse(at);
}
