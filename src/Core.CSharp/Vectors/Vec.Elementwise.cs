using System.Numerics.Tensors;

namespace Functional;

public static partial class Vec
{
    /// <summary>a + b, elementwise.</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static Scalar[] Add(Scalar[] a, Scalar[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return AddCore(a, b);
    }

    /// <summary>a − b, elementwise.</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static Scalar[] Subtract(Scalar[] a, Scalar[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return SubtractCore(a, b);
    }

    /// <summary>a ⊙ b, the elementwise (Hadamard) product.</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static Scalar[] Multiply(Scalar[] a, Scalar[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return MultiplyCore(a, b);
    }

    /// <summary>s·a.</summary>
    public static Scalar[] Scale(Scalar s, Scalar[] a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return ScaleCore(s, a);
    }

    /// <summary>f applied to every element: f may be any function of one <see cref="Scalar"/>
    /// (e.g. <see cref="Scalar.Tanh"/>), including one that closes over values being differentiated.</summary>
    /// <remarks>Under first-order reverse mode the whole map is one tape entry (f runs once per element
    /// on a dual number that yields its value and derivative together); when f closes over a value being
    /// differentiated, and in the other modes, f is applied per element as ordinary scalar operations.</remarks>
    public static Scalar[] Map(Scalar[] a, Func<Scalar, Scalar> f)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(f);
        return ElementwiseMap.Apply(a, f);
    }

    /// <summary>f applied to every element of a matrix (see <see cref="Map(Scalar[], Func{Scalar, Scalar})"/>).</summary>
    public static Scalar[,] Map(Scalar[,] a, Func<Scalar, Scalar> f)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(f);
        return ToMatrix(ElementwiseMap.Apply(Flat(a), f), a.GetLength(0), a.GetLength(1));
    }

    internal static Scalar[] AddCore(ReadOnlySpan<Scalar> a, ReadOnlySpan<Scalar> b)
    {
        CheckSameLength(a, b, "Add");
        var n = a.Length;
        return ArrayOpDispatch.Apply(new ArrayOp("add", 2 * n, n)
        {
            Value = (x, y) => TensorPrimitives.Add(x[..n], x[n..], y),
            PullbackDoubles = (x, y, dy, dx) =>
            {
                TensorPrimitives.Add(dx[..n], dy, dx[..n]);
                TensorPrimitives.Add(dx[n..], dy, dx[n..]);
            },
            PullbackScalars = (x, y, dy, dx) =>
            {
                Accumulate(dx[..n], dy);
                Accumulate(dx[n..], dy);
            },
            Forward = (x, y, dx, dy) => AddCore(dx[..n], dx[n..]).CopyTo(dy),
        }, a, b);
    }

    internal static Scalar[] SubtractCore(ReadOnlySpan<Scalar> a, ReadOnlySpan<Scalar> b)
    {
        CheckSameLength(a, b, "Subtract");
        var n = a.Length;
        return ArrayOpDispatch.Apply(new ArrayOp("subtract", 2 * n, n)
        {
            Value = (x, y) => TensorPrimitives.Subtract(x[..n], x[n..], y),
            PullbackDoubles = (x, y, dy, dx) =>
            {
                TensorPrimitives.Add(dx[..n], dy, dx[..n]);
                TensorPrimitives.Subtract(dx[n..], dy, dx[n..]);
            },
            PullbackScalars = (x, y, dy, dx) =>
            {
                Accumulate(dx[..n], dy);
                Accumulate(dx[n..], ScaleCore(-1.0, dy));
            },
            Forward = (x, y, dx, dy) => SubtractCore(dx[..n], dx[n..]).CopyTo(dy),
        }, a, b);
    }

    internal static Scalar[] MultiplyCore(ReadOnlySpan<Scalar> a, ReadOnlySpan<Scalar> b)
    {
        CheckSameLength(a, b, "Multiply");
        var n = a.Length;
        return ArrayOpDispatch.Apply(new ArrayOp("multiply", 2 * n, n)
        {
            Value = (x, y) => TensorPrimitives.Multiply(x[..n], x[n..], y),
            PullbackDoubles = (x, y, dy, dx) =>
            {
                TensorPrimitives.MultiplyAdd(dy, x[n..], dx[..n], dx[..n]);
                TensorPrimitives.MultiplyAdd(dy, x[..n], dx[n..], dx[n..]);
            },
            PullbackScalars = (x, y, dy, dx) =>
            {
                Accumulate(dx[..n], MultiplyCore(dy, x[n..]));
                Accumulate(dx[n..], MultiplyCore(dy, x[..n]));
            },
            Forward = (x, y, dx, dy) => AddCore(MultiplyCore(dx[..n], x[n..]), MultiplyCore(x[..n], dx[n..])).CopyTo(dy),
        }, a, b);
    }

    internal static Scalar[] ScaleCore(Scalar s, ReadOnlySpan<Scalar> a)
    {
        var n = a.Length;
        return ArrayOpDispatch.Apply(new ArrayOp("scale", n + 1, n)
        {
            Value = (x, y) => TensorPrimitives.Multiply(x[1..], x[0], y),
            PullbackDoubles = (x, y, dy, dx) =>
            {
                dx[0] += TensorPrimitives.Dot(dy, x[1..]);
                DenseKernels.Axpy(x[0], dy, dx[1..]);
            },
            PullbackScalars = (x, y, dy, dx) =>
            {
                dx[0] += DotCore(dy, x[1..]);
                Accumulate(dx[1..], ScaleCore(x[0], dy));
            },
            Forward = (x, y, dx, dy) => AddCore(ScaleCore(dx[0], x[1..]), ScaleCore(x[0], dx[1..])).CopyTo(dy),
        }, [s], a);
    }
}
