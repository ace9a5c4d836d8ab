namespace Functional.Cli;

/// <summary>The largest difference between methods over every component, with where it occurs.</summary>
/// <param name="Absolute">|a − b|: 0 when all agree exactly, ∞ when one is infinite and the other is not (or has
/// the other sign), NaN when one method gives NaN where another does not.</param>
/// <param name="Relative">|a − b| / max(|a|, |b|, 1) for finite a and b; otherwise equal to <paramref name="Absolute"/>.</param>
/// <param name="MethodA">One method of the pair.</param>
/// <param name="A">Its value.</param>
/// <param name="MethodB">The other method.</param>
/// <param name="B">Its value.</param>
/// <param name="Component">The component's index.</param>
internal sealed record Disagreement(double Absolute, double Relative, string MethodA, double A, string MethodB, double B, int Component)
{
    /// <summary>The largest disagreement over all pairs of methods and all components (values of the
    /// same length), NaN counting as the largest. Equal values — including two NaNs or two infinities
    /// of one sign — agree.</summary>
    public static Disagreement? Largest(IReadOnlyList<(string Method, double[] Values)> methods)
    {
        Disagreement? largest = null;
        for (var a = 0; a < methods.Count; a++)
            for (var b = a + 1; b < methods.Count; b++)
                for (var k = 0; k < methods[a].Values.Length; k++)
                {
                    double u = methods[a].Values[k], v = methods[b].Values[k];
                    var absolute = u.Equals(v) ? 0 : Math.Abs(u - v);
                    var relative = double.IsFinite(absolute) ? absolute / Math.Max(1, Math.Max(Math.Abs(u), Math.Abs(v))) : absolute;
                    var candidate = new Disagreement(absolute, relative, methods[a].Method, u, methods[b].Method, v, k);
                    if (largest is null || IsLarger(candidate, largest)) largest = candidate;
                }
        return largest;
    }

    private static bool IsLarger(Disagreement a, Disagreement b) =>
        !double.IsNaN(b.Absolute) && (double.IsNaN(a.Absolute) || a.Absolute > b.Absolute);

    /// <summary>Flattens each matrix row by row, for <see cref="Largest"/>.</summary>
    public static IReadOnlyList<(string Method, double[] Values)> Flatten(IEnumerable<(string Method, double[,] Values)> methods) =>
        [.. methods.Select(m => (m.Method, m.Values.Cast<double>().ToArray()))];
}
