using static Functional.Cli.NumberFormat;

namespace Functional.Cli;

/// <summary><c>--check</c>: whether a result can be trusted by a script.</summary>
internal static class Check
{
    /// <summary>Why the result fails the check, or null when it passes: the value or any derivative
    /// of any method is NaN or infinite, or two methods differ by more than <paramref name="tolerance"/>
    /// relative to max(|a|, |b|, 1).</summary>
    public static string? FirstFailure(FourWayResult r, double tolerance)
    {
        var names = r.Point.Names;
        if (!double.IsFinite(r.Value)) return $"the value is {Full(r.Value)}";
        var n = names.Length;
        return Failure([.. r.Gradient.Methods], c => $"d/d{names[c]}", tolerance)
            ?? (r.Hessian is { } h ? Failure(Disagreement.Flatten(h.Methods), c => $"d2/d{names[c / n]}d{names[c % n]}", tolerance) : null);
    }

    private static string? Failure(IReadOnlyList<(string Method, double[] Values)> methods, Func<int, string> component, double tolerance)
    {
        foreach (var (method, values) in methods)
            for (var k = 0; k < values.Length; k++)
                if (!double.IsFinite(values[k]))
                    return $"{method} gives {Full(values[k])} at {component(k)}";
        if (Disagreement.Largest(methods) is { } d && d.Relative > tolerance)
            return $"{d.MethodA} gives {Full(d.A)} and {d.MethodB} gives {Full(d.B)} at {component(d.Component)}: "
                + $"relative difference {Short(d.Relative)} exceeds the tolerance {Full(tolerance)}";
        return null;
    }
}
