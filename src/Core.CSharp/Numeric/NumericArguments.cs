namespace Functional.Numeric;

/// <summary>Validation shared by the numeric entry points; messages name the problem and the fix.</summary>
internal static class NumericArguments
{
    public static void CheckPoint(double x, string name = "x")
    {
        if (!double.IsFinite(x))
            throw new ArgumentException($"{name} is {Describe(x)}; numeric differentiation needs a finite point", name);
    }

    public static void CheckPoint(double[]? x, string name = "x")
    {
        ArgumentNullException.ThrowIfNull(x, name);
        if (x.Length == 0)
            throw new ArgumentException($"{name} is empty; pass at least one coordinate to differentiate at", name);
        for (var i = 0; i < x.Length; i++)
            if (!double.IsFinite(x[i]))
                throw new ArgumentException($"{name}[{i}] is {Describe(x[i])}; numeric differentiation needs a finite point", name);
    }

    public static void CheckStep(double? step, string name = "step")
    {
        if (step is double h && !(h > 0 && double.IsFinite(h)))
            throw new ArgumentOutOfRangeException(name, h, $"the step must be a positive finite number (or null for the default), but it is {h}");
    }

    public static void CheckScheme(DifferenceScheme scheme, string name = "scheme")
    {
        if (!Enum.IsDefined(scheme))
            throw new ArgumentOutOfRangeException(name, scheme, $"{(int)scheme} is not a {nameof(DifferenceScheme)}; use Forward, Central or Richardson");
    }

    public static double[] CheckOutput(double[]? y, int? expectedLength, string what = "the function")
    {
        if (y is null)
            throw new ArgumentException($"{what} returned null instead of an array", "f");
        if (expectedLength is int m && y.Length != m)
            throw new ArgumentException($"{what} returned {y.Length} values at one point and {m} at another; its output length must not depend on the input", "f");
        return y;
    }

    private static string Describe(double x) =>
        double.IsNaN(x) ? "NaN" : x > 0 ? "+∞" : "−∞";
}
