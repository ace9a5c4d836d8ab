using Functional.Symbolic;

namespace Functional.Symbolic.Tests;

/// <summary>Seeded generators of random expressions and points.</summary>
internal static class RandomExpressions
{
    private static readonly string[] UnaryNames = [.. Primitives<Expr>.Unary.Keys.Order(StringComparer.Ordinal)];
    private static readonly string[] BinaryNames = [.. Primitives<Expr>.Binary.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Any expression over the full function set (may leave a domain: NaN is fine).</summary>
    internal static Expr Any(Random rng, int depth, string[] vars)
    {
        if (depth == 0 || rng.NextDouble() < 0.2) return Leaf(rng, vars);
        return rng.Next(10) switch
        {
            0 => Any(rng, depth - 1, vars) + Any(rng, depth - 1, vars),
            1 => Any(rng, depth - 1, vars) - Any(rng, depth - 1, vars),
            2 => Any(rng, depth - 1, vars) * Any(rng, depth - 1, vars),
            3 => Any(rng, depth - 1, vars) / Any(rng, depth - 1, vars),
            4 => -Any(rng, depth - 1, vars),
            5 => Expr.Pow(Any(rng, depth - 1, vars), Leaf(rng, vars)),
            6 or 7 => Expr.Apply(Primitives<Expr>.Unary[UnaryNames[rng.Next(UnaryNames.Length)]], Any(rng, depth - 1, vars)),
            _ => Expr.Apply(Primitives<Expr>.Binary[BinaryNames[rng.Next(BinaryNames.Length)]], Any(rng, depth - 1, vars), Any(rng, depth - 1, vars)),
        };
    }

    /// <summary>Smooth-ish arithmetic that tends to have like terms and repeated factors (what Simplify works on).</summary>
    internal static Expr Algebraic(Random rng, int depth, string[] vars)
    {
        if (depth == 0 || rng.NextDouble() < 0.25) return rng.Next(3) == 0 ? Expr.Const(rng.Next(-3, 4)) : Expr.Var(vars[rng.Next(vars.Length)]);
        return rng.Next(9) switch
        {
            0 or 1 => Algebraic(rng, depth - 1, vars) + Algebraic(rng, depth - 1, vars),
            2 => Algebraic(rng, depth - 1, vars) - Algebraic(rng, depth - 1, vars),
            3 or 4 => Algebraic(rng, depth - 1, vars) * Algebraic(rng, depth - 1, vars),
            5 => Algebraic(rng, depth - 1, vars) / Algebraic(rng, depth - 1, vars),
            6 => Expr.Pow(Algebraic(rng, depth - 1, vars), rng.Next(-2, 4)),
            7 => -Algebraic(rng, depth - 1, vars),
            _ => Expr.Apply(Primitives<Expr>.Unary[UnaryNames[rng.Next(UnaryNames.Length)]], Algebraic(rng, depth - 1, vars)),
        };
    }

    internal static Expr Leaf(Random rng, string[] vars) => rng.Next(6) switch
    {
        0 => Expr.Const(rng.Next(-5, 6)),
        1 => Expr.Const(Math.Round(rng.NextDouble() * 10 - 5, rng.Next(1, 4))),
        2 => Expr.Const((rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-12, 12))),
        _ => Expr.Var(vars[rng.Next(vars.Length)]),
    };

    internal static Dictionary<string, double> Point(Random rng, string[] vars) =>
        vars.ToDictionary(v => v, _ => Math.Round(rng.NextDouble() * 4 - 2, 3));

    /// <summary>The largest |value| of any node of e at the point: the scale that rounding errors are relative to.</summary>
    internal static double Scale(Expr e, IReadOnlyDictionary<string, double> point)
    {
        double scale = 1;
        foreach (var n in Expr.PostOrder(e))
        {
            var v = Math.Abs(n.Evaluate(point.Where(p => n.Variables.Contains(p.Key)).ToDictionary()));
            if (double.IsFinite(v)) scale = Math.Max(scale, v);
        }
        return scale;
    }
}
