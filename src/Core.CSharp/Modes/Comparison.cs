namespace Functional;

/// <summary>A comparison between two <see cref="Scalar"/>s, as seen by <see cref="Differentiation.OnCompare"/>.</summary>
internal enum Comparison { Less, LessOrEqual, Greater, GreaterOrEqual, Equal, NotEqual }

internal static class ComparisonExtensions
{
    public static bool Evaluate(this Comparison comparison, double a, double b) => comparison switch
    {
        Comparison.Less => a < b,
        Comparison.LessOrEqual => a <= b,
        Comparison.Greater => a > b,
        Comparison.GreaterOrEqual => a >= b,
        Comparison.Equal => a == b,
        _ => a != b,
    };

    public static string Symbol(this Comparison comparison) => comparison switch
    {
        Comparison.Less => "<",
        Comparison.LessOrEqual => "<=",
        Comparison.Greater => ">",
        Comparison.GreaterOrEqual => ">=",
        Comparison.Equal => "==",
        _ => "!=",
    };
}
