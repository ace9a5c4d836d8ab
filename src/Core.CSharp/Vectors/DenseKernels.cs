using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Functional;

/// <summary>
/// Dense linear algebra on row-major double spans: the inner loops of <see cref="Vec"/>. The matrix
/// product is blocked (a strip of columns of B and a block of its rows stay in L1) around a register
/// kernel of fused multiply-adds: 4×32 with AVX-512, 4×16 with 256-bit vectors, then plain loops for the
/// leftover columns. Vector operations use <see cref="TensorPrimitives"/>.
/// </summary>
internal static class DenseKernels
{
    private const int DepthBlock = 256;
    /// <summary>Rows of B per block for the 32-column strips of the AVX-512 kernel (32 KB of B).</summary>
    private const int WideDepthBlock = 128;

    /// <summary>c (m×n) += op(a) (m×k) · op(b) (k×n), where op transposes when asked: a transposed
    /// is stored k×m, b transposed is stored n×k.</summary>
    public static void Product(ReadOnlySpan<double> a, bool transA, ReadOnlySpan<double> b, bool transB, Span<double> c, int m, int k, int n)
    {
        if (n == 1)
        {
            if (!transA) // c[i] += a[i,:]·b
                for (var i = 0; i < m; i++) c[i] += TensorPrimitives.Dot(a.Slice(i * k, k), b[..k]);
            else // c += Σ_p b[p]·a[p,:]
                for (var p = 0; p < k; p++) Axpy(b[p], a.Slice(p * m, m), c[..m]);
            return;
        }
        if (m == 1)
        {
            if (!transB) // c += Σ_p a[p]·b[p,:]
                for (var p = 0; p < k; p++) Axpy(a[p], b.Slice(p * n, n), c[..n]);
            else // c[j] += b[j,:]·a
                for (var j = 0; j < n; j++) c[j] += TensorPrimitives.Dot(b.Slice(j * k, k), a[..k]);
            return;
        }
        double[]? leftBuffer = transA ? Transpose(a, k, m) : null;
        double[]? rightBuffer = transB ? Transpose(b, n, k) : null;
        MultiplyAdd(leftBuffer is null ? a : leftBuffer.AsSpan(0, m * k), rightBuffer is null ? b : rightBuffer.AsSpan(0, k * n), c, m, k, n);
        if (leftBuffer is not null) ArrayPool<double>.Shared.Return(leftBuffer);
        if (rightBuffer is not null) ArrayPool<double>.Shared.Return(rightBuffer);
    }

    /// <summary>y += s·x.</summary>
    public static void Axpy(double s, ReadOnlySpan<double> x, Span<double> y)
    {
        if (s == 0) return;
        TensorPrimitives.MultiplyAdd(x, s, y, y);
    }

    /// <summary>The transpose of a rows×cols matrix, in an array rented from the shared pool (return it).</summary>
    private static double[] Transpose(ReadOnlySpan<double> a, int rows, int cols)
    {
        var t = ArrayPool<double>.Shared.Rent(rows * cols);
        const int tile = 32;
        for (var i0 = 0; i0 < rows; i0 += tile)
            for (var j0 = 0; j0 < cols; j0 += tile)
            {
                int iEnd = Math.Min(i0 + tile, rows), jEnd = Math.Min(j0 + tile, cols);
                for (var i = i0; i < iEnd; i++)
                    for (var j = j0; j < jEnd; j++)
                        t[j * rows + i] = a[i * cols + j];
            }
        return t;
    }

