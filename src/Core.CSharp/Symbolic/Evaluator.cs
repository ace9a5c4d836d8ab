namespace Functional.Symbolic;

/// <summary>Evaluates a DAG on doubles or on <see cref="Scalar"/>s, each node once, in post-order.</summary>
internal static class Evaluator
{
    internal static double Evaluate(Expr root, IReadOnlyDictionary<string, double> values)
    {
        var value = new Dictionary<Expr, double>();
        foreach (var n in Expr.PostOrder(root))
        {
            value[n] = n.Kind switch
            {
                ExprKind.Constant => n.ConstantValue,
                ExprKind.Variable => values.TryGetValue(n.Name!, out var v) ? v
                    : throw new KeyNotFoundException($"variable '{n.Name}' has no value: add it to the dictionary"),
                ExprKind.Unary => n.UnaryOp!.Value(value[n.Left!]),
                _ => n.BinaryOp!.Value(value[n.Left!], value[n.Right!]),
            };
        }
        return value[root];
    }

    /// <summary>Checks that <paramref name="variables"/> are distinct and cover every variable of
    /// <paramref name="root"/>; returns each variable's position.</summary>
    internal static Dictionary<string, int> Positions(Expr root, string[] variables, string method)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var position = new Dictionary<string, int>();
        for (var i = 0; i < variables.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(variables[i], nameof(variables));
            if (!position.TryAdd(variables[i], i))
                throw new ArgumentException($"variable '{variables[i]}' is listed twice in {method}", nameof(variables));
        }
        foreach (var v in root.Variables)
            if (!position.ContainsKey(v))
                throw new ArgumentException($"the expression uses variable '{v}', which is not among the parameters of {method}", nameof(variables));
        return position;
    }

    internal static void CheckLength<T>(T[] input, int expected)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Length != expected)
            throw new ArgumentException($"the input has {input.Length} entries but the expression takes {expected} variables", nameof(input));
    }

    internal static Func<Scalar[], Scalar> ToFunc(Expr root, string[] variables)
    {
        var position = Positions(root, variables, nameof(Expr.ToFunc));
        var order = Expr.PostOrder(root);
        var slot = new Dictionary<Expr, int>();
        for (var i = 0; i < order.Count; i++) slot[order[i]] = i;
        var steps = order.Select(n => new Step(
            n,
            n.Left is null ? -1 : slot[n.Left],
            n.Right is null ? -1 : slot[n.Right],
            n.Kind == ExprKind.Variable ? position[n.Name!] : -1,
            n.Kind == ExprKind.Unary && !n.Is(Primitives<Expr>.Negate) ? Primitives<Scalar>.Unary[n.UnaryOp!.Name] : null,
            n.Kind == ExprKind.Binary && Primitives<Scalar>.Binary.TryGetValue(n.BinaryOp!.Name, out var b) ? b : null)).ToArray();
        var count = variables.Length;
        return input =>
        {
            CheckLength(input, count);
            var v = new Scalar[steps.Length];
            for (var i = 0; i < steps.Length; i++)
            {
                var s = steps[i];
                var n = s.Node;
                v[i] = n.Kind switch
                {
                    ExprKind.Constant => n.ConstantValue,
                    ExprKind.Variable => input[s.Input],
                    ExprKind.Unary => s.Unary is null ? -v[s.Left] : Scalar.Apply(s.Unary, v[s.Left]),
                    _ => s.Binary is not null ? Scalar.Apply(s.Binary, v[s.Left], v[s.Right])
                        : n.Is(Primitives<Expr>.Add) ? v[s.Left] + v[s.Right]
                        : n.Is(Primitives<Expr>.Subtract) ? v[s.Left] - v[s.Right]
                        : n.Is(Primitives<Expr>.Multiply) ? v[s.Left] * v[s.Right]
                        : v[s.Left] / v[s.Right],
                };
            }
            return v[^1];
        };
    }

    private sealed record Step(Expr Node, int Left, int Right, int Input, UnaryPrimitive<Scalar>? Unary, BinaryPrimitive<Scalar>? Binary);
}
