using System.Linq.Expressions;
using System.Reflection;

namespace Functional.Tracing;

/// <summary>
/// A <see cref="TraceProgram"/> emitted as straight-line code through System.Linq.Expressions: the
/// forward statements (one per instruction, constants folded in) and then the reverse adjoint
/// statements (the partials recomputed from the stored values; instructions that do not reach the
/// result are left out, and an adjoint's first contribution is an assignment, so nothing is cleared).
/// </summary>
/// <remarks>
/// The code is split into methods of at most <see cref="ChunkSize"/> instructions, small enough for
/// the JIT to optimise fully and keep values in registers: inside a chunk values and adjoints live in
/// locals, across chunks in the program's arrays. Programs above <see cref="MaxInstructions"/> are
/// not compiled (the replay is used): compiling them would cost more than it saves.
/// </remarks>
internal sealed class CompiledProgram
{
    public const int ChunkSize = 256;
    public const int MaxInstructions = 200_000;

    private readonly Action<double[]>[] forward;
    private readonly Action<double[], double[]>[] reverse;
    private readonly int result;

    private CompiledProgram(Action<double[]>[] forward, Action<double[], double[]>[] reverse, int result)
    {
        this.forward = forward;
        this.reverse = reverse;
        this.result = result;
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
        private readonly List<Expression> statements = [];
        private bool[] touched = [];

        public CompiledProgram Emit()
        {
            var length = program.Length;
            var forward = new List<Action<double[]>>();
            for (var lo = 0; lo < length; lo += ChunkSize) forward.Add(ForwardChunk(lo, Math.Min(length, lo + ChunkSize)));
            if (forward.Count == 0) forward.Add(_ => { });

            touched = new bool[program.Slots];
            touched[program.Result] = true;
            var reverse = new List<Action<double[], double[]>>();
            for (var hi = length; hi > 0; hi -= ChunkSize) reverse.Add(ReverseChunk(Math.Max(0, hi - ChunkSize), hi, last: hi <= ChunkSize));
            if (reverse.Count == 0) reverse.Add(ReverseChunk(0, 0, last: true));
            return new CompiledProgram([.. forward], [.. reverse], program.Result);
        }

        private Action<double[]> ForwardChunk(int lo, int hi)
        {
            locals.Clear();
            statements.Clear();
            for (var j = lo; j < hi; j++)
            {
                var local = Expression.Variable(typeof(double), $"t{j}");
                locals[program.FirstOutput + j] = local;
                statements.Add(Expression.Assign(Expression.ArrayAccess(v, Expression.Constant(program.FirstOutput + j)),
                    Expression.Assign(local, ValueOf(j))));
            }
            statements.Add(Expression.Empty());
            return Expression.Lambda<Action<double[]>>(Expression.Block(locals.Values, statements), v).Compile();
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

        private Action<double[], double[]> ReverseChunk(int lo, int hi, bool last)
        {
            locals.Clear();
            statements.Clear();
            for (var j = hi - 1; j >= lo; j--)
            {
                var o = program.FirstOutput + j;
                if (!touched[o]) continue; // does not reach the result
                var w = Expression.Variable(typeof(double), $"w{j}");
                statements.Add(Expression.Assign(w, Adjoint(o)));
                locals[-1 - j] = w;
                EmitPartials(j, w);
            }
            foreach (var (slot, local) in locals)
                if (slot >= 0 && slot < program.FirstOutput + lo) statements.Add(Expression.Assign(Expression.ArrayAccess(g, Expression.Constant(slot)), local));
            if (last)
                for (var s = program.FirstInput; s < program.FirstOutput; s++)
                    if (!touched[s]) statements.Add(Expression.Assign(Expression.ArrayAccess(g, Expression.Constant(s)), Expression.Constant(0.0)));
            statements.Add(Expression.Empty());
            return Expression.Lambda<Action<double[], double[]>>(Expression.Block(locals.Values, statements), v, g).Compile();
        }

        private Expression Adjoint(int slot) =>
            locals.TryGetValue(slot, out var local) ? local : Expression.ArrayIndex(g, Expression.Constant(slot));

        /// <summary>adjoint(operand) += contribution, the first contribution assigned.</summary>
        private void Accumulate(int slot, Expression contribution)
        {
            if (slot < program.ConstantCount) return;
            if (locals.TryGetValue(slot, out var local))
            {
                statements.Add(Expression.AddAssign(local, contribution));
                return;
            }
            local = Expression.Variable(typeof(double), $"g{slot}");
            locals[slot] = local;
            statements.Add(Expression.Assign(local, touched[slot]
                ? Expression.Add(Expression.ArrayIndex(g, Expression.Constant(slot)), contribution)
                : contribution));
            touched[slot] = true;
        }

        private void EmitPartials(int j, ParameterExpression w)
        {
            int a = program.A[j], b = program.B[j];
            Expression x = ReadValue(a), y = ReadValue(b), r = ReadValue(program.FirstOutput + j);
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

        private Expression ReadValue(int slot) => slot < program.ConstantCount
            ? Expression.Constant(program.Values[slot])
            : Expression.ArrayIndex(v, Expression.Constant(slot));

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
