namespace Functional.Tracing;

internal sealed partial class TraceProgram
{
    // Forward-over-reverse on the program: after ForwardWithPartials and Reverse, SecondOrder stores
    // each instruction's second partial derivatives; a tangent sweep then carries one direction v
    // forward (tangent of every slot) and backward (tangent of every adjoint), giving H·v in two
    // plain loops. A Hessian is n such sweeps sharing one forward and one reverse pass.

    private double[]? tangents, adjointTangents, secondAA, secondAB, secondBB, direction;
    private ForwardDifferentiation? dual;

    /// <summary>∂²y/∂a², ∂²y/∂a∂b and ∂²y/∂b² of every instruction at the current values.</summary>
    public void SecondOrder()
    {
        var length = Code.Length;
        secondAA ??= new double[length];
        secondAB ??= new double[length];
        secondBB ??= new double[length];
        double[] v = values, haa = secondAA, hab = secondAB, hbb = secondBB, pa = partialA, pb = partialB;
        OpCode[] code = Code;
        int[] a = A, b = B;
        var c = ConstantCount;
        var o = FirstOutput;
        for (var j = 0; j < length; j++, o++)
        {
            double x = v[a[j]], y = v[b[j]], r = v[o], daa = 0, dab = 0, dbb = 0;
            switch (code[j])
            {
                case OpCode.Add or OpCode.Subtract or OpCode.Negate: break;
                case OpCode.Multiply: dab = 1; break;
                case OpCode.Divide: dab = -1.0 / (y * y); dbb = -2.0 * pb[j] / y; break;
                case OpCode.Exp: daa = r; break;
                case OpCode.Log: daa = -1.0 / (x * x); break;
                case OpCode.Sin or OpCode.Cos: daa = -r; break;
                case OpCode.Sqrt: daa = -0.25 / (r * r * r); break;
                case OpCode.Tanh: daa = -2.0 * r * (1.0 - r * r); break;
                case OpCode.Unary:
                {
                    // the derivative rule on a dual number x + ε gives f′ and f″ (the rule nests)
                    var p = (UnaryPrimitive<Scalar>)Primitive[j]!;
                    var d = Dual();
                    daa = p.Derivative(d.Make(x, 1.0), d.Make(r, pa[j])).Tangent;
                    break;
                }
                default:
                {
                    var p = (BinaryPrimitive<Scalar>)Primitive[j]!;
                    var d = Dual();
                    bool aVaries = a[j] >= c, bVaries = b[j] >= c;
                    if (aVaries)
                    {
                        Scalar sa = d.Make(x, 1.0), sb = new(y), sr = d.Make(r, pa[j]);
                        daa = p.DerivativeLeft(sa, sb, sr).Tangent;
                        if (bVaries) dab = p.DerivativeRight(sa, sb, sr).Tangent;
                    }
                    if (bVaries)
                    {
                        Scalar sa = new(x), sb = d.Make(y, 1.0), sr = d.Make(r, pb[j]);
                        dbb = p.DerivativeRight(sa, sb, sr).Tangent;
                    }
                    break;
                }
            }
            haa[j] = daa;
            hab[j] = dab;
            hbb[j] = dbb;
        }
    }

    private ForwardDifferentiation Dual() => dual ??= new ForwardDifferentiation();

    /// <summary>H·v for the direction v (after <see cref="ForwardWithPartials"/>, <see cref="Reverse"/>
    /// and <see cref="SecondOrder"/>).</summary>
    public void TangentSweep(ReadOnlySpan<double> v, Span<double> result)
    {
        var slots = Slots;
        tangents ??= new double[slots];
        adjointTangents ??= new double[slots];
        double[] t = tangents, gt = adjointTangents, g = adjoints, pa = partialA, pb = partialB,
            haa = secondAA!, hab = secondAB!, hbb = secondBB!;
        int[] a = A, b = B;
        var length = Code.Length;
        v.CopyTo(t.AsSpan(ConstantCount, Inputs));
        var o = FirstOutput;
        for (var j = 0; j < length; j++, o++) t[o] = pa[j] * t[a[j]] + pb[j] * t[b[j]];

        Array.Clear(gt);
        o = FirstOutput + length - 1;
        for (var j = length - 1; j >= 0; j--, o--)
        {
            double w = g[o], wt = gt[o];
            int ja = a[j], jb = b[j];
            double ta = t[ja], tb = t[jb], daa = haa[j], dab = hab[j], dbb = hbb[j];
            // structurally zero second partials contribute nothing, even against a NaN tangent
            // (as in the dynamic modes, which never form those products)
            double sa = 0, sb = 0;
            if (daa != 0) sa = daa * ta;
            if (dab != 0)
            {
                sa += dab * tb;
                sb = dab * ta;
            }
            if (dbb != 0) sb += dbb * tb;
            gt[ja] += wt * pa[j] + w * sa;
            gt[jb] += wt * pb[j] + w * sb;
        }
        gt.AsSpan(ConstantCount, Inputs).CopyTo(result);
    }

    /// <summary>The Hessian, one tangent sweep per column (after <see cref="ForwardWithPartials"/>,
    /// <see cref="Reverse"/> and <see cref="SecondOrder"/>).</summary>
    public void Hessian(double[,] result)
    {
        var n = Inputs;
        direction ??= new double[2 * n];
        var unit = direction.AsSpan(0, n);
        var column = direction.AsSpan(n, n);
        unit.Clear();
        for (var i = 0; i < n; i++)
        {
            unit[i] = 1.0;
            TangentSweep(unit, column);
            unit[i] = 0.0;
            for (var k = 0; k < n; k++) result[k, i] = column[k];
        }
    }
}
