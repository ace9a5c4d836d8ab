using System.Globalization;

namespace Functional.Symbolic;

/// <summary>
/// Parses the expression grammar with operator precedence (shunting-yard) over explicit stacks, so
/// any nesting depth parses without recursion. Precedence, loosest first: <c>+ -</c> (left),
/// <c>* /</c> (left), unary minus, <c>^ **</c> (right, and the exponent may start with a minus:
/// <c>2^-x</c>). Functions are the names of <see cref="Primitives{T}.Unary"/> and
/// <see cref="Primitives{T}.Binary"/> with their arities, and <c>ln</c> for <c>log</c>; constants are
/// <c>pi e inf nan</c>. The Unicode minus sign <c>−</c> (U+2212) is read as <c>-</c>.
/// Errors are <see cref="FormatException"/>s naming the problem and its zero-based position, and
/// where it is clear how to fix it, the fix (<c>did you mean 'sin'?</c>, <c>write 2*x for 2x</c>).
/// </summary>
internal static class Parser
{
    private enum FrameKind { Binary, Negate, Group, Call }

    private readonly record struct Frame(FrameKind Kind, int Position, BinaryPrimitive<Expr>? Op = null, string? Function = null, int Arity = 0, int Arguments = 0);

    private static readonly Dictionary<string, double> Constants = new()
    {
        ["pi"] = Math.PI, ["e"] = Math.E, ["inf"] = double.PositiveInfinity, ["nan"] = double.NaN,
    };

    /// <summary>Other names of functions, accepted as written in mathematics.</summary>
    private static readonly Dictionary<string, string> Aliases = new() { ["ln"] = "log" };

    private const char UnicodeMinus = '\u2212';

    /// <summary>True for the names a variable may not have: functions and constants.</summary>
    internal static bool IsReservedName(string name) =>
        Constants.ContainsKey(name) || Aliases.ContainsKey(name)
        || Primitives<Expr>.Unary.ContainsKey(name) || Primitives<Expr>.Binary.ContainsKey(name);

    private static IEnumerable<string> FunctionNames =>
        Primitives<Expr>.Unary.Keys.Concat(Primitives<Expr>.Binary.Keys).Concat(Aliases.Keys);

    internal static Expr Parse(string text)
    {
        var operands = new Stack<Expr>();
        var frames = new Stack<Frame>();
        var pos = 0;
        var expectOperand = true;
        var lastOperand = (Start: 0, End: 0);   // the text of the latest number, name or group, for hints
        while (true)
        {
            while (pos < text.Length && char.IsWhiteSpace(text[pos])) pos++;
            if (pos >= text.Length) break;
            var c = text[pos];
            if (expectOperand)
            {
                if (char.IsAsciiDigit(c) || c == '.')
                {
                    var start = pos;
                    operands.Push(Expr.Const(ReadNumber(text, ref pos)));
                    lastOperand = (start, pos);
                    expectOperand = false;
                }
                else if (char.IsAsciiLetter(c) || c == '_')
                {
                    var start = pos;
                    while (pos < text.Length && (char.IsAsciiLetterOrDigit(text[pos]) || text[pos] == '_')) pos++;
                    var name = text[start..pos];
                    lastOperand = (start, pos);
                    var after = pos;
                    while (after < text.Length && char.IsWhiteSpace(text[after])) after++;
                    if (after < text.Length && text[after] == '(')
                    {
                        var function = Aliases.GetValueOrDefault(name, name);
                        var arity = Primitives<Expr>.Unary.ContainsKey(function) ? 1
                            : Primitives<Expr>.Binary.ContainsKey(function) ? 2
                            : throw Error($"unknown function '{name}'", start, ParseHints.DidYouMean(name, FunctionNames));
                        frames.Push(new Frame(FrameKind.Call, start, Function: function, Arity: arity, Arguments: 1));
                        pos = after + 1;
                        while (pos < text.Length && char.IsWhiteSpace(text[pos])) pos++;
                        if (pos < text.Length && text[pos] == ')')
                            throw Error($"function '{name}' takes {Plural(arity)} but was given none", start);
                    }
                    else if (Constants.TryGetValue(name, out var value))
                    {
                        operands.Push(Expr.Const(value));
                        expectOperand = false;
                    }
                    else if (IsReservedName(name))
                    {
                        throw Error($"function '{name}' must be followed by '('", start);
                    }
                    else
                    {
                        operands.Push(Expr.Var(name));
                        expectOperand = false;
                    }
                }
                else if (c is '-' or UnicodeMinus) { frames.Push(new Frame(FrameKind.Negate, pos)); pos++; }
                else if (c == '+') pos++;
                else if (c == '(') { frames.Push(new Frame(FrameKind.Group, pos)); pos++; }
                else throw Error($"expected a number, variable, function or '(' but found '{c}'", pos);
            }
            else
            {
                if (TryReadOperator(text, ref pos, out var op, out var opPos))
                {
                    var (precedence, rightAssociative) = Binding(op);
                    while (frames.Count > 0 && frames.Peek().Kind is FrameKind.Binary or FrameKind.Negate)
                    {
                        var top = Precedence(frames.Peek());
                        if (top > precedence || (top == precedence && !rightAssociative)) Reduce(frames.Pop(), operands);
                        else break;
                    }
                    frames.Push(new Frame(FrameKind.Binary, opPos, Op: op));
                    expectOperand = true;
                }
                else if (c == ',' || c == ')')
                {
                    while (frames.Count > 0 && frames.Peek().Kind is FrameKind.Binary or FrameKind.Negate)
                        Reduce(frames.Pop(), operands);
                    if (frames.Count == 0)
                        throw Error(c == ')' ? "unmatched ')'" : "',' outside a function's argument list", pos);
                    var open = frames.Pop();
                    if (c == ',')
                    {
                        if (open.Kind != FrameKind.Call) throw Error("',' outside a function's argument list", pos);
                        if (open.Arguments == open.Arity)
                            throw Error($"function '{open.Function}' takes {Plural(open.Arity)} but was given more", pos);
                        frames.Push(open with { Arguments = open.Arguments + 1 });
                        expectOperand = true;
                    }
                    else if (open.Kind == FrameKind.Group)
                    {
                        lastOperand = (open.Position, pos + 1);
                    }
                    else if (open.Kind == FrameKind.Call)
                    {
                        if (open.Arguments != open.Arity)
                            throw Error($"function '{open.Function}' takes {Plural(open.Arity)} but was given {open.Arguments}", open.Position);
                        lastOperand = (open.Position, pos + 1);
                        if (open.Arity == 1)
                        {
                            var x = operands.Pop();
                            operands.Push(Expr.Apply(Primitives<Expr>.Unary[open.Function!], x));
                        }
                        else
                        {
                            var b = operands.Pop();
                            var a = operands.Pop();
                            operands.Push(Expr.Apply(Primitives<Expr>.Binary[open.Function!], a, b));
                        }
                    }
                    pos++;
                }
                else throw Error($"expected an operator or ')' but found '{c}'", pos, ProductHint(text, lastOperand, pos));
            }
        }
        if (expectOperand)
            throw Error(text.Trim().Length == 0 ? "empty expression" : "unexpected end of input", pos);
        while (frames.Count > 0)
        {
            var frame = frames.Pop();
            if (frame.Kind is FrameKind.Group or FrameKind.Call) throw Error("missing ')' for '('", frame.Kind == FrameKind.Call ? frame.Position + frame.Function!.Length : frame.Position);
            Reduce(frame, operands);
        }
        return operands.Pop();
    }

