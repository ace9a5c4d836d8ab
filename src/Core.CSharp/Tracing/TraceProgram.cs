using Functional.Symbolic;

namespace Functional.Tracing;

/// <summary>
/// A recorded straight-line program and the buffers that replay it on plain doubles.
/// </summary>
/// <remarks>
/// Slot layout: constants first (slot 0 is the constant 0, also the dummy second operand of
/// one-argument instructions), then the inputs, then one slot per instruction in order. The constant
/// slots are filled once; a replay writes only input and instruction slots, so it allocates nothing.
/// Not thread-safe: the buffers belong to the program.
/// </remarks>
internal sealed partial class TraceProgram
{
    public readonly int Inputs;
    public readonly int ConstantCount;
    public readonly OpCode[] Code;
    public readonly int[] A, B;
    /// <summary>The table entry of a <see cref="OpCode.Unary"/> or <see cref="OpCode.Binary"/> instruction (else null).</summary>
    public readonly object?[] Primitive;
    public readonly Guard[] Guards;
    /// <summary>The slot holding f's value.</summary>
    public readonly int Result;

    private readonly double[] values, adjoints, partialA, partialB;

    public TraceProgram(int inputs, double[] constants, OpCode[] code, int[] a, int[] b, object?[] primitive, Guard[] guards, int result)
    {
        Inputs = inputs;
        ConstantCount = constants.Length;
        Code = code;
        A = a;
        B = b;
        Primitive = primitive;
        Guards = guards;
        Result = result;
        values = new double[Slots];
        adjoints = new double[Slots];
        partialA = new double[code.Length];
        partialB = new double[code.Length];
        Array.Copy(constants, values, constants.Length);
    }

    /// <summary>The number of instructions.</summary>
    public int Length => Code.Length;

    public int Slots => ConstantCount + Inputs + Code.Length;

    /// <summary>The slot of input 0; inputs are consecutive.</summary>
    public int FirstInput => ConstantCount;

    /// <summary>The slot written by instruction 0; instructions write consecutive slots.</summary>
    public int FirstOutput => ConstantCount + Inputs;

    /// <summary>Every slot's value after the last forward pass (constants included).</summary>
    public double[] Values => values;

    /// <summary>Every slot's adjoint after the last reverse pass.</summary>
    public double[] Adjoints => adjoints;

    public double Value => values[Result];

    public void Load(ReadOnlySpan<double> x) => x.CopyTo(values.AsSpan(ConstantCount, Inputs));

    /// <summary>The first guard that does not hold for the current values, or −1.</summary>
    public int FailedGuard()
    {
        var guards = Guards;
        for (var k = 0; k < guards.Length; k++)
            if (!guards[k].Holds(values)) return k;
        return -1;
    }

    /// <summary>Computes every instruction's value and its partial derivatives towards its operands
    /// (the same formulas as the rule table, evaluated on doubles).</summary>
    public void ForwardWithPartials()
    {
        double[] v = values, pa = partialA, pb = partialB;
        OpCode[] code = Code;
        int[] a = A, b = B;
        var c = ConstantCount;
        var o = FirstOutput;
        for (var j = 0; j < code.Length; j++, o++)
        {
            double x = v[a[j]], y = v[b[j]], r, da, db = 0;
            switch (code[j])
            {
                case OpCode.Add: r = x + y; da = 1; db = 1; break;
                case OpCode.Subtract: r = x - y; da = 1; db = -1; break;
                case OpCode.Multiply: r = x * y; da = y; db = x; break;
                case OpCode.Divide: r = x / y; da = 1.0 / y; db = -r / y; break;
                case OpCode.Negate: r = -x; da = -1; break;
                case OpCode.Exp: r = Math.Exp(x); da = r; break;
                case OpCode.Log: r = Math.Log(x); da = 1.0 / x; break;
                case OpCode.Sin: r = Math.Sin(x); da = Math.Cos(x); break;
                case OpCode.Cos: r = Math.Cos(x); da = -Math.Sin(x); break;
                case OpCode.Sqrt: r = Math.Sqrt(x); da = 0.5 / r; break;
                case OpCode.Tanh: r = Math.Tanh(x); da = 1.0 - r * r; break;
                case OpCode.Unary:
                {
                    var p = (UnaryPrimitive<Scalar>)Primitive[j]!;
                    r = p.Value(x);
                    da = p.Derivative(new Scalar(x), new Scalar(r)).Primal;
                    break;
                }
                default:
                {
                    var p = (BinaryPrimitive<Scalar>)Primitive[j]!;
                    r = p.Value(x, y);
                    Scalar sx = new(x), sy = new(y), sr = new(r);
                    // A constant operand gets no partial, as on the tape: it could be NaN (pow's
                    // exponent partial at a negative base) and would poison tangents multiplied by 0.
                    da = a[j] >= c ? p.DerivativeLeft(sx, sy, sr).Primal : 0;
                    db = b[j] >= c ? p.DerivativeRight(sx, sy, sr).Primal : 0;
                    break;
                }
            }
            v[o] = r;
            pa[j] = da;
            pb[j] = db;
        }
    }

    /// <summary>The adjoint of every slot for the seed 1 on the result (after <see cref="ForwardWithPartials"/>).</summary>
    public void Reverse()
    {
        double[] g = adjoints, pa = partialA, pb = partialB;
        int[] a = A, b = B;
        Array.Clear(g);
        g[Result] = 1.0;
        var o = FirstOutput + Code.Length - 1;
        for (var j = Code.Length - 1; j >= 0; j--, o--)
        {
            var w = g[o];
            g[a[j]] += w * pa[j];
            g[b[j]] += w * pb[j];
        }
    }

    /// <summary>Copies the inputs' adjoints.</summary>
    public void ReadGradient(Span<double> gradient) => adjoints.AsSpan(ConstantCount, Inputs).CopyTo(gradient);

    /// <summary>"x[0]", a constant's value, or "t7 (sin)": a slot as messages and graphs name it.</summary>
    public string Describe(int slot)
    {
        if (slot < ConstantCount) return Expr.FormatNumber(values[slot]);
        if (slot < FirstOutput) return $"x[{slot - ConstantCount}]";
        var j = slot - FirstOutput;
        return $"t{j} ({OperationName(j)})";
    }

    /// <summary>The name of instruction j's operation ("+", "sin", "pow" …).</summary>
    public string OperationName(int j) => Code[j] switch
    {
        OpCode.Add => "+",
        OpCode.Subtract => "-",
        OpCode.Multiply => "*",
        OpCode.Divide => "/",
        OpCode.Negate => "neg",
        OpCode.Unary => ((UnaryPrimitive<Scalar>)Primitive[j]!).Name,
        OpCode.Binary => ((BinaryPrimitive<Scalar>)Primitive[j]!).Name,
        var code => code.ToString().ToLowerInvariant(),
    };

    /// <summary>"x[0] &gt; 0": guard k as written at the traced point.</summary>
    public string Describe(Guard guard) => $"{Describe(guard.A)} {guard.Comparison.Symbol()} {Describe(guard.B)}";
}
