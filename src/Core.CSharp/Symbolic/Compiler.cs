using System.Reflection;
using LinqExpression = System.Linq.Expressions.Expression;
using ParameterExpression = System.Linq.Expressions.ParameterExpression;

namespace Functional.Symbolic;

/// <summary>
/// Compiles an expression DAG to a delegate through System.Linq.Expressions. The body is a flat
/// block: each shared DAG node is computed once into a local, so common subexpressions are never
/// recomputed and the expression tree stays two levels deep whatever the depth of the DAG (the LINQ
/// compiler is recursive). Locals are recycled after their last use. Primitives whose value is a
/// static method (<see cref="Math.Sin"/>, <see cref="DoubleMath.Sigmoid"/> …) are called directly;
/// the infix operators become IL arithmetic.
/// </summary>
/// <remarks>
/// A DAG of more than <see cref="SegmentSize"/> nodes is split into segments compiled separately (one
/// huge method makes the JIT give up with <see cref="InvalidProgramException"/>); values that cross a
/// segment boundary go through a scratch array allocated per call.
/// </remarks>
internal static class Compiler
{
    internal const int SegmentSize = 4000;

    private static readonly MethodInfo CheckLengthMethod =
        typeof(Evaluator).GetMethod(nameof(Evaluator.CheckLength), BindingFlags.Static | BindingFlags.NonPublic)!.MakeGenericMethod(typeof(double));

    internal static Func<double[], double> Compile(Expr root, string[] variables)
    {
        var position = Evaluator.Positions(root, variables, nameof(Expr.Compile));
        var nodes = Expr.PostOrder(root).Where(n => !n.IsConstant).ToList();
        if (nodes.Count == 0)
        {
            var constant = root.ConstantValue;
            var count = variables.Length;
            return x => { Evaluator.CheckLength(x, count); return constant; };
        }
        var segment = new Dictionary<Expr, int>();
        for (var i = 0; i < nodes.Count; i++) segment[nodes[i]] = i / SegmentSize;

        var input = LinqExpression.Parameter(typeof(double[]), "x");
        var check = LinqExpression.Call(CheckLengthMethod, input, LinqExpression.Constant(variables.Length));
        if (nodes.Count <= SegmentSize)
        {
            var body = Segment(nodes, segment, position, input, null, null);
            body.Insert(0, check);
            return LinqExpression.Lambda<Func<double[], double>>(LinqExpression.Block(typeof(double), Locals(body), body.Skip(0)), input).Compile();
        }

        // Values used by a later segment (and the root) live in a scratch array.
        var slot = new Dictionary<Expr, int>();
        foreach (var n in nodes)
            foreach (var child in Children(n))
                if (!child.IsConstant && segment[child] != segment[n] && !slot.ContainsKey(child)) slot[child] = slot.Count;
        if (!slot.ContainsKey(root)) slot[root] = slot.Count;
        var slots = LinqExpression.Parameter(typeof(double[]), "slots");
        var parts = new List<Action<double[], double[]>>();
        for (var start = 0; start < nodes.Count; start += SegmentSize)
        {
            var body = Segment(nodes.GetRange(start, Math.Min(SegmentSize, nodes.Count - start)), segment, position, input, slots, slot);
            body.Add(LinqExpression.Empty());
            parts.Add(LinqExpression.Lambda<Action<double[], double[]>>(LinqExpression.Block(Locals(body), body), input, slots).Compile());
        }
        var steps = parts.ToArray();
        var size = slot.Count;
        var result = slot[root];
        var arity = variables.Length;
        return x =>
        {
            Evaluator.CheckLength(x, arity);
            var scratch = new double[size];
            foreach (var step in steps) step(x, scratch);
            return scratch[result];
        };
    }

    private static IEnumerable<Expr> Children(Expr n)
    {
        if (n.Left is not null) yield return n.Left;
        if (n.Right is not null) yield return n.Right;
    }

    private static List<ParameterExpression> Locals(List<LinqExpression> body) =>
        body.OfType<System.Linq.Expressions.BinaryExpression>().Select(b => b.Left).OfType<ParameterExpression>().Distinct().ToList();

    /// <summary>The statements computing <paramref name="nodes"/> (one segment); the last statement is
    /// the value of the last node when there are no slots.</summary>
    private static List<LinqExpression> Segment(List<Expr> nodes, Dictionary<Expr, int> segment, Dictionary<string, int> position,
        ParameterExpression input, ParameterExpression? slots, Dictionary<Expr, int>? slot)
    {
        var here = segment[nodes[0]];
        var uses = new Dictionary<Expr, int>();
        foreach (var n in nodes)
            foreach (var child in Children(n))
                if (!child.IsConstant && segment[child] == here) uses[child] = uses.GetValueOrDefault(child) + 1;

        var body = new List<LinqExpression>();
        var free = new Stack<ParameterExpression>();
        var value = new Dictionary<Expr, LinqExpression>();
        var made = 0;

        LinqExpression ValueOf(Expr child) =>
            child.IsConstant ? LinqExpression.Constant(child.ConstantValue)
            : segment[child] == here ? value[child]
            : LinqExpression.ArrayIndex(slots!, LinqExpression.Constant(slot![child]));

        void Release(Expr child)
        {
            if (!child.IsConstant && segment[child] == here && --uses[child] == 0) free.Push((ParameterExpression)value[child]);
        }

        foreach (var n in nodes)
        {
            LinqExpression computed;
            if (n.Kind == ExprKind.Variable)
                computed = LinqExpression.ArrayIndex(input, LinqExpression.Constant(position[n.Name!]));
            else if (n.Kind == ExprKind.Unary)
            {
                var a = ValueOf(n.Left!);
                computed = n.Is(Primitives<Expr>.Negate) ? LinqExpression.Negate(a) : Call(n.UnaryOp!.Value, a);
                Release(n.Left!);
            }
            else
            {
                var a = ValueOf(n.Left!);
                var b = ValueOf(n.Right!);
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
            }
            var target = free.Count > 0 ? free.Pop() : LinqExpression.Variable(typeof(double), "t" + made++);
            body.Add(LinqExpression.Assign(target, computed));
            value[n] = target;
            if (slot is not null && slot.TryGetValue(n, out var k))
                body.Add(LinqExpression.Assign(LinqExpression.ArrayAccess(slots!, LinqExpression.Constant(k)), target));
        }
        if (slot is null) body.Add(value[nodes[^1]]);
        return body;
    }

    private static LinqExpression Call(Delegate function, params LinqExpression[] args) =>
        function.Target is null && function.Method.IsStatic
            ? LinqExpression.Call(function.Method, args)
            : LinqExpression.Invoke(LinqExpression.Constant(function), args);
}
