using BenchmarkDotNet.Attributes;
using Functional.Symbolic;

namespace Functional.Benchmarks;

/// <summary>The gradient of a 1000-term expression of 10 variables, Σᵢ sin(cᵢ·x_a)·x_b + exp(−cᵢ·x_c²)
/// with cᵢ = 1 + i/1000 (every term distinct, so simplification cannot merge them): compiled from its
/// symbolic gradient vs the same gradient written by hand in C# (one pass over the terms).</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class CompiledGradient
{
    private const int Terms = 1000, Variables = 10;
    private Func<double[], double>[] compiled = [];
    private readonly double[] x = [.. Enumerable.Range(0, Variables).Select(i => 0.1 * i - 0.4)];
    private readonly double[] gradient = new double[Variables];

    [GlobalSetup]
    public void Setup()
    {
        string[] names = [.. Enumerable.Range(0, Variables).Select(i => "x" + i)];
        var v = names.Select(Expr.Var).ToArray();
        var e = Expr.Const(0);
        for (var i = 0; i < Terms; i++)
        {
            var c = 1 + 0.001 * i;
            e += Expr.Sin(c * v[i % 10]) * v[(i + 1) % 10] + Expr.Exp(-c * Expr.Pow(v[(i + 3) % 10], 2));
        }
        compiled = [.. e.Gradient(names).Select(g => g.Simplify().Compile(names))];
    }

    [Benchmark(Baseline = true)]
    public double[] HandWritten() => HandWrittenGradient(x, gradient);

    private static double[] HandWrittenGradient(double[] x, double[] gradient)
    {
        Array.Clear(gradient);
        for (var i = 0; i < Terms; i++)
        {
            int a = i % 10, b = (i + 1) % 10, c = (i + 3) % 10;
            var w = 1 + 0.001 * i;
            gradient[a] += w * Math.Cos(w * x[a]) * x[b];
            gradient[b] += Math.Sin(w * x[a]);
            gradient[c] += -2 * w * x[c] * Math.Exp(-w * x[c] * x[c]);
        }
        return gradient;
    }

    [Benchmark]
    public double[] Compiled()
    {
        for (var j = 0; j < Variables; j++) gradient[j] = compiled[j](x);
        return gradient;
    }
}

/// <summary>Diff + Simplify of the 20-step logistic map x_{k+1} = r·x_k·(1 − x_k).</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class LogisticMapDerivative
{
    [Params(20)]
    public int Steps { get; set; }

    [Benchmark]
    public Expr DiffAndSimplify()
    {
        var r = Expr.Const(3.9);
        var l = Expr.Var("x");
        for (var k = 1; k < Steps; k++) l = r * l * (1 - l);
        return l.Diff("x").Simplify();
    }
}