    /// <summary>c (m×n) += a (m×k) · b (k×n), all row-major.</summary>
    public static void MultiplyAdd(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int m, int k, int n)
    {
        if (a.Length < m * k || b.Length < k * n || c.Length < m * n)
            throw new ArgumentException("matrix product: a span is shorter than its shape");
        ref var a0 = ref MemoryMarshal.GetReference(a);
        ref var b0 = ref MemoryMarshal.GetReference(b);
        ref var c0 = ref MemoryMarshal.GetReference(c);
        var j = 0;
        if (Vector512.IsHardwareAccelerated)
            for (; j + 32 <= n; j += 32)
                for (var p0 = 0; p0 < k; p0 += WideDepthBlock)
                {
                    var depth = Math.Min(WideDepthBlock, k - p0);
                    var i = 0;
                    for (; i + 4 <= m; i += 4) Kernel4x32(ref a0, ref b0, ref c0, i, j, p0, depth, k, n);
                    for (; i < m; i++) Kernel1x4(ref a0, ref b0, ref c0, i, j, p0, depth, k, n, 8);
                }
        if (Vector256.IsHardwareAccelerated)
        {
            for (; j + 16 <= n; j += 16)
                for (var p0 = 0; p0 < k; p0 += DepthBlock)
                {
                    var depth = Math.Min(DepthBlock, k - p0);
                    var i = 0;
                    for (; i + 4 <= m; i += 4) Kernel4x16(ref a0, ref b0, ref c0, i, j, p0, depth, k, n);
                    for (; i < m; i++) Kernel1x4(ref a0, ref b0, ref c0, i, j, p0, depth, k, n, 4);
                }
            for (; j + 4 <= n; j += 4)
                for (var i = 0; i < m; i++) Kernel1x4(ref a0, ref b0, ref c0, i, j, 0, k, k, n, 1);
        }
        for (; j < n; j++)
            for (var i = 0; i < m; i++)
            {
                var sum = 0.0;
                for (var p = 0; p < k; p++) sum += Unsafe.Add(ref a0, i * k + p) * Unsafe.Add(ref b0, p * n + j);
                Unsafe.Add(ref c0, i * n + j) += sum;
            }
    }

    /// <summary>c[i..i+4, j..j+16] += a[i..i+4, p0..p0+depth] · b[p0..p0+depth, j..j+16], in 16 registers.</summary>
    private static void Kernel4x16(ref double a0, ref double b0, ref double c0, int i, int j, int p0, int depth, int k, int n)
    {
        ref var c1 = ref Unsafe.Add(ref c0, i * n + j);
        ref var c2 = ref Unsafe.Add(ref c1, n);
        ref var c3 = ref Unsafe.Add(ref c2, n);
        ref var c4 = ref Unsafe.Add(ref c3, n);
        Vector256<double> s10 = Vector256.LoadUnsafe(ref c1), s11 = Vector256.LoadUnsafe(ref c1, 4), s12 = Vector256.LoadUnsafe(ref c1, 8), s13 = Vector256.LoadUnsafe(ref c1, 12);
        Vector256<double> s20 = Vector256.LoadUnsafe(ref c2), s21 = Vector256.LoadUnsafe(ref c2, 4), s22 = Vector256.LoadUnsafe(ref c2, 8), s23 = Vector256.LoadUnsafe(ref c2, 12);
        Vector256<double> s30 = Vector256.LoadUnsafe(ref c3), s31 = Vector256.LoadUnsafe(ref c3, 4), s32 = Vector256.LoadUnsafe(ref c3, 8), s33 = Vector256.LoadUnsafe(ref c3, 12);
        Vector256<double> s40 = Vector256.LoadUnsafe(ref c4), s41 = Vector256.LoadUnsafe(ref c4, 4), s42 = Vector256.LoadUnsafe(ref c4, 8), s43 = Vector256.LoadUnsafe(ref c4, 12);
        ref var a1 = ref Unsafe.Add(ref a0, i * k + p0);
        ref var a2 = ref Unsafe.Add(ref a1, k);
        ref var a3 = ref Unsafe.Add(ref a2, k);
        ref var a4 = ref Unsafe.Add(ref a3, k);
        ref var bRow = ref Unsafe.Add(ref b0, p0 * n + j);
        for (var p = 0; p < depth; p++)
        {
            var b0v = Vector256.LoadUnsafe(ref bRow);
            var b1v = Vector256.LoadUnsafe(ref bRow, 4);
            var b2v = Vector256.LoadUnsafe(ref bRow, 8);
            var b3v = Vector256.LoadUnsafe(ref bRow, 12);
            var x = Vector256.Create(Unsafe.Add(ref a1, p));
            s10 = Vector256.FusedMultiplyAdd(x, b0v, s10); s11 = Vector256.FusedMultiplyAdd(x, b1v, s11);
            s12 = Vector256.FusedMultiplyAdd(x, b2v, s12); s13 = Vector256.FusedMultiplyAdd(x, b3v, s13);
            x = Vector256.Create(Unsafe.Add(ref a2, p));
            s20 = Vector256.FusedMultiplyAdd(x, b0v, s20); s21 = Vector256.FusedMultiplyAdd(x, b1v, s21);
            s22 = Vector256.FusedMultiplyAdd(x, b2v, s22); s23 = Vector256.FusedMultiplyAdd(x, b3v, s23);
            x = Vector256.Create(Unsafe.Add(ref a3, p));
            s30 = Vector256.FusedMultiplyAdd(x, b0v, s30); s31 = Vector256.FusedMultiplyAdd(x, b1v, s31);
            s32 = Vector256.FusedMultiplyAdd(x, b2v, s32); s33 = Vector256.FusedMultiplyAdd(x, b3v, s33);
            x = Vector256.Create(Unsafe.Add(ref a4, p));
            s40 = Vector256.FusedMultiplyAdd(x, b0v, s40); s41 = Vector256.FusedMultiplyAdd(x, b1v, s41);
            s42 = Vector256.FusedMultiplyAdd(x, b2v, s42); s43 = Vector256.FusedMultiplyAdd(x, b3v, s43);
            bRow = ref Unsafe.Add(ref bRow, n);
        }
        s10.StoreUnsafe(ref c1); s11.StoreUnsafe(ref c1, 4); s12.StoreUnsafe(ref c1, 8); s13.StoreUnsafe(ref c1, 12);
        s20.StoreUnsafe(ref c2); s21.StoreUnsafe(ref c2, 4); s22.StoreUnsafe(ref c2, 8); s23.StoreUnsafe(ref c2, 12);
        s30.StoreUnsafe(ref c3); s31.StoreUnsafe(ref c3, 4); s32.StoreUnsafe(ref c3, 8); s33.StoreUnsafe(ref c3, 12);
        s40.StoreUnsafe(ref c4); s41.StoreUnsafe(ref c4, 4); s42.StoreUnsafe(ref c4, 8); s43.StoreUnsafe(ref c4, 12);
    }

