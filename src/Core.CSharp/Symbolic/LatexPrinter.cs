using System.Globalization;
using System.Text;

namespace Functional.Symbolic;

/// <summary>Prints an expression as LaTeX (iteratively, like <see cref="Printer"/>):
/// <c>\frac{a}{b}</c>, <c>x^{2}</c>, <c>\sin\left(x\right)</c>, <c>\sqrt{x}</c>, <c>e^{x}</c>, <c>\left|x\right|</c>.</summary>
internal static class LatexPrinter
{
    private static readonly Dictionary<string, string> Commands = new()
    {
        ["sin"] = @"\sin", ["cos"] = @"\cos", ["tan"] = @"\tan", ["asin"] = @"\arcsin", ["acos"] = @"\arccos",
        ["atan"] = @"\arctan", ["sinh"] = @"\sinh", ["cosh"] = @"\cosh", ["tanh"] = @"\tanh", ["log"] = @"\log",
        ["max"] = @"\max", ["min"] = @"\min",
    };

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
            var paren = Printer.Precedence(e) < min;
            if (paren) stack.Push(@"\right)");
            switch (e.Kind)
            {
                case ExprKind.Constant: stack.Push(Number(e.ConstantValue)); break;
                case ExprKind.Variable: stack.Push(Variable(e.Name!)); break;
                case ExprKind.Unary when e.Is(Primitives<Expr>.Negate):
                    stack.Push((e.Left!, 4));
                    stack.Push("-");
                    break;
                case ExprKind.Unary:
                    var name = e.UnaryOp!.Name;
                    if (name == "sqrt") Push(stack, @"\sqrt{", e.Left!, "}");
                    else if (name == "exp") Push(stack, "e^{", e.Left!, "}");
                    else if (name == "abs") Push(stack, @"\left|", e.Left!, @"\right|");
                    else Push(stack, Command(name) + @"\left(", e.Left!, @"\right)");
                    break;
                default:
                    var op = e.BinaryOp!;
                    if (ReferenceEquals(op, Primitives<Expr>.Divide))
                    {
                        stack.Push("}");
                        stack.Push((e.Right!, 0));
                        stack.Push("}{");
                        stack.Push((e.Left!, 0));
                        stack.Push(@"\frac{");
                    }
                    else if (ReferenceEquals(op, Primitives<Expr>.Pow))
                    {
                        stack.Push("}");
                        stack.Push((e.Right!, 0));
                        stack.Push("^{");
                        stack.Push((e.Left!, 5));
                    }
                    else if (ReferenceEquals(op, Primitives<Expr>.Add) || ReferenceEquals(op, Primitives<Expr>.Subtract))
                    {
                        stack.Push((e.Right!, 2));
                        stack.Push(ReferenceEquals(op, Primitives<Expr>.Add) ? " + " : " - ");
                        stack.Push((e.Left!, 1));
                    }
                    else if (ReferenceEquals(op, Primitives<Expr>.Multiply))
                    {
                        stack.Push((e.Right!, 3));
                        stack.Push(e.Left!.IsConstant && !e.Right!.IsConstant ? " " : @" \cdot ");
                        stack.Push((e.Left!, 2));
                    }
                    else
                    {
                        stack.Push(@"\right)");
                        stack.Push((e.Right!, 0));
                        stack.Push(", ");
                        stack.Push((e.Left!, 0));
                        stack.Push(Command(op.Name) + @"\left(");
                    }
                    break;
            }
            if (paren) stack.Push(@"\left(");
        }
        return sb.ToString();
    }

    private static void Push(Stack<object> stack, string open, Expr inner, string close)
    {
        stack.Push(close);
        stack.Push((inner, 0));
        stack.Push(open);
    }

    private static string Command(string name) =>
        Commands.TryGetValue(name, out var c) ? c : @"\operatorname{" + name + "}";

    private static string Variable(string name)
    {
        // x1 → x_{1}, x_12 → x_{12}; longer names upright.
        var i = name.Length;
        while (i > 0 && char.IsAsciiDigit(name[i - 1])) i--;
        var stem = name[..i].TrimEnd('_');
        var index = name[i..];
        if (stem.Length == 0) return name;
        var head = stem.Length == 1 ? stem : @"\mathrm{" + stem.Replace("_", @"\_") + "}";
        return index.Length == 0 ? head : head + "_{" + index + "}";
    }

    private static string Number(double value)
    {
        if (double.IsNaN(value)) return @"\mathrm{NaN}";
        if (double.IsInfinity(value)) return value > 0 ? @"\infty" : @"-\infty";
        if (value == Math.PI) return @"\pi";
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E');
        if (e < 0) return text;
        var exponent = int.Parse(text[(e + 1)..], CultureInfo.InvariantCulture);
        return text[..e] + @" \cdot 10^{" + exponent.ToString(CultureInfo.InvariantCulture) + "}";
    }
}
