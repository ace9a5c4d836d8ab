using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Functional.Tracing;

internal sealed partial class TraceProgram
{
    // Batched replay: instructions at the same depth (longest path from the inputs) never read each
    // other's results, so all of one depth and one op code can run as one tight loop without a
    // dispatch per instruction. Slots keep their meaning; only the execution order changes. Scalar
    // loops such as Rosenbrock's become a few long batches (every x[i]·x[i], then every 1 − x[i] …)
    // plus the short chain of the running sum. Used when batches are long enough to pay off.

    private const int MinimumBatch = 8;

    /// <summary>The code of a segment whose instructions differ (each dispatched on its own code).</summary>
    private const OpCode Mixed = (OpCode)255;
    private const int Window = 2048;

    private Batches? batches;
    private bool batchesBuilt;

    private sealed class Batches(int[] start, OpCode[] code, int[] a, int[] b, int[] output)
    {
        /// <summary>Batch k runs positions Start[k] … Start[k + 1] − 1.</summary>
        public readonly int[] Start = start;
        public readonly OpCode[] Code = code;
        /// <summary>Operands and output slot of each position, in execution order.</summary>
        public readonly int[] A = a, B = b, Output = output;
    }

    /// <summary>The batched schedule, or null when the program is too sequential for it to help
    /// (less than half of its instructions in batches).</summary>
    private Batches? Batched()
    {
        if (batchesBuilt) return batches;
        batchesBuilt = true;
        var length = Code.Length;
        if (length < 64) return null;
        var depth = new int[Slots];
        var keys = new long[length];
        var order = new int[length];
        for (var j = 0; j < length; j++)
        {
            var d = 1 + Math.Max(depth[A[j]], depth[B[j]]);
            depth[FirstOutput + j] = d;
            keys[j] = ((long)d << 36) | ((long)Code[j] << 32) | (uint)j;
            order[j] = j;
        }
        // batch within windows of consecutive instructions, so that a batch's slots stay in cache
        for (var from = 0; from < length; from += Window) Array.Sort(keys, order, from, Math.Min(Window, length - from));

        // runs of equal (depth, code); runs shorter than MinimumBatch (a running sum's chain) are
        // merged into mixed segments that dispatch per instruction
        var starts = new List<int>();
        var codes = new List<OpCode>();
        var batched = 0;
        for (var k = 0; k < length;)
        {
            var end = k + 1;
            while (end < length && end % Window != 0 && keys[end] >> 32 == keys[k] >> 32) end++;
            var code = end - k >= MinimumBatch ? Code[order[k]] : Mixed;
            if (code != Mixed) batched += end - k;
            if (code != Mixed || codes.Count == 0 || codes[^1] != Mixed)
            {
                starts.Add(k);
                codes.Add(code);
            }
            k = end;
        }
        if (batched < length / 2) return null;
        starts.Add(length);

        var a = new int[length];
        var b = new int[length];
        var output = new int[length];
        for (var k = 0; k < length; k++)
        {
            var j = order[k];
            a[k] = A[j];
            b[k] = B[j];
            output[k] = FirstOutput + j;
        }
        return batches = new Batches([.. starts], [.. codes], a, b, output);
    }

    private void ForwardBatched(Batches schedule)
    {
        ref var v = ref MemoryMarshal.GetArrayDataReference(values);
        ref var a = ref MemoryMarshal.GetArrayDataReference(schedule.A);
        ref var b = ref MemoryMarshal.GetArrayDataReference(schedule.B);
        ref var o = ref MemoryMarshal.GetArrayDataReference(schedule.Output);
        var start = schedule.Start;
        for (var batch = 0; batch < schedule.Code.Length; batch++)
        {
            int from = start[batch], to = start[batch + 1];
            switch (schedule.Code[batch])
            {
                case OpCode.Add:
                    for (var k = from; k < to; k++) At(ref v, ref o, k) = At(ref v, ref a, k) + At(ref v, ref b, k);
                    break;
                case OpCode.Subtract:
                    for (var k = from; k < to; k++) At(ref v, ref o, k) = At(ref v, ref a, k) - At(ref v, ref b, k);
                    break;
                case OpCode.Multiply:
                    for (var k = from; k < to; k++) At(ref v, ref o, k) = At(ref v, ref a, k) * At(ref v, ref b, k);
                    break;
                case OpCode.Divide:
                    for (var k = from; k < to; k++) At(ref v, ref o, k) = At(ref v, ref a, k) / At(ref v, ref b, k);
                    break;
                case OpCode.Negate:
                    for (var k = from; k < to; k++) At(ref v, ref o, k) = -At(ref v, ref a, k);
                    break;
                default:
                    for (var k = from; k < to; k++)
                    {
                        var slot = Unsafe.Add(ref o, k);
                        Unsafe.Add(ref v, slot) = Evaluate(slot - FirstOutput, At(ref v, ref a, k), At(ref v, ref b, k));
                    }
                    break;
            }
        }
    }

    private void ReverseBatched(Batches schedule)
    {
        ref var v = ref MemoryMarshal.GetArrayDataReference(values);
        ref var g = ref MemoryMarshal.GetArrayDataReference(adjoints);
        ref var a = ref MemoryMarshal.GetArrayDataReference(schedule.A);
        ref var b = ref MemoryMarshal.GetArrayDataReference(schedule.B);
        ref var o = ref MemoryMarshal.GetArrayDataReference(schedule.Output);
        var start = schedule.Start;
        for (var batch = schedule.Code.Length - 1; batch >= 0; batch--)
        {
            int from = start[batch], to = start[batch + 1]; // backwards: a mixed segment is a chain
            switch (schedule.Code[batch])
            {
                case OpCode.Add:
                    for (var k = to - 1; k >= from; k--)
                    {
                        var w = At(ref g, ref o, k);
                        At(ref g, ref a, k) += w;
                        At(ref g, ref b, k) += w;
                    }
                    break;
                case OpCode.Subtract:
                    for (var k = to - 1; k >= from; k--)
                    {
                        var w = At(ref g, ref o, k);
                        At(ref g, ref a, k) += w;
                        At(ref g, ref b, k) -= w;
                    }
                    break;
                case OpCode.Multiply:
                    for (var k = to - 1; k >= from; k--)
                    {
                        int ja = Unsafe.Add(ref a, k), jb = Unsafe.Add(ref b, k);
                        var w = At(ref g, ref o, k);
                        Unsafe.Add(ref g, ja) += w * Unsafe.Add(ref v, jb);
                        Unsafe.Add(ref g, jb) += w * Unsafe.Add(ref v, ja);
                    }
                    break;
                default:
                    for (var k = to - 1; k >= from; k--)
                    {
                        var slot = Unsafe.Add(ref o, k);
                        Backward(slot - FirstOutput, slot, Unsafe.Add(ref a, k), Unsafe.Add(ref b, k));
                    }
                    break;
            }
        }
    }

    /// <summary>values[indices[k]], by ref.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref double At(ref double values, ref int indices, int k) => ref Unsafe.Add(ref values, Unsafe.Add(ref indices, k));
}
