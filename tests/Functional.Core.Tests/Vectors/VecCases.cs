namespace Functional.Core.Tests.Vectors;

/// <summary>Each <see cref="Vec"/> operation beside the same computation written as a loop of scalar
/// operations (the independent reference), as functions of one flat input vector.</summary>
internal static class VecCases
{
    public sealed record Case(string Name, int Inputs, Func<Scalar[], Scalar[]> Vectorised, Func<Scalar[], Scalar[]> Loop, bool Positive = false);

    private static readonly double[,] ConstantW = RandomMatrix(3, 4, 11);
    private static readonly double[,] ConstantB = RandomMatrix(4, 17, 12);

    public static readonly Case[] All =
    [
        new("Dot", 10, x => [Vec.Dot(x[..5], x[5..])], x => [LoopDot(x[..5], x[5..])]),
        new("Sum", 6, x => [Vec.Sum(x)], x => [LoopSum(x)]),
        new("Mean", 6, x => [Vec.Mean(x)], x => [LoopSum(x) / 6]),
        new("SquaredNorm", 6, x => [Vec.SquaredNorm(x)], x => [LoopDot(x, x)]),
        new("Add", 8, x => Vec.Add(x[..4], x[4..]), x => [.. Enumerable.Range(0, 4).Select(i => x[i] + x[4 + i])]),
        new("Subtract", 8, x => Vec.Subtract(x[..4], x[4..]), x => [.. Enumerable.Range(0, 4).Select(i => x[i] - x[4 + i])]),
        new("Multiply", 8, x => Vec.Multiply(x[..4], x[4..]), x => [.. Enumerable.Range(0, 4).Select(i => x[i] * x[4 + i])]),
        new("Scale", 6, x => Vec.Scale(x[0], x[1..]), x => [.. x[1..].Select(v => x[0] * v)]),
        new("MatVec", 16, x => Vec.MatVec(Vec.Reshape(x[..12], 3, 4), x[12..]), x => LoopMatMul(x[..12], x[12..], 3, 4, 1)),
        new("MatVec with double[,]", 4, x => Vec.MatVec(ConstantW, x), x => LoopMatMul(Flat(ConstantW), x, 3, 4, 1)),
        new("MatMul 3x4 by 4x5", 32, x => Vec.Flatten(Vec.MatMul(Vec.Reshape(x[..12], 3, 4), Vec.Reshape(x[12..], 4, 5))), x => LoopMatMul(x[..12], x[12..], 3, 4, 5)),
        new("MatMul 5x3 by 3x17", 66, x => Vec.Flatten(Vec.MatMul(Vec.Reshape(x[..15], 5, 3), Vec.Reshape(x[15..], 3, 17))), x => LoopMatMul(x[..15], x[15..], 5, 3, 17)),
        new("MatMul double[,] by Scalar[,]", 20, x => Vec.Flatten(Vec.MatMul(ConstantW, Vec.Reshape(x, 4, 5))), x => LoopMatMul(Flat(ConstantW), x, 3, 4, 5)),
        new("MatMul Scalar[,] by double[,]", 20, x => Vec.Flatten(Vec.MatMul(Vec.Reshape(x, 5, 4), ConstantB)), x => LoopMatMul(x, Flat(ConstantB), 5, 4, 17)),
        new("AddToRows", 15, x => Vec.Flatten(Vec.AddToRows(Vec.Reshape(x[..12], 4, 3), x[12..])), x => [.. Enumerable.Range(0, 12).Select(i => x[i] + x[12 + i % 3])]),
        new("Map tanh", 5, x => Vec.Map(x, Scalar.Tanh), x => [.. x.Select(Scalar.Tanh)]),
        new("Map closing over an input", 5, x => Vec.Map(x[1..], t => Scalar.Sin(t * x[0])), x => [.. x[1..].Select(t => Scalar.Sin(t * x[0]))]),
        new("Softmax", 5, Vec.Softmax, LoopSoftmax),
        new("LogSoftmax", 5, Vec.LogSoftmax, x => [.. x.Select(v => v - Scalar.Log(LoopSum([.. x.Select(Scalar.Exp)])))]),
        new("LogSumExp", 5, x => [Vec.LogSumExp(x)], x => [Scalar.Log(LoopSum([.. x.Select(Scalar.Exp)]))]),
        new("CrossEntropy", 5, x => [Vec.CrossEntropy(x, 2)], x => [Scalar.Log(LoopSum([.. x.Select(Scalar.Exp)])) - x[2]]),
        new("CrossEntropy of a batch", 12, x => [Vec.CrossEntropy(Vec.Reshape(x, 3, 4), [1, 3, 0])],
            x => [(LoopCrossEntropy(x[..4], 1) + LoopCrossEntropy(x[4..8], 3) + LoopCrossEntropy(x[8..], 0)) / 3]),
        new("Kl", 8, x => [Vec.Kl(x[..4], x[4..])], x => [LoopSum([.. Enumerable.Range(0, 4).Select(i => x[i] * Scalar.Log(x[i] / x[4 + i]))])], Positive: true),
    ];

    public static Scalar LoopDot(Scalar[] a, Scalar[] b)
    {
        Scalar sum = 0;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    public static Scalar LoopSum(Scalar[] a)
    {
        Scalar sum = 0;
        foreach (var v in a) sum += v;
        return sum;
    }

    public static Scalar[] LoopSoftmax(Scalar[] z)
    {
        var e = z.Select(Scalar.Exp).ToArray();
        var total = LoopSum(e);
        return [.. e.Select(v => v / total)];
    }

    public static Scalar LoopCrossEntropy(Scalar[] z, int label) => Scalar.Log(LoopSum([.. z.Select(Scalar.Exp)])) - z[label];

    /// <summary>(m×k)·(k×n), both row-major.</summary>
    public static Scalar[] LoopMatMul(Scalar[] a, Scalar[] b, int m, int k, int n)
    {
        var c = new Scalar[m * n];
        for (var i = 0; i < m; i++)
            for (var j = 0; j < n; j++)
            {
                Scalar sum = 0;
                for (var p = 0; p < k; p++) sum += a[i * k + p] * b[p * n + j];
                c[i * n + j] = sum;
            }
        return c;
    }

    public static Scalar[] Flat(double[,] a) => [.. a.Cast<double>().Select(v => (Scalar)v)];

    public static double[,] RandomMatrix(int rows, int cols, int seed)
    {
        var random = new Random(seed);
        var result = new double[rows, cols];
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < cols; j++)
                result[i, j] = random.NextDouble() * 2 - 1;
        return result;
    }

    public static double[] RandomPoint(Case c, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, c.Inputs).Select(_ => c.Positive ? 0.1 + random.NextDouble() : random.NextDouble() * 4 - 2)];
    }
}
