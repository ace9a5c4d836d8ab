namespace Functional;

public static partial class Vec
{
    /// <summary>W·x for an m×n matrix W and a vector of length n.</summary>
    /// <exception cref="ArgumentException">x's length differs from W's number of columns.</exception>
    public static Scalar[] MatVec(Scalar[,] W, Scalar[] x)
    {
        ArgumentNullException.ThrowIfNull(W);
        ArgumentNullException.ThrowIfNull(x);
        CheckMatVec(W.GetLength(0), W.GetLength(1), x.Length);
        return MatrixProduct.Apply(new MatrixOperand(Flat(W), false), new MatrixOperand(x, false), W.GetLength(0), W.GetLength(1), 1);
    }

    /// <summary>W·x for a constant m×n matrix W (read, not copied) and a vector of length n.</summary>
    /// <exception cref="ArgumentException">x's length differs from W's number of columns.</exception>
    public static Scalar[] MatVec(double[,] W, Scalar[] x)
    {
        ArgumentNullException.ThrowIfNull(W);
        ArgumentNullException.ThrowIfNull(x);
        CheckMatVec(W.GetLength(0), W.GetLength(1), x.Length);
        return MatrixProduct.Apply(new MatrixOperand(W, false), new MatrixOperand(x, false), W.GetLength(0), W.GetLength(1), 1);
    }

    /// <summary>The matrix product A·B (m×k times k×n).</summary>
    /// <exception cref="ArgumentException">A's number of columns differs from B's number of rows.</exception>
    public static Scalar[,] MatMul(Scalar[,] A, Scalar[,] B)
    {
        ArgumentNullException.ThrowIfNull(A);
        ArgumentNullException.ThrowIfNull(B);
        var (m, k, n) = CheckMatMul(A.GetLength(0), A.GetLength(1), B.GetLength(0), B.GetLength(1));
        return ToMatrix(MatrixProduct.Apply(new MatrixOperand(Flat(A), false), new MatrixOperand(Flat(B), false), m, k, n), m, n);
    }

    /// <summary>The matrix product A·B of a constant A (read, not copied) and B.</summary>
    /// <exception cref="ArgumentException">A's number of columns differs from B's number of rows.</exception>
    public static Scalar[,] MatMul(double[,] A, Scalar[,] B)
    {
        ArgumentNullException.ThrowIfNull(A);
        ArgumentNullException.ThrowIfNull(B);
        var (m, k, n) = CheckMatMul(A.GetLength(0), A.GetLength(1), B.GetLength(0), B.GetLength(1));
        return ToMatrix(MatrixProduct.Apply(new MatrixOperand(A, false), new MatrixOperand(Flat(B), false), m, k, n), m, n);
    }

    /// <summary>The matrix product A·B of A and a constant B (read, not copied).</summary>
    /// <exception cref="ArgumentException">A's number of columns differs from B's number of rows.</exception>
    public static Scalar[,] MatMul(Scalar[,] A, double[,] B)
    {
        ArgumentNullException.ThrowIfNull(A);
        ArgumentNullException.ThrowIfNull(B);
        var (m, k, n) = CheckMatMul(A.GetLength(0), A.GetLength(1), B.GetLength(0), B.GetLength(1));
        return ToMatrix(MatrixProduct.Apply(new MatrixOperand(Flat(A), false), new MatrixOperand(B, false), m, k, n), m, n);
    }

    /// <summary>The matrix product A·B of two constant matrices (as constants, for code that mixes them
    /// with differentiated ones).</summary>
    /// <exception cref="ArgumentException">A's number of columns differs from B's number of rows.</exception>
    public static Scalar[,] MatMul(double[,] A, double[,] B)
    {
        ArgumentNullException.ThrowIfNull(A);
        ArgumentNullException.ThrowIfNull(B);
        var (m, k, n) = CheckMatMul(A.GetLength(0), A.GetLength(1), B.GetLength(0), B.GetLength(1));
        return ToMatrix(MatrixProduct.Apply(new MatrixOperand(A, false), new MatrixOperand(B, false), m, k, n), m, n);
    }

    /// <summary>A + 1·bᵀ: b (one entry per column) added to every row of A, e.g. a layer's bias
    /// added to a batch of pre-activations.</summary>
    /// <exception cref="ArgumentException">b's length differs from A's number of columns.</exception>
    public static Scalar[,] AddToRows(Scalar[,] A, Scalar[] b)
    {
        ArgumentNullException.ThrowIfNull(A);
        ArgumentNullException.ThrowIfNull(b);
        int m = A.GetLength(0), n = A.GetLength(1);
        if (b.Length != n)
            throw new ArgumentException($"AddToRows: the row vector has {b.Length} entries but the matrix has {n} columns", nameof(b));
        return ToMatrix(AddToRowsCore(Flat(A), b, m, n), m, n);
    }

