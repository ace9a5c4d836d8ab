using BenchmarkDotNet.Attributes;
using Functional.Symbolic;

namespace Functional.Benchmarks;

/// <summary>
/// Differentiate-and-simplify on a fixed set of random smooth expressions of 1–3 variables (seeded),
/// with the full simplifier and with the first pass only; the Setup prints the total operation count
/// of the simplified derivatives so sizes and times come from the same run.
/// </summary>
[MemoryDiagnoser]
public class SimplifyQualityBenchmarks
{
    private static readonly string[] Functions = ["sin", "cos", "exp", "log", "sqrt", "tanh", "sigmoid"];
    private Expr[] expressions = [];

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(16);
        expressions = Enumerable.Range(0, 200).Select(i => Smooth(rng, 4, i % 3 == 0 ? ["x"] : i % 3 == 1 ? ["x", "y"] : ["x", "y", "z"])).ToArray();
        long full = 0, basic = 0;
        foreach (var e in expressions)
        {
            full += e.Diff("x").Simplify().OperationCount;
            basic += e.Diff("x").Simplify(SimplifyOptions.Basic).OperationCount;
        }
        Console.WriteLine($"// operations in 200 simplified derivatives: full {full}, first pass only {basic}");
    }

    [Benchmark(Baseline = true)]
    public int FirstPassOnly()
    {
        var n = 0;
        foreach (var e in expressions) n += e.Diff("x").Simplify(SimplifyOptions.Basic).NodeCount;
        return n;
    }

    [Benchmark]
    public int FullSimplify()
    {
        var n = 0;
        foreach (var e in expressions) n += e.Diff("x").Simplify().NodeCount;
        return n;
    }

    [Benchmark]
    public Expr LogisticMapFirstPassOnly() => LogisticMap().Diff("x").Simplify(SimplifyOptions.Basic);

    [Benchmark]
    public Expr LogisticMapFullSimplify() => LogisticMap().Diff("x").Simplify();

    private static Expr LogisticMap()
    {
        var r = Expr.Const(3.9);
        var l = Expr.Var("x");
        for (var k = 1; k < 20; k++) l = r * l * (1 - l);
        return l;
    }

    internal static Expr Smooth(Random rng, int depth, string[] vars)
    {
        if (depth == 0 || rng.NextDouble() < 0.25)
            return rng.Next(3) == 0 ? Expr.Const(rng.Next(1, 4)) : Expr.Var(vars[rng.Next(vars.Length)]);
        return rng.Next(6) switch
        {
            0 => Smooth(rng, depth - 1, vars) + Smooth(rng, depth - 1, vars),
            1 => Smooth(rng, depth - 1, vars) * Smooth(rng, depth - 1, vars),
            2 => Smooth(rng, depth - 1, vars) / (Smooth(rng, depth - 1, vars) * Smooth(rng, depth - 1, vars) + 1),
            3 => Expr.Pow(Smooth(rng, depth - 1, vars), rng.Next(2, 4)),
            _ => Expr.Parse($"{Functions[rng.Next(Functions.Length)]}(u)").Substitute("u", Smooth(rng, depth - 1, vars)),
        };
    }
}
