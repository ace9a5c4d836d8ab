using System.Linq.Expressions;
using System.Reflection;

namespace Functional.Tracing;

/// <summary>
/// A <see cref="TraceProgram"/> emitted as straight-line code through System.Linq.Expressions: the
/// forward statements (one per instruction, constants folded in) and then the reverse adjoint
/// statements (instructions that do not reach the result are left out, and an adjoint's first
/// contribution is an assignment, so nothing is cleared).
/// </summary>
/// <remarks>
/// The code is split into methods of at most <see cref="ChunkSize"/> instructions, small enough for
/// the JIT to optimise fully and keep values in registers: inside a chunk values and adjoints live in
/// locals, across chunks in the program's arrays. The forward chunks store only the values that cross
/// a chunk boundary (or that guards read); each reverse chunk recomputes its own chunk's values in
/// locals first, which costs less than storing and reloading every value. Programs above <see cref="MaxInstructions"/> are
/// not compiled (the replay is used): compiling them would cost more than it saves.
/// </remarks>
internal sealed class CompiledProgram
{
    public const int ChunkSize = 128;
    public const int MaxInstructions = 50_000;

    private readonly Action<double[]>[] forward;
    private readonly Action<double[], double[]>[] reverse;
    private readonly int result;
    /// <summary>True when <see cref="reverse"/> is one method that also computes the values.</summary>
    private readonly bool fused;

    private CompiledProgram(Action<double[]>[] forward, Action<double[], double[]>[] reverse, int result, bool fused)
    {
        this.forward = forward;
        this.reverse = reverse;
        this.result = result;
        this.fused = fused;
    }

    /// <summary>The compiled kernels, or null when the program is too long to be worth compiling.</summary>
    public static CompiledProgram? Compile(TraceProgram program) =>
        program.Length > MaxInstructions ? null : new Emitter(program).Emit();

    /// <summary>Every instruction's value into <paramref name="values"/> (inputs already loaded).</summary>
    public void Value(double[] values)
    {
        foreach (var chunk in forward) chunk(values);
    }

    /// <summary>Values, then the adjoints of the inputs and of every instruction that reaches the result.</summary>
    public void ValueAndGrad(double[] values, double[] adjoints)
    {
        if (!fused)
            foreach (var chunk in forward) chunk(values);
        adjoints[result] = 1.0;
        foreach (var chunk in reverse) chunk(values, adjoints);
    }

    private sealed class Emitter(TraceProgram program)
    {
        private static readonly MethodInfo UnaryPartial = typeof(Emitter).GetMethod(nameof(PartialOf), BindingFlags.NonPublic | BindingFlags.Static)!;
        private static readonly MethodInfo LeftPartial = typeof(Emitter).GetMethod(nameof(LeftPartialOf), BindingFlags.NonPublic | BindingFlags.Static)!;
        private static readonly MethodInfo RightPartial = typeof(Emitter).GetMethod(nameof(RightPartialOf), BindingFlags.NonPublic | BindingFlags.Static)!;

        private readonly ParameterExpression v = Expression.Parameter(typeof(double[]), "v");
        private readonly ParameterExpression g = Expression.Parameter(typeof(double[]), "g");
        private readonly Dictionary<int, ParameterExpression> locals = [];
        private readonly Dictionary<int, ParameterExpression> adjointLocals = [];
        private readonly List<Expression> statements = [];
        private bool[] touched = [];
        private bool[] crossing = [];

        public CompiledProgram Emit()
        {
            var length = program.Length;
            FindCrossingValues();
            var forward = new List<Action<double[]>>();
            for (var lo = 0; lo < length; lo += ChunkSize) forward.Add(ForwardChunk(lo, Math.Min(length, lo + ChunkSize)));
            if (forward.Count == 0) forward.Add(_ => { });

            touched = new bool[program.Slots];
            touched[program.Result] = true;
            var reverse = new List<Action<double[], double[]>>();
            if (length <= ChunkSize) // one method: the reverse statements use the forward ones' locals
                return new CompiledProgram([.. forward], [ReverseChunk(0, length, last: true, storeValues: true)], program.Result, fused: true);
            // the same chunks as the forward pass (the values each one stores are those its reverse needs)
            for (var lo = (length - 1) / ChunkSize * ChunkSize; lo >= 0; lo -= ChunkSize)
                reverse.Add(ReverseChunk(lo, Math.Min(length, lo + ChunkSize), last: lo == 0));
            return new CompiledProgram([.. forward], [.. reverse], program.Result, fused: false);
        }

