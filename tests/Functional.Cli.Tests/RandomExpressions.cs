using System.Globalization;

namespace Functional.Cli.Tests;

/// <summary>Random expressions in x, y, z that stay inside every function's domain at points in
/// [0.5, 1.5]³: log and sqrt only see arguments ≥ 1, divisions only denominators ≥ 1, exp only
/// bounded arguments.</summary>
public static class RandomExpressions
{
    private static readonly string[] Variables = ["x", "y", "z"];

    public static (string Expression, string At) Next(Random random)
    {
        var expression = Node(random, depth: 4, leafAllowed: false);
        var at = string.Join(",", Variables.Select(v => $"{v}={Number(0.5 + random.NextDouble())}"));
        return (expression, at);
    }

    private static string Number(double x) => Math.Round(x, 3).ToString(CultureInfo.InvariantCulture);

    /// <summary>A bounded subexpression (|value| ≤ ~1), safe inside exp.</summary>
    private static string Bounded(Random r, int depth) => r.Next(4) switch
    {
        0 => $"sin({Node(r, depth)})",
        1 => $"tanh({Node(r, depth)})",
        2 => $"cos({Node(r, depth)})",
        _ => $"sigmoid({Node(r, depth)})",
    };

    private static string Node(Random r, int depth, bool leafAllowed = true)
    {
        if (depth == 0 || (leafAllowed && r.NextDouble() < 0.2))
            return r.Next(4) == 0 ? Number(0.25 + 2 * r.NextDouble()) : Variables[r.Next(Variables.Length)];
        var d = depth - 1;
        return r.Next(14) switch
        {
            0 or 1 => $"{Node(r, d)} + {Node(r, d)}",
            2 => $"{Node(r, d)} - ({Node(r, d)})",
            3 or 4 => $"({Node(r, d)})*({Node(r, d)})",
            5 => $"({Node(r, d)})/(1 + ({Node(r, d)})^2)",
            6 => Bounded(r, d),
            7 => $"exp({Bounded(r, d)})",
            8 => $"log(1 + ({Node(r, d)})^2)",
            9 => $"sqrt(1 + ({Node(r, d)})^2)",
            10 => $"({Node(r, d)})^{r.Next(2, 4)}",
            11 => $"atan({Node(r, d)})",
            12 => $"pow(1 + ({Node(r, d)})^2, {Number(r.NextDouble() * 2 - 1)})",
            _ => $"-{Node(r, d)}",
        };
    }
}
