using Functional.Symbolic;

namespace Functional.Tracing;

/// <summary>A program as a symbolic <see cref="Expr"/>: each instruction becomes the same primitive of
/// the symbolic engine (found by name in the one rule table), so shared values stay shared.</summary>
internal static class ExprBuilder
{
    public static Expr Build(TraceProgram program, string[] names)
    {
        var expressions = new Expr[program.Slots];
        for (var s = 0; s < program.ConstantCount; s++) expressions[s] = Expr.Const(program.Values[s]);
        for (var i = 0; i < program.Inputs; i++) expressions[program.FirstInput + i] = Expr.Var(names[i]);
        for (var j = 0; j < program.Length; j++)
        {
            Expr a = expressions[program.A[j]], b = expressions[program.B[j]];
            expressions[program.FirstOutput + j] = program.Code[j] switch
            {
                OpCode.Add => a + b,
                OpCode.Subtract => a - b,
                OpCode.Multiply => a * b,
                OpCode.Divide => a / b,
                OpCode.Negate => -a,
                OpCode.Binary => Expr.Apply(Primitives<Expr>.Binary[program.OperationName(j)], a, b),
                _ => Expr.Apply(Primitives<Expr>.Unary[program.OperationName(j)], a),
            };
        }
        return expressions[program.Result];
    }
}
