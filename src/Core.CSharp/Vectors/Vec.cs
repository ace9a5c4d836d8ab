using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Functional;

/// <summary>
/// Whole-array operations on <see cref="Scalar"/> vectors and matrices. Each call is one operation
/// for every differentiation: one tape entry with array partials in reverse mode (its backward
/// step runs loops over plain doubles) and one forward rule, so a layer of a network costs a few
/// array operations rather than one node per multiply-add. They nest like every other operation
/// (Hessians, Hessian-vector products, derivatives of gradients).
/// </summary>
/// <remarks>
/// Matrices are row-major <c>Scalar[,]</c> or <c>double[,]</c>; a <c>double[,]</c> operand is a
/// constant and is read, not copied, so do not change it while a differentiation that used it runs.
/// Wrong shapes and nulls throw <see cref="ArgumentException"/>/<see cref="ArgumentNullException"/>.
/// </remarks>
public static partial class Vec
{
    /// <summary>The elements of a matrix in row-major order, without copying.</summary>
    internal static ReadOnlySpan<T> Flat<T>(T[,] matrix) =>
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<byte, T>(ref MemoryMarshal.GetArrayDataReference(matrix)), matrix.Length);

    /// <summary>A rows×cols matrix filled from <paramref name="values"/> in row-major order.</summary>
    internal static Scalar[,] ToMatrix(ReadOnlySpan<Scalar> values, int rows, int cols)
    {
        var result = new Scalar[rows, cols];
        values[..(rows * cols)].CopyTo(MemoryMarshal.CreateSpan(ref Unsafe.As<byte, Scalar>(ref MemoryMarshal.GetArrayDataReference(result)), result.Length));
        return result;
    }

    /// <summary>a followed by b.</summary>
    internal static Scalar[] Concat(ReadOnlySpan<Scalar> a, ReadOnlySpan<Scalar> b)
    {
        var result = new Scalar[a.Length + b.Length];
        a.CopyTo(result);
        b.CopyTo(result.AsSpan(a.Length));
        return result;
    }

    /// <summary>n copies of s.</summary>
    internal static Scalar[] Fill(Scalar s, int n)
    {
        var result = new Scalar[n];
        Array.Fill(result, s);
        return result;
    }

    /// <summary>target += r, as one <see cref="Add(Scalar[], Scalar[])"/> operation (or a copy when
    /// target is still all zero constants, as it is at the start of a pullback).</summary>
    internal static void Accumulate(Span<Scalar> target, ReadOnlySpan<Scalar> r)
    {
        var zero = true;
        foreach (var t in target)
            if (!t.IsConstant || t.Primal != 0) { zero = false; break; }
        if (zero) r.CopyTo(target);
        else AddCore(target, r).CopyTo(target);
    }

    internal static bool IsConstantZero(Scalar s) => s.IsConstant && s.Primal == 0;

    private static void CheckSameLength(ReadOnlySpan<Scalar> a, ReadOnlySpan<Scalar> b, string operation)
    {
        if (a.Length != b.Length)
            throw new ArgumentException($"{operation}: the vectors have different lengths ({a.Length} and {b.Length})");
    }

    private static void CheckNotEmpty(ReadOnlySpan<Scalar> a, string operation, string name)
    {
        if (a.Length == 0) throw new ArgumentException($"{operation}: {name} is empty", name);
    }
}