        private Action<double[]> ForwardChunk(int lo, int hi)
        {
            locals.Clear();
            statements.Clear();
            EmitValues(lo, hi, storeCrossing: true);
            statements.Add(Expression.Empty());
            return Expression.Lambda<Action<double[]>>(Expression.Block(locals.Values, statements), v).Compile();
        }

        /// <summary>Instructions lo … hi − 1 into locals; values that other chunks, guards or the caller
        /// read are also stored in the array when <paramref name="storeCrossing"/>.</summary>
        private void EmitValues(int lo, int hi, bool storeCrossing)
        {
            for (var j = lo; j < hi; j++)
            {
                var slot = program.FirstOutput + j;
                var local = Expression.Variable(typeof(double), $"t{j}");
                Expression assign = Expression.Assign(local, ValueOf(j));
                locals[slot] = local;
                statements.Add(storeCrossing && crossing[slot]
                    ? Expression.Assign(Expression.ArrayAccess(v, Expression.Constant(slot)), assign)
                    : assign);
            }
        }

        /// <summary>Marks the values read outside the chunk that computes them: by a later chunk, by a
        /// guard, or as the result.</summary>
        private void FindCrossingValues()
        {
            crossing = new bool[program.Slots];
            for (var j = 0; j < program.Length; j++)
                foreach (var operand in (ReadOnlySpan<int>)[program.A[j], program.B[j]])
                    if (operand >= program.FirstOutput && (operand - program.FirstOutput) / ChunkSize != j / ChunkSize)
                        crossing[operand] = true;
            foreach (var guard in program.Guards) crossing[guard.A] = crossing[guard.B] = true;
            crossing[program.Result] = true;
        }

        private Expression ValueOf(int j)
        {
            Expression x = Read(program.A[j]), y = Read(program.B[j]);
            return program.Code[j] switch
            {
                OpCode.Add => Expression.Add(x, y),
                OpCode.Subtract => Expression.Subtract(x, y),
                OpCode.Multiply => Expression.Multiply(x, y),
                OpCode.Divide => Expression.Divide(x, y),
                OpCode.Negate => Expression.Negate(x),
                OpCode.Exp => Call(Math.Exp, x),
                OpCode.Log => Call(Math.Log, x),
                OpCode.Sin => Call(Math.Sin, x),
                OpCode.Cos => Call(Math.Cos, x),
                OpCode.Sqrt => Call(Math.Sqrt, x),
                OpCode.Tanh => Call(Math.Tanh, x),
                OpCode.Unary => Call(((UnaryPrimitive<Scalar>)program.Primitive[j]!).Value, x),
                _ => Call(((BinaryPrimitive<Scalar>)program.Primitive[j]!).Value, x, y),
            };
        }

        /// <summary>A value: a constant folded in, a local of this chunk, or the array.</summary>
        private Expression Read(int slot)
        {
            if (slot < program.ConstantCount) return Expression.Constant(program.Values[slot]);
            return locals.TryGetValue(slot, out var local) ? local : Expression.ArrayIndex(v, Expression.Constant(slot));
        }

        /// <summary>The adjoint statements of instructions hi − 1 … lo, after the chunk's values: recomputed
        /// in locals (cheaper than storing and reloading every value), or, for a program that is one
        /// chunk, computed for the first time (<paramref name="storeValues"/>: the method is the whole gradient).</summary>
        private Action<double[], double[]> ReverseChunk(int lo, int hi, bool last, bool storeValues = false)
        {
            locals.Clear();
            adjointLocals.Clear();
            statements.Clear();
            EmitValues(lo, hi, storeCrossing: storeValues);
            for (var j = hi - 1; j >= lo; j--)
            {
                var o = program.FirstOutput + j;
                if (!touched[o]) continue; // does not reach the result
                if (!adjointLocals.TryGetValue(o, out var w))
                {
                    w = Expression.Variable(typeof(double), $"w{j}");
                    statements.Add(Expression.Assign(w, Expression.ArrayIndex(g, Expression.Constant(o))));
                    adjointLocals[o] = w;
                }
                EmitPartials(j, w);
            }
            foreach (var (slot, local) in adjointLocals)
                if (slot < program.FirstOutput + lo) statements.Add(Expression.Assign(Expression.ArrayAccess(g, Expression.Constant(slot)), local));
            if (last)
                for (var s = program.FirstInput; s < program.FirstOutput; s++)
                    if (!touched[s]) statements.Add(Expression.Assign(Expression.ArrayAccess(g, Expression.Constant(s)), Expression.Constant(0.0)));
            statements.Add(Expression.Empty());
            return Expression.Lambda<Action<double[], double[]>>(Expression.Block(locals.Values.Concat(adjointLocals.Values), statements), v, g).Compile();
        }

