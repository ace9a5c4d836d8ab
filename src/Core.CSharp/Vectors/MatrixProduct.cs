using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Functional;

/// <summary>One operand of a matrix product: either a constant (a <c>double[]</c> or <c>double[,]</c>
/// that is read, not copied) or <see cref="Scalar"/> values that are inputs of the op; stored
/// row-major, possibly as its transpose.</summary>
internal readonly ref struct MatrixOperand
{
    public readonly Array? Constant;
    public readonly ReadOnlySpan<Scalar> Values;
    public readonly bool Transposed;

    public MatrixOperand(Array constant, bool transposed) { Constant = constant; Values = default; Transposed = transposed; }

    public MatrixOperand(ReadOnlySpan<Scalar> values, bool transposed) { Constant = null; Values = values; Transposed = transposed; }

    public bool IsConstant => Constant is not null;

    public static ReadOnlySpan<double> Doubles(Array constant) =>
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<byte, double>(ref MemoryMarshal.GetArrayDataReference(constant)), constant.Length);
}

/// <summary>
/// C = op(A)·op(B) as one op (m×k times k×n): the value by the blocked kernel, the pullback
/// dA += dC·op(B)ᵀ, dB += op(A)ᵀ·dC (only for operands that are not constants), and the forward rule
/// dC = op(dA)·op(B) + op(A)·op(dB), both written as further matrix products so that they nest.
/// </summary>
internal static class MatrixProduct
{
    public static Scalar[] Apply(MatrixOperand a, MatrixOperand b, int m, int k, int n)
    {
        var constA = a.Constant;
        var constB = b.Constant;
        bool transA = a.Transposed, transB = b.Transposed;
        int lengthA = constA is null ? m * k : 0, lengthB = constB is null ? k * n : 0;
        var op = new ArrayOp("matrix product", lengthA + lengthB, m * n)
        {
            Value = (x, y) =>
            {
                y.Clear();
                DenseKernels.Product(A(x), transA, B(x), transB, y, m, k, n);
            },
            PullbackDoubles = (x, y, dC, dx) =>
            {
                if (constA is null)
                {
                    var dA = dx[..lengthA];
                    if (!transA) DenseKernels.Product(dC, false, B(x), !transB, dA, m, n, k);
                    else DenseKernels.Product(B(x), transB, dC, true, dA, k, n, m);
                }
                if (constB is null)
                {
                    var dB = dx[lengthA..];
                    if (!transB) DenseKernels.Product(A(x), !transA, dC, false, dB, k, m, n);
                    else DenseKernels.Product(dC, true, A(x), transA, dB, n, m, k);
                }
            },
            PullbackScalars = (x, y, dC, dx) =>
            {
                var c = new MatrixOperand(dC, false);
                if (constA is null)
                    Vec.Accumulate(dx[..lengthA], !transA
                        ? Apply(c, Operand(x, constB, lengthA, !transB), m, n, k)
                        : Apply(Operand(x, constB, lengthA, transB), new MatrixOperand(dC, true), k, n, m));
                if (constB is null)
                    Vec.Accumulate(dx[lengthA..], !transB
                        ? Apply(OperandA(x, constA, lengthA, !transA), c, k, m, n)
                        : Apply(new MatrixOperand(dC, true), OperandA(x, constA, lengthA, transA), n, m, k));
            },
            Forward = (x, y, dx, dC) =>
            {
                Scalar[]? sum = null;
                if (constA is null)
                    sum = Apply(new MatrixOperand(dx[..lengthA], transA), Operand(x, constB, lengthA, transB), m, k, n);
                if (constB is null)
                {
                    var term = Apply(OperandA(x, constA, lengthA, transA), new MatrixOperand(dx[lengthA..], transB), m, k, n);
                    sum = sum is null ? term : Vec.AddCore(sum, term);
                }
                sum.AsSpan().CopyTo(dC);
            },
        };
        return constA is not null ? ArrayOpDispatch.Apply(op, b.Values) : ArrayOpDispatch.Apply(op, a.Values, b.Values);

        ReadOnlySpan<double> A(ReadOnlySpan<double> x) => constA is null ? x[..lengthA] : MatrixOperand.Doubles(constA);
        ReadOnlySpan<double> B(ReadOnlySpan<double> x) => constB is null ? x[lengthA..] : MatrixOperand.Doubles(constB);
    }

    private static MatrixOperand OperandA(ReadOnlySpan<Scalar> x, Array? constant, int length, bool transposed) =>
        constant is null ? new MatrixOperand(x[..length], transposed) : new MatrixOperand(constant, transposed);

    private static MatrixOperand Operand(ReadOnlySpan<Scalar> x, Array? constant, int offset, bool transposed) =>
        constant is null ? new MatrixOperand(x[offset..], transposed) : new MatrixOperand(constant, transposed);
}
