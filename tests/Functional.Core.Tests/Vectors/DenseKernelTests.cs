namespace Functional.Core.Tests.Vectors;

/// <summary>The blocked matrix kernel against a triple loop, for every transposition and shapes that hit
/// each code path (full register tiles, leftover rows and columns, vectors, depth beyond one block).</summary>
public class DenseKernelTests
{
    public static TheoryData<int, int, int> Shapes() => new()
    {
        { 1, 1, 1 }, { 1, 7, 9 }, { 9, 7, 1 }, { 4, 3, 16 }, { 5, 3, 17 }, { 7, 300, 37 }, { 13, 9, 70 }, { 64, 40, 128 }, { 3, 513, 5 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Product_equals_a_triple_loop_for_every_transposition(int m, int k, int n)
    {
        var random = new Random(m * 1000 + k * 10 + n);
        var a = random.NextDoubles(m * k);
        var b = random.NextDoubles(k * n);
        var expected = new double[m * n];
        for (var i = 0; i < m; i++)
            for (var j = 0; j < n; j++)
                for (var p = 0; p < k; p++)
                    expected[i * n + j] += a[i * k + p] * b[p * n + j];
        var start = random.NextDoubles(m * n);
        foreach (var (transA, transB) in new[] { (false, false), (true, false), (false, true), (true, true) })
        {
            var storedA = transA ? Transpose(a, m, k) : a;
            var storedB = transB ? Transpose(b, k, n) : b;
            var c = (double[])start.Clone();
            DenseKernels.Product(storedA, transA, storedB, transB, c, m, k, n);
            for (var i = 0; i < c.Length; i++)
                Assert.True(Math.Abs(start[i] + expected[i] - c[i]) < 1e-12 * Math.Max(1, k),
                    $"{m}×{k}·{k}×{n} (transA {transA}, transB {transB}) at {i}: {c[i]} vs {start[i] + expected[i]}");
        }
    }

    private static double[] Transpose(double[] a, int rows, int cols)
    {
        var t = new double[a.Length];
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < cols; j++)
                t[j * rows + i] = a[i * cols + j];
        return t;
    }
}
