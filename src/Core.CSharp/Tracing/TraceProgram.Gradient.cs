using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Functional.Tracing;

internal sealed partial class TraceProgram
{
    // The first-order replay: Forward computes values only; ReverseFromValues recomputes each
    // instruction's partials from the stored values as it goes, so no partials are stored and the
    // sweep reads only what the forward pass wrote. Both loops index through refs without bounds
    // checks: the tracer only ever records operand slots below the instruction's own slot.

    /// <summary>Computes every instruction's value.</summary>
    public void Forward()
    {
        if (Batched() is { } schedule)
        {
            ForwardBatched(schedule);
            return;
        }
        ref var v = ref MemoryMarshal.GetArrayDataReference(values);
        ref var a = ref MemoryMarshal.GetArrayDataReference(A);
        ref var b = ref MemoryMarshal.GetArrayDataReference(B);
        var o = FirstOutput;
        for (var j = 0; j < Code.Length; j++, o++)
            Unsafe.Add(ref v, o) = Evaluate(j, Unsafe.Add(ref v, Unsafe.Add(ref a, j)), Unsafe.Add(ref v, Unsafe.Add(ref b, j)));
    }

    /// <summary>The adjoint of every slot for the seed 1 on the result (after <see cref="Forward"/>).</summary>
    public void ReverseFromValues()
    {
        Array.Clear(adjoints);
        adjoints[Result] = 1.0;
        if (Batched() is { } schedule)
        {
            ReverseBatched(schedule);
            return;
        }
        ref var a = ref MemoryMarshal.GetArrayDataReference(A);
        ref var b = ref MemoryMarshal.GetArrayDataReference(B);
        var o = FirstOutput + Code.Length - 1;
        for (var j = Code.Length - 1; j >= 0; j--, o--) Backward(j, o, Unsafe.Add(ref a, j), Unsafe.Add(ref b, j));
    }

    /// <summary>Instruction j's value given its operands' values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Evaluate(int j, double x, double y) => Code[j] switch
    {
        OpCode.Add => x + y,
        OpCode.Subtract => x - y,
        OpCode.Multiply => x * y,
        OpCode.Divide => x / y,
        OpCode.Negate => -x,
        OpCode.Exp => Math.Exp(x),
        OpCode.Log => Math.Log(x),
        OpCode.Sin => Math.Sin(x),
        OpCode.Cos => Math.Cos(x),
        OpCode.Sqrt => Math.Sqrt(x),
        OpCode.Tanh => Math.Tanh(x),
        OpCode.Unary => ((UnaryPrimitive<Scalar>)Primitive[j]!).Value(x),
        _ => ((BinaryPrimitive<Scalar>)Primitive[j]!).Value(x, y),
    };

    /// <summary>Adds instruction j's contributions (its output's adjoint times its partials, recomputed
    /// from the stored values) to the adjoints of its operands <paramref name="ja"/> and <paramref name="jb"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Backward(int j, int o, int ja, int jb)
    {
        ref var v = ref MemoryMarshal.GetArrayDataReference(values);
        ref var g = ref MemoryMarshal.GetArrayDataReference(adjoints);
        var w = Unsafe.Add(ref g, o);
        ref var ga = ref Unsafe.Add(ref g, ja);
        ref var gb = ref Unsafe.Add(ref g, jb);
        switch (Code[j])
        {
            case OpCode.Add: ga += w; gb += w; break;
            case OpCode.Subtract: ga += w; gb -= w; break;
            case OpCode.Multiply: ga += w * Unsafe.Add(ref v, jb); gb += w * Unsafe.Add(ref v, ja); break;
            case OpCode.Divide:
            {
                var y = Unsafe.Add(ref v, jb);
                ga += w / y;
                gb -= w * Unsafe.Add(ref v, o) / y;
                break;
            }
            case OpCode.Negate: ga -= w; break;
            case OpCode.Exp: ga += w * Unsafe.Add(ref v, o); break;
            case OpCode.Log: ga += w / Unsafe.Add(ref v, ja); break;
            case OpCode.Sin: ga += w * Math.Cos(Unsafe.Add(ref v, ja)); break;
            case OpCode.Cos: ga -= w * Math.Sin(Unsafe.Add(ref v, ja)); break;
            case OpCode.Sqrt: ga += w * (0.5 / Unsafe.Add(ref v, o)); break;
            case OpCode.Tanh:
            {
                var r = Unsafe.Add(ref v, o);
                ga += w * (1.0 - r * r);
                break;
            }
            case OpCode.Unary:
            {
                var p = (UnaryPrimitive<Scalar>)Primitive[j]!;
                ga += w * p.Derivative(new Scalar(Unsafe.Add(ref v, ja)), new Scalar(Unsafe.Add(ref v, o))).Primal;
                break;
            }
            default:
            {
                var p = (BinaryPrimitive<Scalar>)Primitive[j]!;
                Scalar sx = new(Unsafe.Add(ref v, ja)), sy = new(Unsafe.Add(ref v, jb)), sr = new(Unsafe.Add(ref v, o));
                if (ja >= ConstantCount) ga += w * p.DerivativeLeft(sx, sy, sr).Primal;
                if (jb >= ConstantCount) gb += w * p.DerivativeRight(sx, sy, sr).Primal;
                break;
            }
        }
    }
}
