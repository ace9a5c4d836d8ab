using Functional.Symbolic;

namespace Functional.Symbolic.Tests;

/// <summary>Expressions shared by the tests and the README's tables.</summary>
internal static class Workloads
{
    /// <summary>Σ_{i&lt;1000} (1 + i/1000)·sin(x_{i mod 10})·x_{(i+1) mod 10} + exp(−x_{(i+3) mod 10}²).</summary>
    internal static (Expr Expr, string[] Vars) ThousandTerms()
    {
        string[] vars = [.. Enumerable.Range(0, 10).Select(i => "x" + i)];
        var x = vars.Select(Expr.Var).ToArray();
        var e = Expr.Const(0);
        for (var i = 0; i < 1000; i++)
            e += (1 + 0.001 * i) * Expr.Sin(x[i % 10]) * x[(i + 1) % 10] + Expr.Exp(-Expr.Pow(x[(i + 3) % 10], 2));
        return (e, vars);
    }

    /// <summary>The logistic map l₁ = x, l_{k+1} = r·l_k·(1 − l_k), iterated <paramref name="n"/> − 1 times.</summary>
    internal static Expr Logistic(int n, Expr r)
    {
        var l = Expr.Var("x");
        for (var k = 1; k < n; k++) l = r * l * (1 - l);
        return l;
    }
}