        /// <summary>adjoint(operand) += contribution, the first contribution assigned.</summary>
        private void Accumulate(int slot, Expression contribution)
        {
            if (slot < program.ConstantCount) return;
            if (adjointLocals.TryGetValue(slot, out var local))
            {
                statements.Add(Expression.AddAssign(local, contribution));
                return;
            }
            local = Expression.Variable(typeof(double), $"g{slot}");
            adjointLocals[slot] = local;
            statements.Add(Expression.Assign(local, touched[slot]
                ? Expression.Add(Expression.ArrayIndex(g, Expression.Constant(slot)), contribution)
                : contribution));
            touched[slot] = true;
        }

        private void EmitPartials(int j, ParameterExpression w)
        {
            int a = program.A[j], b = program.B[j];
            Expression x = Read(a), y = Read(b), r = Read(program.FirstOutput + j);
            switch (program.Code[j])
            {
                case OpCode.Add: Accumulate(a, w); Accumulate(b, w); break;
                case OpCode.Subtract: Accumulate(a, w); Accumulate(b, Expression.Negate(w)); break;
                case OpCode.Multiply: Accumulate(a, Expression.Multiply(w, y)); Accumulate(b, Expression.Multiply(w, x)); break;
                case OpCode.Divide:
                    Accumulate(a, Expression.Divide(w, y));
                    Accumulate(b, Expression.Negate(Expression.Divide(Expression.Multiply(w, r), y)));
                    break;
                case OpCode.Negate: Accumulate(a, Expression.Negate(w)); break;
                case OpCode.Exp: Accumulate(a, Expression.Multiply(w, r)); break;
                case OpCode.Log: Accumulate(a, Expression.Divide(w, x)); break;
                case OpCode.Sin: Accumulate(a, Expression.Multiply(w, Call(Math.Cos, x))); break;
                case OpCode.Cos: Accumulate(a, Expression.Negate(Expression.Multiply(w, Call(Math.Sin, x)))); break;
                case OpCode.Sqrt: Accumulate(a, Expression.Multiply(w, Expression.Divide(Expression.Constant(0.5), r))); break;
                case OpCode.Tanh: Accumulate(a, Expression.Multiply(w, Expression.Subtract(Expression.Constant(1.0), Expression.Multiply(r, r)))); break;
                case OpCode.Unary:
                    Accumulate(a, Expression.Multiply(w, Expression.Call(UnaryPartial, Expression.Constant(program.Primitive[j]), x, r)));
                    break;
                default:
                {
                    var p = Expression.Constant(program.Primitive[j]);
                    Accumulate(a, Expression.Multiply(w, Expression.Call(LeftPartial, p, x, y, r)));
                    Accumulate(b, Expression.Multiply(w, Expression.Call(RightPartial, p, x, y, r)));
                    break;
                }
            }
        }

        private static Expression Call(Delegate function, params Expression[] arguments) =>
            function.Target is null && function.Method.IsStatic
                ? Expression.Call(function.Method, arguments)
                : Expression.Invoke(Expression.Constant(function), arguments);

        private static Expression Call(Func<double, double> function, Expression argument) => Call((Delegate)function, argument);

        private static double PartialOf(UnaryPrimitive<Scalar> p, double x, double y) => p.Derivative(new Scalar(x), new Scalar(y)).Primal;

        private static double LeftPartialOf(BinaryPrimitive<Scalar> p, double a, double b, double y) =>
            p.DerivativeLeft(new Scalar(a), new Scalar(b), new Scalar(y)).Primal;

        private static double RightPartialOf(BinaryPrimitive<Scalar> p, double a, double b, double y) =>
            p.DerivativeRight(new Scalar(a), new Scalar(b), new Scalar(y)).Primal;
    }
}
