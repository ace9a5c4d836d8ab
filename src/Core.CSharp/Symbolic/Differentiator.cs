namespace Functional.Symbolic;

/// <summary>
/// Symbolic differentiation driven by the rule table <see cref="Primitives{T}"/> with T =
/// <see cref="Expr"/> — the very rules forward and reverse mode use. One pass over the DAG in
/// post-order (children first), memoised per node, so every node's derivative is built once and the
/// derivative DAG is linear in the size of the input DAG (no expression swell).
/// </summary>
internal static class Differentiator
{
    internal static Expr Diff(Expr root, string variable)
    {
        var zero = Expr.Const(0);
        var one = Expr.Const(1);
        var d = new Dictionary<Expr, Expr>();
        foreach (var n in Expr.PostOrder(root))
        {
            d[n] = n.Kind switch
            {
                ExprKind.Constant => zero,
                ExprKind.Variable => n.Name == variable ? one : zero,
                ExprKind.Unary => Chain(n.UnaryOp!.Derivative, n.Left!, n, d[n.Left!]),
                _ => Chain(n.BinaryOp!, n, d[n.Left!], d[n.Right!]),
            };
        }
        return d[root];
    }

    private static Expr Chain(Func<Expr, Expr, Expr> rule, Expr x, Expr y, Expr dx) =>
        dx.IsConstantEqualTo(0) ? dx : rule(x, y) * dx;

    private static Expr Chain(BinaryPrimitive<Expr> op, Expr y, Expr da, Expr db)
    {
        var a = y.Left!;
        var b = y.Right!;
        var left = da.IsConstantEqualTo(0) ? null : op.DerivativeLeft(a, b, y) * da;
        var right = db.IsConstantEqualTo(0) ? null : op.DerivativeRight(a, b, y) * db;
        return left is null ? right ?? da : right is null ? left : left + right;
    }
}
