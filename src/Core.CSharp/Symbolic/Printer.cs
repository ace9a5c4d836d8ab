using System.Text;

namespace Functional.Symbolic;

/// <summary>
/// Prints an expression in the syntax of <see cref="Parser"/> with the fewest parentheses that
/// parse back to the same tree. Iterative: an explicit stack of pending pieces, so depth is no
/// concern and the output is written once (linear in its length).
/// </summary>
internal static class Printer
{
    // Binding strength: sums 1, products 2, unary minus 3, power 4, atoms 5.
    internal static int Precedence(Expr e)
    {
        switch (e.Kind)
        {
            case ExprKind.Constant:
                return double.IsNegative(e.ConstantValue) && !double.IsNaN(e.ConstantValue) ? 3 : 5;
            case ExprKind.Variable:
                return 5;
            case ExprKind.Unary:
                return e.Is(Primitives<Expr>.Negate) ? 3 : 5;
            default:
                var op = e.BinaryOp!;
                if (ReferenceEquals(op, Primitives<Expr>.Add) || ReferenceEquals(op, Primitives<Expr>.Subtract)) return 1;
                if (ReferenceEquals(op, Primitives<Expr>.Multiply) || ReferenceEquals(op, Primitives<Expr>.Divide)) return 2;
                return ReferenceEquals(op, Primitives<Expr>.Pow) ? 4 : 5;
        }
    }

    internal static string Print(Expr root)
    {
        var sb = new StringBuilder();
        var stack = new Stack<object>();
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var item = stack.Pop();
            if (item is string s) { sb.Append(s); continue; }
            var (e, min) = ((Expr, int))item;
            var paren = Precedence(e) < min;
            if (paren) stack.Push(")");
            switch (e.Kind)
            {
                case ExprKind.Constant: stack.Push(Expr.FormatNumber(e.ConstantValue)); break;
                case ExprKind.Variable: stack.Push(e.Name!); break;
                case ExprKind.Unary when e.Is(Primitives<Expr>.Negate):
                    stack.Push((e.Left!, 4));
                    stack.Push("-");
                    break;
                case ExprKind.Unary:
                    stack.Push(")");
                    stack.Push((e.Left!, 0));
                    stack.Push(e.UnaryOp!.Name + "(");
                    break;
                default:
                    var (infix, left, right) = Infix(e.BinaryOp!);
                    if (infix is null)
                    {
                        stack.Push(")");
                        stack.Push((e.Right!, 0));
                        stack.Push(", ");
                        stack.Push((e.Left!, 0));
                        stack.Push(e.BinaryOp!.Name + "(");
                    }
                    else
                    {
                        stack.Push((e.Right!, right));
                        stack.Push(infix);
                        stack.Push((e.Left!, left));
                    }
                    break;
            }
            if (paren) stack.Push("(");
        }
        return sb.ToString();
    }

    /// <summary>The infix spelling and the least precedence each side may have without parentheses.</summary>
    private static (string? Infix, int Left, int Right) Infix(BinaryPrimitive<Expr> op) =>
        ReferenceEquals(op, Primitives<Expr>.Add) ? (" + ", 1, 2)
        : ReferenceEquals(op, Primitives<Expr>.Subtract) ? (" - ", 1, 2)
        : ReferenceEquals(op, Primitives<Expr>.Multiply) ? ("*", 2, 3)
        : ReferenceEquals(op, Primitives<Expr>.Divide) ? ("/", 2, 3)
        : ReferenceEquals(op, Primitives<Expr>.Pow) ? ("^", 5, 3)
        : (null, 0, 0);
}
