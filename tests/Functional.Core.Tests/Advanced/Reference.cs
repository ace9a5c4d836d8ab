namespace Functional.Core.Tests.Advanced;

/// <summary>Independent routes to derivatives for the advanced-AD tests.</summary>
internal static class Reference
{
    /// <summary>The gradient by forward mode: one JVP per input.</summary>
    public static Func<Scalar[], Scalar[]> GradFwd(Func<Scalar[], Scalar> f) => x =>
    {
        var row = JacFwd(v => [f(v)])(x);
        return [.. Enumerable.Range(0, x.Length).Select(j => row[0, j])];
    };

    public static Scalar[] S(params double[] x) => [.. x.Select(v => (Scalar)v)];

    public static double[] Values(Scalar[] x) => x.ToDoubles();

    /// <summary>Relative-or-absolute closeness that a wrong derivative cannot pass.</summary>
    public static void Close(double expected, double actual, double tolerance = 1e-12, string? what = null) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance * Math.Max(1, Math.Abs(expected)),
            $"{what ?? "value"}: expected {expected:R}, got {actual:R}");

    public static void Close(double[] expected, double[] actual, double tolerance = 1e-12, string? what = null)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++) Close(expected[i], actual[i], tolerance, $"{what ?? "entry"}[{i}]");
    }

    public static void Close(double[,] expected, double[,] actual, double tolerance = 1e-12, string? what = null)
    {
        Assert.Equal(expected.GetLength(0), actual.GetLength(0));
        Assert.Equal(expected.GetLength(1), actual.GetLength(1));
        for (var i = 0; i < expected.GetLength(0); i++)
            for (var j = 0; j < expected.GetLength(1); j++)
                Close(expected[i, j], actual[i, j], tolerance, $"{what ?? "entry"}[{i},{j}]");
    }

    /// <summary>Same bits, not just close.</summary>
    public static void Identical(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(BitConverter.DoubleToInt64Bits(expected[i]) == BitConverter.DoubleToInt64Bits(actual[i]),
                $"entry {i}: {expected[i]:R} vs {actual[i]:R}");
    }
}
