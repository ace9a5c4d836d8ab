using System.Reflection;
using LinqExpression = System.Linq.Expressions.Expression;
using ParameterExpression = System.Linq.Expressions.ParameterExpression;

namespace Functional.Symbolic;

/// <summary>
/// Compiles an expression DAG to a delegate through System.Linq.Expressions. The body is one flat
/// block: each shared DAG node is computed once into a local, so common subexpressions are never
/// recomputed and the expression tree stays two levels deep whatever the depth of the DAG (the
/// LINQ compiler is recursive). Locals are recycled after their last use, so a long chain needs few.
/// Primitives whose value is a static method (<see cref="Math.Sin"/>, <see cref="DoubleMath.Sigmoid"/> …)
/// are called directly; the infix operators become IL arithmetic.
/// </summary>
internal static class Compiler
{
    private static readonly MethodInfo CheckLengthMethod =
        typeof(Evaluator).GetMethod(nameof(Evaluator.CheckLength), BindingFlags.Static | BindingFlags.NonPublic)!.MakeGenericMethod(typeof(double));

    internal static Func<double[], double> Compile(Expr root, string[] variables)
    {
        var position = Evaluator.Positions(root, variables, nameof(Expr.Compile));
        var order = Expr.PostOrder(root);
        var uses = new Dictionary<Expr, int>();
        foreach (var n in order)
        {
            if (n.Left is { } l) uses[l] = uses.GetValueOrDefault(l) + 1;
            if (n.Right is { } r) uses[r] = uses.GetValueOrDefault(r) + 1;
        }

        var input = LinqExpression.Parameter(typeof(double[]), "x");
        var body = new List<LinqExpression> { LinqExpression.Call(CheckLengthMethod, input, LinqExpression.Constant(variables.Length)) };
        var locals = new List<ParameterExpression>();
        var free = new Stack<ParameterExpression>();
        var value = new Dictionary<Expr, LinqExpression>();

        ParameterExpression Allocate()
        {
            if (free.Count > 0) return free.Pop();
            var local = LinqExpression.Variable(typeof(double), "t" + locals.Count);
            locals.Add(local);
            return local;
        }

        void Release(Expr child)
        {
            if (--uses[child] == 0 && value[child] is ParameterExpression p && p != input && child.Kind != ExprKind.Constant)
                free.Push(p);
        }

        foreach (var n in order)
        {
            LinqExpression computed;
            switch (n.Kind)
            {
                case ExprKind.Constant:
                    value[n] = LinqExpression.Constant(n.ConstantValue);
                    continue;
                case ExprKind.Variable:
                    computed = LinqExpression.ArrayIndex(input, LinqExpression.Constant(position[n.Name!]));
                    break;
                case ExprKind.Unary:
                    computed = n.Is(Primitives<Expr>.Negate)
                        ? LinqExpression.Negate(value[n.Left!])
                        : Call(n.UnaryOp!.Value, value[n.Left!]);
                    Release(n.Left!);
                    break;
                default:
                    var a = value[n.Left!];
                    var b = value[n.Right!];
                    computed = n.BinaryOp!.Name switch
                    {
                        "+" => LinqExpression.Add(a, b),
                        "-" => LinqExpression.Subtract(a, b),
                        "*" => LinqExpression.Multiply(a, b),
                        "/" => LinqExpression.Divide(a, b),
                        _ => Call(n.BinaryOp.Value, a, b),
                    };
                    Release(n.Left!);
                    Release(n.Right!);
                    break;
            }
            var target = Allocate();
            body.Add(LinqExpression.Assign(target, computed));
            value[n] = target;
        }
        body.Add(value[root]);
        var lambda = LinqExpression.Lambda<Func<double[], double>>(LinqExpression.Block(typeof(double), locals, body), input);
        return lambda.Compile();
    }

    private static LinqExpression Call(Delegate function, params LinqExpression[] args) =>
        function.Target is null && function.Method.IsStatic
            ? LinqExpression.Call(function.Method, args)
            : LinqExpression.Invoke(LinqExpression.Constant(function), args);
}
