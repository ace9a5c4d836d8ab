using System.Numerics.Tensors;

namespace Functional;

public static partial class Vec
{
    /// <summary>a·b = Σ aᵢbᵢ.</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static Scalar Dot(Scalar[] a, Scalar[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return DotCore(a, b);
    }

    /// <summary>Σ aᵢ.</summary>
    public static Scalar Sum(Scalar[] a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return SumCore(a);
    }

    /// <summary>(Σ aᵢ)/n.</summary>
    /// <exception cref="ArgumentException">a is empty.</exception>
    public static Scalar Mean(Scalar[] a)
    {
        ArgumentNullException.ThrowIfNull(a);
        CheckNotEmpty(a, "Mean", nameof(a));
        var n = a.Length;
        return ArrayOpDispatch.Apply(new ArrayOp("mean", n, 1)
        {
            Value = (x, y) => y[0] = TensorPrimitives.Sum(x) / n,
            PullbackDoubles = (x, y, dy, dx) => TensorPrimitives.Add(dx, dy[0] / n, dx),
            PullbackScalars = (x, y, dy, dx) => Accumulate(dx, Fill(dy[0] / n, n)),
            Forward = (x, y, dx, dy) => dy[0] = SumCore(dx) / n,
        }, a)[0];
    }

    /// <summary>‖a‖² = Σ aᵢ².</summary>
    public static Scalar SquaredNorm(Scalar[] a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var n = a.Length;
        return ArrayOpDispatch.Apply(new ArrayOp("squared norm", n, 1)
        {
            Value = (x, y) => y[0] = TensorPrimitives.SumOfSquares(x),
            PullbackDoubles = (x, y, dy, dx) => DenseKernels.Axpy(2 * dy[0], x, dx),
            PullbackScalars = (x, y, dy, dx) => Accumulate(dx, ScaleCore(2 * dy[0], x)),
            Forward = (x, y, dx, dy) => dy[0] = 2 * DotCore(x, dx),
        }, a)[0];
    }

    internal static Scalar DotCore(ReadOnlySpan<Scalar> a, ReadOnlySpan<Scalar> b)
    {
        CheckSameLength(a, b, "Dot");
        var n = a.Length;
        return ArrayOpDispatch.Apply(new ArrayOp("dot", 2 * n, 1)
        {
            Value = (x, y) => y[0] = TensorPrimitives.Dot(x[..n], x[n..]),
            PullbackDoubles = (x, y, dy, dx) =>
            {
                DenseKernels.Axpy(dy[0], x[n..], dx[..n]);
                DenseKernels.Axpy(dy[0], x[..n], dx[n..]);
            },
            PullbackScalars = (x, y, dy, dx) =>
            {
                Accumulate(dx[..n], ScaleCore(dy[0], x[n..]));
                Accumulate(dx[n..], ScaleCore(dy[0], x[..n]));
            },
            Forward = (x, y, dx, dy) => dy[0] = DotCore(dx[..n], x[n..]) + DotCore(x[..n], dx[n..]),
        }, a, b)[0];
    }

    internal static Scalar SumCore(ReadOnlySpan<Scalar> a)
    {
        var n = a.Length;
        return ArrayOpDispatch.Apply(new ArrayOp("sum", n, 1)
        {
            Value = (x, y) => y[0] = TensorPrimitives.Sum(x),
            PullbackDoubles = (x, y, dy, dx) => TensorPrimitives.Add(dx, dy[0], dx),
            PullbackScalars = (x, y, dy, dx) => Accumulate(dx, Fill(dy[0], n)),
            Forward = (x, y, dx, dy) => dy[0] = SumCore(dx),
        }, a)[0];
    }
}
