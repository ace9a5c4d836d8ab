using System.Numerics;

namespace Functional.Symbolic;

public sealed partial class Expr
{
    private string[]? variables;

    /// <summary>The distinct variable names, sorted ordinally.</summary>
    public IReadOnlyList<string> Variables => variables ??= PostOrder(this)
        .Where(n => n.Kind == ExprKind.Variable).Select(n => n.Name!).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The number of distinct nodes of the DAG (shared subexpressions count once).</summary>
    public int NodeCount => PostOrder(this).Count;

    /// <summary>The number of nodes the expression would have written out as a tree (shared
    /// subexpressions counted at every use): what expression swell measures.</summary>
    public BigInteger TreeSize
    {
        get
        {
            var size = new Dictionary<Expr, BigInteger>();
            foreach (var n in PostOrder(this))
                size[n] = 1 + (n.Left is null ? 0 : size[n.Left]) + (n.Right is null ? 0 : size[n.Right]);
            return size[this];
        }
    }

    /// <summary>The distinct nodes below and including <paramref name="root"/>, children before
    /// parents (an iterative depth-first post-order, safe at any depth).</summary>
    internal static List<Expr> PostOrder(Expr root)
    {
        var order = new List<Expr>();
        // A node is marked when it is expanded: in a DAG it cannot be met again while its children
        // are being walked, so each node is expanded once and emitted once, after its children.
        var seen = new HashSet<Expr>();
        var stack = new Stack<(Expr Node, bool Expanded)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, expanded) = stack.Pop();
            if (expanded)
            {
                order.Add(node);
                continue;
            }
            if (!seen.Add(node)) continue;
            stack.Push((node, true));
            if (node.Right is { } r && !seen.Contains(r)) stack.Push((r, false));
            if (node.Left is { } l && !seen.Contains(l)) stack.Push((l, false));
        }
        return order;
    }
}