    /// <summary>c[i..i+4, j..j+32] += a[i..i+4, p0..p0+depth] · b[p0..p0+depth, j..j+32], in 16 512-bit registers.</summary>
    private static void Kernel4x32(ref double a0, ref double b0, ref double c0, int i, int j, int p0, int depth, int k, int n)
    {
        ref var c1 = ref Unsafe.Add(ref c0, i * n + j);
        ref var c2 = ref Unsafe.Add(ref c1, n);
        ref var c3 = ref Unsafe.Add(ref c2, n);
        ref var c4 = ref Unsafe.Add(ref c3, n);
        Vector512<double> s10 = Vector512.LoadUnsafe(ref c1), s11 = Vector512.LoadUnsafe(ref c1, 8), s12 = Vector512.LoadUnsafe(ref c1, 16), s13 = Vector512.LoadUnsafe(ref c1, 24);
        Vector512<double> s20 = Vector512.LoadUnsafe(ref c2), s21 = Vector512.LoadUnsafe(ref c2, 8), s22 = Vector512.LoadUnsafe(ref c2, 16), s23 = Vector512.LoadUnsafe(ref c2, 24);
        Vector512<double> s30 = Vector512.LoadUnsafe(ref c3), s31 = Vector512.LoadUnsafe(ref c3, 8), s32 = Vector512.LoadUnsafe(ref c3, 16), s33 = Vector512.LoadUnsafe(ref c3, 24);
        Vector512<double> s40 = Vector512.LoadUnsafe(ref c4), s41 = Vector512.LoadUnsafe(ref c4, 8), s42 = Vector512.LoadUnsafe(ref c4, 16), s43 = Vector512.LoadUnsafe(ref c4, 24);
        ref var a1 = ref Unsafe.Add(ref a0, i * k + p0);
        ref var a2 = ref Unsafe.Add(ref a1, k);
        ref var a3 = ref Unsafe.Add(ref a2, k);
        ref var a4 = ref Unsafe.Add(ref a3, k);
        ref var bRow = ref Unsafe.Add(ref b0, p0 * n + j);
        for (var p = 0; p < depth; p++)
        {
            var b0v = Vector512.LoadUnsafe(ref bRow);
            var b1v = Vector512.LoadUnsafe(ref bRow, 8);
            var b2v = Vector512.LoadUnsafe(ref bRow, 16);
            var b3v = Vector512.LoadUnsafe(ref bRow, 24);
            var x = Vector512.Create(Unsafe.Add(ref a1, p));
            s10 = Vector512.FusedMultiplyAdd(x, b0v, s10); s11 = Vector512.FusedMultiplyAdd(x, b1v, s11);
            s12 = Vector512.FusedMultiplyAdd(x, b2v, s12); s13 = Vector512.FusedMultiplyAdd(x, b3v, s13);
            x = Vector512.Create(Unsafe.Add(ref a2, p));
            s20 = Vector512.FusedMultiplyAdd(x, b0v, s20); s21 = Vector512.FusedMultiplyAdd(x, b1v, s21);
            s22 = Vector512.FusedMultiplyAdd(x, b2v, s22); s23 = Vector512.FusedMultiplyAdd(x, b3v, s23);
            x = Vector512.Create(Unsafe.Add(ref a3, p));
            s30 = Vector512.FusedMultiplyAdd(x, b0v, s30); s31 = Vector512.FusedMultiplyAdd(x, b1v, s31);
            s32 = Vector512.FusedMultiplyAdd(x, b2v, s32); s33 = Vector512.FusedMultiplyAdd(x, b3v, s33);
            x = Vector512.Create(Unsafe.Add(ref a4, p));
            s40 = Vector512.FusedMultiplyAdd(x, b0v, s40); s41 = Vector512.FusedMultiplyAdd(x, b1v, s41);
            s42 = Vector512.FusedMultiplyAdd(x, b2v, s42); s43 = Vector512.FusedMultiplyAdd(x, b3v, s43);
            bRow = ref Unsafe.Add(ref bRow, n);
        }
        s10.StoreUnsafe(ref c1); s11.StoreUnsafe(ref c1, 8); s12.StoreUnsafe(ref c1, 16); s13.StoreUnsafe(ref c1, 24);
        s20.StoreUnsafe(ref c2); s21.StoreUnsafe(ref c2, 8); s22.StoreUnsafe(ref c2, 16); s23.StoreUnsafe(ref c2, 24);
        s30.StoreUnsafe(ref c3); s31.StoreUnsafe(ref c3, 8); s32.StoreUnsafe(ref c3, 16); s33.StoreUnsafe(ref c3, 24);
        s40.StoreUnsafe(ref c4); s41.StoreUnsafe(ref c4, 8); s42.StoreUnsafe(ref c4, 16); s43.StoreUnsafe(ref c4, 24);
    }

    /// <summary>One row of c, <paramref name="vectors"/> × 4 columns from j, over depth rows of b from p0.</summary>
    private static void Kernel1x4(ref double a0, ref double b0, ref double c0, int i, int j, int p0, int depth, int k, int n, int vectors)
    {
        for (var v = 0; v < vectors; v++)
        {
            ref var c1 = ref Unsafe.Add(ref c0, i * n + j + 4 * v);
            var s = Vector256.LoadUnsafe(ref c1);
            ref var a1 = ref Unsafe.Add(ref a0, i * k + p0);
            ref var bRow = ref Unsafe.Add(ref b0, p0 * n + j + 4 * v);
            for (var p = 0; p < depth; p++)
            {
                s = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref a1, p)), Vector256.LoadUnsafe(ref bRow), s);
                bRow = ref Unsafe.Add(ref bRow, n);
            }
            s.StoreUnsafe(ref c1);
        }
    }
}
