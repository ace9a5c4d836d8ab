namespace Functional.Tracing;

/// <summary>
/// The interpreter behind <see cref="AD.Trace"/>: runs f once on values that carry an instruction
/// index and records every operation on them into a straight-line program, together with a guard for
/// every comparison that involved them.
/// </summary>
/// <remarks>
/// Operand encoding while recording: input i is i, instruction j is inputs + j, constant k is ~k
/// (negative). <see cref="Build"/> relocates them to the program's slot layout. Identical
/// instructions on identical operands are recorded once (common subexpressions), and equal
/// constants share one slot. A <see cref="Scalar.Value"/> read is not recorded: the value read becomes
/// a constant of the program (documented on <see cref="Traced"/>).
/// </remarks>
internal sealed class Tracer : Differentiation
{
    private readonly record struct Key(OpCode Code, int Primitive, int A, int B);

    /// <summary>The second operand of a one-argument instruction: constant 0 (slot 0), whose adjoint nobody reads.</summary>
    private const int Sink = ~0;

    private readonly int inputs;
    private readonly List<double> constants = [0.0];
    private readonly Dictionary<long, int> constantIndex = new() { [BitConverter.DoubleToInt64Bits(0.0)] = 0 };
    private readonly List<object> primitives = [];
    private readonly Dictionary<object, int> primitiveIndex = new(ReferenceEqualityComparer.Instance);
    private readonly List<Instruction> instructions = [];
    private readonly Dictionary<Key, int> recorded = [];
    private readonly List<Guard> guards = [];

    private Tracer(int inputs) => this.inputs = inputs;

    public override string Kind => "trace";

    /// <summary>Runs <paramref name="f"/> once at <paramref name="x"/> and returns the recorded program.</summary>
    /// <exception cref="NotSupportedException">f uses an operation or a value the trace cannot record.</exception>
    public static TraceProgram Record(Func<Scalar[], Scalar> f, ReadOnlySpan<double> x)
    {
        var tracer = new Tracer(x.Length);
        var variables = new Scalar[x.Length];
        for (var i = 0; i < x.Length; i++) variables[i] = new Scalar(x[i], tracer, i);
        Scalar y;
        try { y = f(variables); }
        finally { tracer.Finish(); }
        return tracer.Build(tracer.Operand(y, "the result of f"));
    }

    public override Scalar PrimalOf(Scalar value) => value.Node == this ? new Scalar(value.Primal) : value;

    public override Scalar Apply(UnaryPrimitive<Scalar> primitive, Scalar x)
    {
        EnsureActive();
        var code = OpCodes.Of(primitive);
        var index = code == OpCode.Unary ? PrimitiveIndex(primitive) : -1;
        return Record(code, index, Operand(x, primitive.Name), Sink, primitive.Value(x.Primal));
    }

    public override Scalar Apply(BinaryPrimitive<Scalar> primitive, Scalar a, Scalar b)
    {
        EnsureActive();
        var code = OpCodes.Of(primitive);
        var index = code == OpCode.Binary ? PrimitiveIndex(primitive) : -1;
        return Record(code, index, Operand(a, primitive.Name), Operand(b, primitive.Name), primitive.Value(a.Primal, b.Primal));
    }

    public override void Apply(Op op, ReadOnlySpan<Scalar> x, Span<Scalar> y) => throw new NotSupportedException(
        $"AD.Trace cannot record the operation '{op.Name}': a traced program holds only the built-in primitives " +
        "(arithmetic and the Scalar functions). Differentiate this function dynamically (AD.Grad, AD.Hessian …) instead.");

    public override void OnCompare(Comparison comparison, Scalar a, Scalar b, bool outcome) =>
        guards.Add(new Guard(comparison, Operand(a, "a comparison"), Operand(b, "a comparison"), outcome));

    private Scalar Record(OpCode code, int primitive, int a, int b, double value)
    {
        if (code.IsCommutative() && a > b) (a, b) = (b, a);
        var key = new Key(code, primitive, a, b);
        if (!recorded.TryGetValue(key, out var index))
        {
            index = inputs + instructions.Count;
            instructions.Add(new Instruction(code, primitive, a, b));
            recorded.Add(key, index);
        }
        return new Scalar(value, this, index);
    }

    /// <summary>The recording-time operand of <paramref name="value"/>.</summary>
    private int Operand(Scalar value, string where)
    {
        if (value.Node is null) return ~Constant(value.Primal);
        if (value.Node == this) return value.Slot;
        if (value.Node.Owner == this) throw new InvalidOperationException("unexpected node kind in a trace");
        throw value.Node.Owner.Level < Level
            ? new NotSupportedException(
                $"AD.Trace: {where} involves a value of a differentiation that encloses the trace (f closes over a " +
                "value being differentiated). A traced program works on plain doubles; trace a function of its own inputs only.")
            : new NotSupportedException(
                $"AD.Trace: {where} involves a value of a differentiation that ran inside f and has returned " +
                "(an escaped value); trace the whole computation instead.");
    }

    private int Constant(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        if (!constantIndex.TryGetValue(bits, out var k))
        {
            k = constants.Count;
            constants.Add(value);
            constantIndex.Add(bits, k);
        }
        return k;
    }

    private int PrimitiveIndex(object primitive)
    {
        if (!primitiveIndex.TryGetValue(primitive, out var k))
        {
            k = primitives.Count;
            primitives.Add(primitive);
            primitiveIndex.Add(primitive, k);
        }
        return k;
    }

    private TraceProgram Build(int result)
    {
        var c = constants.Count;
        int Slot(int operand) => operand < 0 ? ~operand : c + operand;
        var length = instructions.Count;
        var code = new OpCode[length];
        var a = new int[length];
        var b = new int[length];
        var primitive = new object?[length];
        for (var j = 0; j < length; j++)
        {
            var instruction = instructions[j];
            code[j] = instruction.Code;
            a[j] = Slot(instruction.A);
            b[j] = Slot(instruction.B);
            primitive[j] = instruction.Primitive < 0 ? null : primitives[instruction.Primitive];
        }
        var relocated = new Guard[guards.Count];
        for (var k = 0; k < relocated.Length; k++)
            relocated[k] = guards[k] with { A = Slot(guards[k].A), B = Slot(guards[k].B) };
        return new TraceProgram(inputs, [.. constants], code, a, b, primitive, relocated, Slot(result));
    }

    private readonly record struct Instruction(OpCode Code, int Primitive, int A, int B);
}