    /// <summary>The mean cross-entropy of a batch: row i of <paramref name="logits"/> against class
    /// <paramref name="labels"/>[i] (see <see cref="CrossEntropy(Scalar[], int)"/>), as one operation.</summary>
    /// <exception cref="ArgumentException">The number of labels differs from the number of rows, or a
    /// label is not a column index.</exception>
    public static Scalar CrossEntropy(Scalar[,] logits, int[] labels)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(labels);
        int m = logits.GetLength(0), n = logits.GetLength(1);
        if (labels.Length != m)
            throw new ArgumentException($"CrossEntropy: {labels.Length} labels for {m} rows of logits", nameof(labels));
        if (m == 0 || n == 0) throw new ArgumentException("CrossEntropy: the logits are empty", nameof(logits));
        foreach (var label in labels) CheckLabel(label, n);
        var classes = (int[])labels.Clone();
        return ArrayOpDispatch.Apply(new ArrayOp("batch cross-entropy", m * n, 1)
        {
            Value = (x, y) =>
            {
                var sum = 0.0;
                for (var i = 0; i < m; i++) sum += LogSumExpOf(x.Slice(i * n, n)) - x[i * n + classes[i]];
                y[0] = sum / m;
            },
            PullbackDoubles = (x, y, dy, dx) =>
            {
                for (var i = 0; i < m; i++) AddCrossEntropyGradient(x.Slice(i * n, n), classes[i], dy[0] / m, dx.Slice(i * n, n));
            },
            PullbackScalars = (x, y, dy, dx) =>
            {
                var g = dy[0] / m;
                for (var i = 0; i < m; i++)
                {
                    var r = ScaleCore(g, SoftmaxCore(x.Slice(i * n, n)));
                    r[classes[i]] -= g;
                    Accumulate(dx.Slice(i * n, n), r);
                }
            },
            Forward = (x, y, dx, dy) =>
            {
                Scalar sum = 0;
                for (var i = 0; i < m; i++)
                    sum += DotCore(SoftmaxCore(x.Slice(i * n, n)), dx.Slice(i * n, n)) - dx[i * n + classes[i]];
                dy[0] = sum / m;
            },
        }, Flat(logits))[0];
    }

    /// <summary>A rows×cols matrix holding <paramref name="values"/> in row-major order (copied), e.g.
    /// a weight matrix cut out of a flat parameter vector.</summary>
    /// <exception cref="ArgumentException">values does not have rows·cols entries.</exception>
    public static Scalar[,] Reshape(ReadOnlySpan<Scalar> values, int rows, int cols)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(cols);
        if (values.Length != (long)rows * cols)
            throw new ArgumentException($"Reshape: {values.Length} values cannot fill a {rows}×{cols} matrix", nameof(values));
        return ToMatrix(values, rows, cols);
    }

    /// <summary>The entries of a matrix in row-major order (copied).</summary>
    public static Scalar[] Flatten(Scalar[,] A)
    {
        ArgumentNullException.ThrowIfNull(A);
        return Flat(A).ToArray();
    }

    internal static Scalar[] AddToRowsCore(ReadOnlySpan<Scalar> a, ReadOnlySpan<Scalar> b, int m, int n)
    {
        return ArrayOpDispatch.Apply(new ArrayOp("add to rows", m * n + n, m * n)
        {
            Value = (x, y) =>
            {
                for (var i = 0; i < m; i++) System.Numerics.Tensors.TensorPrimitives.Add(x.Slice(i * n, n), x[(m * n)..], y.Slice(i * n, n));
            },
            PullbackDoubles = (x, y, dy, dx) =>
            {
                System.Numerics.Tensors.TensorPrimitives.Add(dx[..(m * n)], dy, dx[..(m * n)]);
                var db = dx[(m * n)..];
                for (var i = 0; i < m; i++) System.Numerics.Tensors.TensorPrimitives.Add(db, dy.Slice(i * n, n), db);
            },
            PullbackScalars = (x, y, dy, dx) =>
            {
                Accumulate(dx[..(m * n)], dy);
                var ones = new double[1, m];
                for (var i = 0; i < m; i++) ones[0, i] = 1;
                Accumulate(dx[(m * n)..], MatrixProduct.Apply(new MatrixOperand(ones, false), new MatrixOperand(dy, false), 1, m, n));
            },
            Forward = (x, y, dx, dy) => AddToRowsCore(dx[..(m * n)], dx[(m * n)..], m, n).CopyTo(dy),
        }, a, b);
    }

    private static void CheckMatVec(int rows, int cols, int length)
    {
        if (cols != length)
            throw new ArgumentException($"MatVec: the matrix is {rows}×{cols} but the vector has {length} entries (it needs {cols})");
    }

    private static (int M, int K, int N) CheckMatMul(int rowsA, int colsA, int rowsB, int colsB)
    {
        if (colsA != rowsB)
            throw new ArgumentException($"MatMul: cannot multiply a {rowsA}×{colsA} matrix by a {rowsB}×{colsB} matrix (the inner sizes {colsA} and {rowsB} differ)");
        return (rowsA, colsA, colsB);
    }
}
