namespace Functional.Benchmarks;

/// <summary>The input points the workloads share, so every benchmark of one function runs at the same point.</summary>
internal static class BenchmarkPoints
{
    /// <summary>n values uniform in [−1, 1), from a fixed seed.</summary>
    public static double[] Uniform(int n)
    {
        var random = new Random(1);
        return [.. Enumerable.Range(0, n).Select(_ => random.NextDouble() * 2 - 1)];
    }
}