    private static string Plural(int n) => n == 1 ? "1 argument" : $"{n} arguments";

    private static FormatException Error(string problem, int position, string hint = "") => new($"{problem} at position {position}{hint}");

    /// <summary>"2x", "2 x", "2(x+1)", "(a)(b)", "x y": an operand where an operator belongs reads
    /// as a product written without its '*'.</summary>
    private static string ProductHint(string text, (int Start, int End) before, int pos)
    {
        var c = text[pos];
        if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '(') || before.End <= before.Start) return "";
        string Shorten(int start, int end) => text[start] == '(' || end - start > 12 ? "(…)" : text[start..end];
        var end = pos;
        if (c != '(')
            while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '_' or '.')) end++;
        var after = c == '(' ? "(…)" : Shorten(pos, end);
        var first = Shorten(before.Start, before.End);
        return ParseHints.WriteTheProduct(first, text[before.End..pos], after);
    }

    private static (int Precedence, bool RightAssociative) Binding(BinaryPrimitive<Expr> op) =>
        ReferenceEquals(op, Primitives<Expr>.Pow) ? (4, true)
        : ReferenceEquals(op, Primitives<Expr>.Multiply) || ReferenceEquals(op, Primitives<Expr>.Divide) ? (2, false)
        : (1, false);

    private static int Precedence(Frame frame) => frame.Kind == FrameKind.Negate ? 3 : Binding(frame.Op!).Precedence;

    private static void Reduce(Frame frame, Stack<Expr> operands)
    {
        if (frame.Kind == FrameKind.Negate)
        {
            operands.Push(Expr.Apply(Primitives<Expr>.Negate, operands.Pop()));
            return;
        }
        var b = operands.Pop();
        var a = operands.Pop();
        operands.Push(Expr.Apply(frame.Op!, a, b));
    }

    private static bool TryReadOperator(string text, ref int pos, out BinaryPrimitive<Expr> op, out int opPos)
    {
        opPos = pos;
        switch (text[pos])
        {
            case '+': op = Primitives<Expr>.Add; pos++; return true;
            case '-' or UnicodeMinus: op = Primitives<Expr>.Subtract; pos++; return true;
            case '/': op = Primitives<Expr>.Divide; pos++; return true;
            case '^': op = Primitives<Expr>.Pow; pos++; return true;
            case '*' when pos + 1 < text.Length && text[pos + 1] == '*': op = Primitives<Expr>.Pow; pos += 2; return true;
            case '*': op = Primitives<Expr>.Multiply; pos++; return true;
            default: op = null!; return false;
        }
    }

    private static double ReadNumber(string text, ref int pos)
    {
        var start = pos;
        var digits = 0;
        while (pos < text.Length && char.IsAsciiDigit(text[pos])) { pos++; digits++; }
        if (pos < text.Length && text[pos] == '.')
        {
            pos++;
            while (pos < text.Length && char.IsAsciiDigit(text[pos])) { pos++; digits++; }
        }
        if (digits == 0) throw Error("a number needs at least one digit", start);
        if (pos < text.Length && (text[pos] == 'e' || text[pos] == 'E'))
        {
            var p = pos + 1;
            if (p < text.Length && (text[p] == '+' || text[p] == '-')) p++;
            if (p < text.Length && char.IsAsciiDigit(text[p]))
            {
                pos = p;
                while (pos < text.Length && char.IsAsciiDigit(text[pos])) pos++;
            }
        }
        return double.Parse(text.AsSpan(start, pos - start), NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
